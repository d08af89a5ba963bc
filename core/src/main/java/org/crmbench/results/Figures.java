package org.crmbench.results;

import java.util.Locale;

/**
 * Numbers as crmbench's tables print them for people, the same in every command: milliseconds to
 * three significant digits, counts with thousands separators, ratios as "12x". (CSV files keep
 * full precision: see {@link BenchCsv}.)
 */
public final class Figures {
    private Figures() {}

    /** Milliseconds with 3 significant digits (at least to the microsecond below 1 ms). */
    public static String ms(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : value >= 1 ? "%.2f" : "%.3f", value);
    }

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String rate(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.1f", value);
    }

    public static String times(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%,.0fx" : "%.1fx", value);
    }

    public static String signed(double percent) {
        return String.format(Locale.ROOT, "%+.0f%%", percent);
    }

    /** A number as short as it is exact: 10 for 10.0, 2.5 for 2.5. */
    public static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
