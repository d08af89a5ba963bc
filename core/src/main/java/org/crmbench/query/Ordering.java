package org.crmbench.query;

import static org.crmbench.jooq.Tables.APP_USER;
import static org.crmbench.jooq.Tables.CUSTOMER_RELATIONSHIP;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.SortField;

/** The orderings the API accepts (Django REST framework names), ascending or with '-' descending. */
public record Ordering(Key key, boolean descending) {
    public static final Ordering DEFAULT = new Ordering(Key.ID, false);

    public enum Key {
        ID("id", APP_USER.ID),
        LAST_NAME("last_name", APP_USER.LAST_NAME),
        CREATED("created", APP_USER.CREATED),
        POINTS("relationship__points", CUSTOMER_RELATIONSHIP.POINTS),
        LIFETIME_VALUE("relationship__lifetime_value", CUSTOMER_RELATIONSHIP.LIFETIME_VALUE);

        final String apiName;
        final Field<?> field;

        Key(String apiName, Field<?> field) {
            this.apiName = apiName;
            this.field = field;
        }
    }

    /** Parses "relationship__points" or "-relationship__points"; unknown names are an error naming the valid ones. */
    public static Ordering parse(String text) {
        boolean descending = text.startsWith("-");
        String name = descending ? text.substring(1) : text;
        return Arrays.stream(Key.values())
                .filter(k -> k.apiName.equals(name))
                .findFirst()
                .map(k -> new Ordering(k, descending))
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown ordering '" + text + "'; valid: " + validNames()));
    }

    public static String validNames() {
        return Arrays.stream(Key.values())
                .map(k -> k.apiName + ", -" + k.apiName)
                .collect(Collectors.joining(", "));
    }

    public String apiName() {
        return (descending ? "-" : "") + key.apiName;
    }

    /** The ordering field, then the user id so that pages are stable and keyset paging works. */
    SortField<?>[] sortFields() {
        if (key == Key.ID) {
            return new SortField<?>[] {descending ? APP_USER.ID.desc() : APP_USER.ID.asc()};
        }
        return new SortField<?>[] {
            descending ? key.field.desc() : key.field.asc(), descending ? APP_USER.ID.desc() : APP_USER.ID.asc()
        };
    }
}
