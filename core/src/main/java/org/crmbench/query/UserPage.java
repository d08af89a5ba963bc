package org.crmbench.query;

import java.util.List;

/** One page of users and the count of all users matching the filter. */
public record UserPage(List<UserRow> rows, Count count) {
    public UserPage {
        rows = List.copyOf(rows);
    }
}
