package org.crmbench.generate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's COPY text format, encoded straight into a growable byte array: fields
 * separated by tabs, rows by newlines. Text from the value pools is escaped and UTF-8 encoded once
 * ({@link #encode(String)}), so writing a row copies bytes and formats numbers without allocating.
 */
public final class CopyBuffer {
    private static final byte TAB = '\t';
    private static final byte NEWLINE = '\n';
    private static final long SECONDS_PER_DAY = 86_400;

    private byte[] bytes;
    private int length;

    public CopyBuffer(int initialCapacity) {
        bytes = new byte[Math.max(initialCapacity, 64)];
    }

    /** Escapes text for COPY (backslash, tab, newline, carriage return) and encodes it as UTF-8. */
    public static byte[] encode(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] array() {
        return bytes;
    }

    public int length() {
        return length;
    }

    public void clear() {
        length = 0;
    }

    /** Pre-encoded text (from {@link #encode(String)}), then a tab. */
    public CopyBuffer text(byte[] encoded) {
        ensure(encoded.length + 1);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
        bytes[length++] = TAB;
        return this;
    }

    /** Pre-encoded text immediately followed by more text, without a separator (e.g. "Main St" + " 12"). */
    public CopyBuffer append(byte[] encoded) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
        return this;
    }

    /** {@code length} bytes of COPY text from {@code from} in {@code source}, without a separator. */
    public CopyBuffer append(byte[] source, int from, int length) {
        ensure(length);
        System.arraycopy(source, from, bytes, this.length, length);
        this.length += length;
        return this;
    }

    /** A single ASCII character without a separator. */
    public CopyBuffer append(char ascii) {
        ensure(1);
        bytes[length++] = (byte) ascii;
        return this;
    }

    /** Decimal digits of {@code value} without a separator. */
    public CopyBuffer digits(long value) {
        ensure(20);
        if (value < 0) {
            bytes[length++] = '-';
            value = -value;
        }
        int start = length;
        do {
            bytes[length++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        reverse(start, length - 1);
        return this;
    }

    /** Decimal digits zero-padded to {@code width}, without a separator. */
    public CopyBuffer digits(long value, int width) {
        ensure(width + 20);
        int start = length;
        digits(value);
        int written = length - start;
        if (written < width) {
            int pad = width - written;
            System.arraycopy(bytes, start, bytes, start + pad, written);
            Arrays.fill(bytes, start, start + pad, (byte) '0');
            length += pad;
        }
        return this;
    }

    public CopyBuffer number(long value) {
        digits(value);
        return separator();
    }

    /** An amount given in cents, as a numeric with two decimals ("1234.05"). */
    public CopyBuffer cents(long cents) {
        digits(cents / 100).append('.').digits(cents % 100, 2);
        return separator();
    }

    public CopyBuffer bool(boolean value) {
        return append(value ? 't' : 'f').separator();
    }

    /** A date given as days since 1970-01-01. */
    public CopyBuffer date(long epochDay) {
        civilDate(epochDay);
        return separator();
    }

    /** A timestamptz given as seconds since the epoch, written in UTC. */
    public CopyBuffer timestamp(long epochSecond) {
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        long secondOfDay = Math.floorMod(epochSecond, SECONDS_PER_DAY);
        civilDate(day);
        append(' ').digits(secondOfDay / 3600, 2).append(':');
        digits(secondOfDay / 60 % 60, 2).append(':').digits(secondOfDay % 60, 2);
        append('+').append('0').append('0');
        return separator();
    }

    /** Ends the row: the last field's tab becomes a newline. */
    public void endRow() {
        bytes[length - 1] = NEWLINE;
    }

    public CopyBuffer separator() {
        ensure(1);
        bytes[length++] = TAB;
        return this;
    }

    /** yyyy-mm-dd from an epoch day (Howard Hinnant's civil_from_days). */
    private void civilDate(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        digits(year, 4).append('-').digits(month, 2).append('-').digits(day, 2);
    }

    private void reverse(int from, int to) {
        while (from < to) {
            byte t = bytes[from];
            bytes[from++] = bytes[to];
            bytes[to--] = t;
        }
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }
}
