package org.crmbench.bench;

import java.util.Locale;

/** The two states of one schema a scenario is measured in. */
public enum BenchMode {
    /** Keys only: every secondary index dropped. */
    BASELINE,
    /** The secondary indexes of the index file. */
    INDEXED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
