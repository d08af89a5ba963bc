package org.crmbench.query;

import static org.crmbench.jooq.Tables.USER_LIST;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The statement that fills the read table {@code user_list} from the three tables: every column of
 * a user row ({@link UserList#columnOf}) and every {@link Filter}'s column lower-cased. Derived from
 * those lists, so a column or filter added there is filled without touching this, and a read table
 * that does not match them fails here, at the first generate or test.
 */
public final class UserListFill {
    private UserListFill() {}

    /** INSERT INTO user_list (...) SELECT ... FROM the three tables joined, rendered by {@code dsl}. */
    public static String sql(DSLContext dsl) {
        Map<Field<?>, Field<?>> sourceOf = new LinkedHashMap<>();
        for (Field<?> column : UserQueries.columns()) {
            sourceOf.putIfAbsent(UserList.columnOf(column), column); // user_id: app_user.id, listed first
        }
        for (Filter filter : Filter.values()) {
            if (sourceOf.put(filter.key(), DSL.lower(filter.source())) != null) {
                throw new IllegalStateException(filter.key() + " is both a copied column and a filter's key");
            }
        }
        if (!sourceOf.keySet().equals(Set.of(USER_LIST.fields()))) {
            throw new IllegalStateException("user_list's columns in schema.sql and the columns it is filled with"
                    + " differ: " + List.of(USER_LIST.fields()) + " against " + sourceOf.keySet());
        }
        return dsl.render(dsl.insertInto(USER_LIST, sourceOf.keySet())
                .select(UserQueries.joinedTables(dsl.select(sourceOf.values()))));
    }
}
