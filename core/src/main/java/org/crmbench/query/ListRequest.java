package org.crmbench.query;

import java.util.Objects;

/**
 * One request of the user list: filters, ordering, which page, and how many rows per page.
 *
 * @param position a page number, or a keyset cursor (the ordering value and id of the last row seen)
 */
public record ListRequest(UserFilter filter, Ordering ordering, Position position, int pageSize) {

    /** Where the page starts. */
    public sealed interface Position {}

    /** Page {@code number}, from 1, by OFFSET (as Django REST framework's PageNumberPagination). */
    public record Page(long number) implements Position {
        public Page {
            if (number < 1) {
                throw new IllegalArgumentException("page numbers start at 1 but was " + number);
            }
        }
    }

    /** The rows after (ordering value, user id), without OFFSET's cost. */
    public record After(Object value, long id) implements Position {
        public After {
            Objects.requireNonNull(value, "value");
        }
    }

    public ListRequest {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(ordering, "ordering");
        Objects.requireNonNull(position, "position");
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1 but was " + pageSize);
        }
    }

    public static ListRequest page(UserFilter filter, Ordering ordering, long page, int pageSize) {
        return new ListRequest(filter, ordering, new Page(page), pageSize);
    }

    /** The page that follows {@code lastRow} in this filter and ordering. */
    public static ListRequest after(UserFilter filter, Ordering ordering, UserRow lastRow, int pageSize) {
        return new ListRequest(filter, ordering, after(ordering, lastRow), pageSize);
    }

    /** The cursor position after {@code row} in {@code ordering}. */
    public static After after(Ordering ordering, UserRow row) {
        return new After(row.get(ordering.key().source()), row.id());
    }

    /** Rows skipped before the page: OFFSET for a page number, 0 after a cursor. */
    public long offset() {
        return position instanceof Page p ? (p.number() - 1) * pageSize : 0;
    }
}
