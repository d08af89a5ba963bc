package org.crmbench.query;

import static org.crmbench.jooq.Tables.ADDRESS;
import static org.crmbench.jooq.Tables.APP_USER;
import static org.crmbench.jooq.Tables.CUSTOMER_RELATIONSHIP;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Case-insensitive equality filters of the user list; null means "not filtered". */
public record UserFilter(String lastName, String firstName, String city, String tier) {
    public static final UserFilter NONE = new UserFilter(null, null, null, null);

    public boolean isEmpty() {
        return lastName == null && firstName == null && city == null && tier == null;
    }

    /** True when a filter is on a joined table (address or relationship). */
    boolean needsJoins() {
        return city != null || tier != null;
    }

    Condition condition() {
        List<Condition> conditions = new ArrayList<>();
        add(conditions, APP_USER.LAST_NAME, lastName);
        add(conditions, APP_USER.FIRST_NAME, firstName);
        add(conditions, ADDRESS.CITY, city);
        add(conditions, CUSTOMER_RELATIONSHIP.TIER, tier);
        return DSL.and(conditions);
    }

    /** lower(column) = lower(value): matches the lower(...) expression indexes in indexes.sql. */
    private static void add(List<Condition> conditions, Field<String> column, String value) {
        if (value != null) {
            conditions.add(DSL.lower(column).eq(DSL.lower(DSL.val(value))));
        }
    }
}
