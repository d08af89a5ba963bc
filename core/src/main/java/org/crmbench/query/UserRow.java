package org.crmbench.query;

import static org.crmbench.jooq.Tables.ADDRESS;
import static org.crmbench.jooq.Tables.APP_USER;
import static org.crmbench.jooq.Tables.CUSTOMER_RELATIONSHIP;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;

/**
 * One result of the user endpoints: the values of {@link #columns()} (user, address,
 * relationship), each of its column's Java type, read by column rather than by position.
 */
public final class UserRow {
    private static final List<Field<?>> COLUMNS = columns();

    /** All columns of the three tables, user first: the shape of one API result (this record). */
    public static List<Field<?>> columns() {
        List<Field<?>> fields = new ArrayList<>(List.of(APP_USER.fields()));
        fields.addAll(List.of(ADDRESS.fields()));
        fields.addAll(List.of(CUSTOMER_RELATIONSHIP.fields()));
        return fields;
    }

    private static final Map<Field<?>, Integer> INDEX = index();

    private final Object[] values;

    /** A row from values in column order; a value of another type than its column's is refused. */
    public UserRow(List<?> values) {
        if (values.size() != COLUMNS.size()) {
            throw new IllegalArgumentException(
                    "a user row has " + COLUMNS.size() + " values but " + values.size() + " were given");
        }
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value != null && !COLUMNS.get(i).getType().isInstance(value)) {
                throw new IllegalArgumentException(
                        COLUMNS.get(i) + " holds " + COLUMNS.get(i).getType().getName() + ", not "
                                + value.getClass().getName());
            }
        }
        this.values = values.toArray();
    }

    /** The value of {@code column}, one of {@link #columns()}. */
    public <T> T get(Field<T> column) {
        Integer i = INDEX.get(column);
        if (i == null) {
            throw new IllegalArgumentException(column + " is not a column of a user row");
        }
        return column.getType().cast(values[i]);
    }

    /** The value of the column at {@code index} in {@link #columns()}. */
    public Object value(int index) {
        return values[index];
    }

    public long id() {
        return (Long) values[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserRow other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "UserRow" + Arrays.toString(values);
    }

    private static Map<Field<?>, Integer> index() {
        Map<Field<?>, Integer> index = new HashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            index.put(COLUMNS.get(i), i);
        }
        return Map.copyOf(index);
    }
}
