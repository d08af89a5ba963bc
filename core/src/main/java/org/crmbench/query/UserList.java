package org.crmbench.query;

import static org.crmbench.jooq.Tables.ADDRESS;
import static org.crmbench.jooq.Tables.APP_USER;
import static org.crmbench.jooq.Tables.CUSTOMER_RELATIONSHIP;
import static org.crmbench.jooq.Tables.USER_LIST;

import java.util.Map;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * Where each column of the three tables lives in the read table {@code user_list}: under its own
 * name, except the user id (one {@code user_id} for app_user.id and the children's user_id) and a
 * child table's own id ({@code address_id}, {@code relationship_id}).
 */
public final class UserList {
    private static final Map<Table<?>, String> ID_PREFIX =
            Map.of(ADDRESS, "address_", CUSTOMER_RELATIONSHIP, "relationship_");

    private UserList() {}

    /** The read table's copy of {@code source}, a column of app_user, address or customer_relationship. */
    public static Field<?> columnOf(Field<?> source) {
        if (!(source instanceof TableField<?, ?> column)) {
            throw new IllegalArgumentException(source + " is not a table's column");
        }
        Table<?> table = column.getTable();
        String name = column.getName();
        String copy;
        if (name.equals("user_id") || (table.equals(APP_USER) && name.equals("id"))) {
            copy = USER_LIST.USER_ID.getName();
        } else if (name.equals("id") && ID_PREFIX.containsKey(table)) {
            copy = ID_PREFIX.get(table) + name;
        } else {
            copy = name;
        }
        Field<?> field = USER_LIST.field(copy);
        if (field == null) {
            throw new IllegalStateException("user_list in schema.sql has no column " + copy + " for " + source);
        }
        return field;
    }
}
