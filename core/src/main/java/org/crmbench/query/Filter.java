package org.crmbench.query;

import static org.crmbench.jooq.Tables.ADDRESS;
import static org.crmbench.jooq.Tables.APP_USER;
import static org.crmbench.jooq.Tables.CUSTOMER_RELATIONSHIP;
import static org.crmbench.jooq.Tables.USER_LIST;

import java.util.Arrays;
import java.util.Optional;
import org.jooq.Field;

/**
 * The list endpoint's filters: case-insensitive equality on a column of the three tables, which
 * the read table {@code user_list} holds lower-cased. The server's parameters, the read table's
 * fill, the OpenAPI document and the bench surface all come from this list.
 */
public enum Filter {
    LAST_NAME("last_name", APP_USER.LAST_NAME, USER_LIST.LAST_NAME_KEY, false),
    FIRST_NAME("first_name", APP_USER.FIRST_NAME, USER_LIST.FIRST_NAME_KEY, false),
    CITY("city", ADDRESS.CITY, USER_LIST.CITY_KEY, true),
    TIER("tier", CUSTOMER_RELATIONSHIP.TIER, USER_LIST.TIER_KEY, true);

    private final String apiName;
    private final Field<String> source;
    private final Field<String> key;
    private final boolean takesList;

    Filter(String apiName, Field<String> source, Field<String> key, boolean takesList) {
        this.apiName = apiName;
        this.source = source;
        this.key = key;
        this.takesList = takesList;
    }

    /** Whether the filter also takes a list of values, one of which must match ({@code tier__in}). */
    public boolean takesList() {
        return takesList;
    }

    /** The list parameter's name ({@code tier__in}); only for a filter that {@link #takesList}. */
    public String anyOfName() {
        return apiName + UserFilter.ANY_OF;
    }

    /** The query parameter's name. */
    public String apiName() {
        return apiName;
    }

    /** The column of the three tables that the filter matches. */
    public Field<String> source() {
        return source;
    }

    /** The read table's column: {@code lower(source)}. */
    public Field<String> key() {
        return key;
    }

    public static Optional<Filter> byApiName(String name) {
        return Arrays.stream(values()).filter(f -> f.apiName.equals(name)).findFirst();
    }
}
