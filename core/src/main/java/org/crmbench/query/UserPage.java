package org.crmbench.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of users and the count of all users matching the filter; a page number past the last
 * page has no rows and no count (the API answers it with 404 and counts nothing for it).
 */
public record UserPage(List<UserRow> rows, Optional<Count> count) {
    public UserPage {
        rows = List.copyOf(rows);
        Objects.requireNonNull(count, "count");
    }

    public UserPage(List<UserRow> rows, Count count) {
        this(rows, Optional.of(count));
    }

    public static UserPage pastTheEnd() {
        return new UserPage(List.of(), Optional.empty());
    }
}
