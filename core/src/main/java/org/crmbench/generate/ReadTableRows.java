package org.crmbench.generate;

import static org.crmbench.jooq.Tables.USER_LIST;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmbench.query.Filter;
import org.crmbench.query.Ordering;
import org.crmbench.query.UserList;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The read table {@code user_list}, written by the generator like the three tables rather than
 * joined from them after the load: row {@code id} is the three tables' rows for {@code id}, each
 * column where {@link UserList#columnOf} puts it, and each {@link Filter}'s column again,
 * lower-cased, as its key. So the read table is loaded in id order, as the three tables are: filled
 * by a hash join, its rows came out batch by batch in no order, and a list page's index range
 * touched a different visibility-map and heap page for every other row (an index-only read of
 * London's 43,000 bronze users took 19 ms, with 21,500 buffer reads, where 200 would do).
 */
final class ReadTableRows implements TableRows {
    /** Where a read-table column comes from: a field of one of the three rows, and its form there. */
    private record Source(int table, int field, Form form) {}

    private enum Form {
        AS_IS,
        /** A filter's key. */
        LOWER_CASE,
        /** A sort key: an amount with two decimals ("1234.05", as {@link CopyBuffer#cents} writes it) in cents. */
        CENTS
    }

    private final List<TableRows> tables;
    private final Source[] columns;
    private final ThreadLocal<Scratch> scratch;

    ReadTableRows(List<TableRows> tables) {
        this.tables = List.copyOf(tables);
        this.columns = plan(this.tables);
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(this.tables.size()));
    }

    @Override
    public Table<?> table() {
        return USER_LIST;
    }

    @Override
    public void write(long id, CopyBuffer out) {
        Scratch s = scratch.get();
        for (int t = 0; t < tables.size(); t++) {
            s.rows[t].clear();
            tables.get(t).write(id, s.rows[t]);
            s.fieldStarts[t] = fieldStarts(s.rows[t]);
        }
        for (Source column : columns) {
            CopyBuffer row = s.rows[column.table()];
            int[] starts = s.fieldStarts[column.table()];
            int from = starts[column.field()];
            int length = starts[column.field() + 1] - 1 - from;
            switch (column.form()) {
                case AS_IS -> out.append(row.array(), from, length).separator();
                case LOWER_CASE -> out.text(s.lowerCase(row.array(), from, length));
                case CENTS ->
                    out.append(row.array(), from, length - 3)
                            .append(row.array(), from + length - 2, 2)
                            .separator();
            }
        }
        out.endRow();
    }

    /** The read table's columns in its order, each with its source; every column must have one. */
    private static Source[] plan(List<TableRows> tables) {
        Map<Field<?>, Source> sources = new LinkedHashMap<>();
        for (int t = 0; t < tables.size(); t++) {
            Field<?>[] fields = tables.get(t).table().fields();
            for (int f = 0; f < fields.length; f++) {
                sources.putIfAbsent(UserList.columnOf(fields[f]), new Source(t, f, Form.AS_IS));
            }
        }
        for (Filter filter : Filter.values()) {
            Source copy = sources.get(UserList.columnOf(filter.source()));
            sources.put(filter.key(), new Source(copy.table(), copy.field(), Form.LOWER_CASE));
        }
        Ordering.Key amount = Ordering.Key.LIFETIME_VALUE;
        Source copy = sources.get(UserList.columnOf(amount.source()));
        sources.put(amount.listColumn(), new Source(copy.table(), copy.field(), Form.CENTS));
        if (!sources.keySet().equals(Set.of(USER_LIST.fields()))) {
            throw new IllegalStateException("user_list's columns in schema.sql and the generated columns differ: "
                    + List.of(USER_LIST.fields()) + " against " + sources.keySet());
        }
        return List.of(USER_LIST.fields()).stream().map(sources::get).toArray(Source[]::new);
    }

    /** Offsets where each field of a COPY row starts, and one past the row's end. */
    private static int[] fieldStarts(CopyBuffer row) {
        byte[] bytes = row.array();
        int fields = 1;
        for (int i = 0; i < row.length(); i++) {
            if (bytes[i] == '\t') {
                fields++;
            }
        }
        int[] starts = new int[fields + 1];
        int field = 1;
        for (int i = 0; i < row.length(); i++) {
            if (bytes[i] == '\t' || bytes[i] == '\n') {
                starts[field++] = i + 1;
            }
        }
        return starts;
    }

    /** One thread's rows of the three tables, and the lower-cased values it has seen. */
    private static final class Scratch {
        final CopyBuffer[] rows;
        final int[][] fieldStarts;
        /**
         * Filter columns take their values from the generator's small pools (a few thousand names
         * and cities), so each is lower-cased once.
         */
        final Map<ByteBuffer, byte[]> lowerCased = new HashMap<>();

        Scratch(int tables) {
            rows = new CopyBuffer[tables];
            fieldStarts = new int[tables][];
            for (int t = 0; t < tables; t++) {
                rows[t] = new CopyBuffer(512);
            }
        }

        /**
         * The COPY-encoded value lower-cased code point by code point (Unicode's simple case
         * mapping, as PostgreSQL's lower()). Escapes stay escapes: a backslash is followed by a
         * lower-case letter or another backslash.
         */
        byte[] lowerCase(byte[] bytes, int from, int length) {
            byte[] found = lowerCased.get(ByteBuffer.wrap(bytes, from, length));
            if (found != null) {
                return found;
            }
            byte[] key = java.util.Arrays.copyOfRange(bytes, from, from + length);
            String text = new String(key, StandardCharsets.UTF_8);
            StringBuilder lower = new StringBuilder(text.length());
            text.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
            byte[] value = lower.toString().getBytes(StandardCharsets.UTF_8);
            lowerCased.put(ByteBuffer.wrap(key), value);
            return value;
        }
    }
}
