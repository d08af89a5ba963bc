package org.crmbench.generate;

import org.jooq.Table;

/** How one table's rows are made: row {@code id} is a pure function of the seed and the id. */
public interface TableRows {
    /** The generated jOOQ table: its fields are the COPY column list, so it cannot drift from the DDL. */
    Table<?> table();

    /** Appends row {@code id} (1..n) to {@code out} in COPY text format. */
    void write(long id, CopyBuffer out);
}
