package org.crmbench.query;

import static org.crmbench.jooq.Tables.APP_USER;
import static org.crmbench.jooq.Tables.USER_LIST;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The statement that fills the read table {@code user_list} from the three tables: the user id,
 * every {@link Filter}'s column lower-cased, every {@link Ordering.Key}'s column as it is. Derived
 * from those two lists, so a filter or ordering added there is filled without touching this.
 */
public final class UserListFill {
    private UserListFill() {}

    /** INSERT INTO user_list (...) SELECT ... FROM the three tables joined, rendered by {@code dsl}. */
    public static String sql(DSLContext dsl) {
        List<Field<?>> target = new ArrayList<>(List.of(USER_LIST.USER_ID));
        List<Field<?>> source = new ArrayList<>(List.of(APP_USER.ID));
        for (Filter filter : Filter.values()) {
            target.add(filter.key());
            source.add(DSL.lower(filter.source()));
        }
        for (Ordering.Key key : Ordering.Key.values()) {
            if (key != Ordering.Key.ID) {
                target.add(key.listColumn());
                source.add(key.source());
            }
        }
        Set<Field<?>> filled = new HashSet<>(target);
        if (filled.size() != target.size() || !filled.equals(Set.of(USER_LIST.fields()))) {
            throw new IllegalStateException("user_list's columns in schema.sql and the filters and orderings differ: "
                    + List.of(USER_LIST.fields()) + " against " + target);
        }
        return dsl.render(dsl.insertInto(USER_LIST, target).select(UserQueries.joinedTables(dsl.select(source))));
    }
}
