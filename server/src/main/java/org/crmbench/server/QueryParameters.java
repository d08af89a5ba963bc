package org.crmbench.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query string, read strictly at the edge into named values: bad percent-encoding, invalid
 * UTF-8, control characters, a parameter the endpoint does not take or one given twice are each
 * an {@link ApiError} naming the parameter (400), and so is a value that does not fit its type
 * when an endpoint asks for it. Django REST framework ignores unknown parameters; crmbench refuses
 * them, because a misspelt filter would otherwise return the unfiltered list.
 */
final class QueryParameters {
    static final int MAX_TEXT_LENGTH = 100;

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Two queries are equal when they give the same values to the same names, in any order: the
     * same request to an endpoint, which identical list requests waiting together share.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof QueryParameters q && values.equals(q.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Parses {@code rawQuery} (still percent-encoded; null for none) for an endpoint taking {@code accepted}. */
    static QueryParameters parse(String rawQuery, List<String> accepted) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new QueryParameters(values);
        }
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName, ApiError.abbreviate(rawName), "its name");
            String value = decode(eq < 0 ? "" : pair.substring(eq + 1), name, "its value");
            if (!accepted.contains(name)) {
                throw ApiError.badParameter(
                        ApiError.abbreviate(name),
                        "unknown parameter '" + ApiError.abbreviate(name) + "'; "
                                + (accepted.isEmpty()
                                        ? "this endpoint takes none"
                                        : "this endpoint takes " + String.join(", ", accepted)));
            }
            if (values.putIfAbsent(name, value) != null) {
                throw ApiError.badParameter(name, name + " is given more than once");
            }
        }
        return new QueryParameters(values);
    }

    /**
     * Percent-decoding ('+' is a space) into bytes, then strict UTF-8; {@code what} says which
     * part was bad.
     */
    private static String decode(String raw, String parameter, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw ApiError.badParameter(
                            parameter, parameter + ": " + what + " has a '%' not followed by two hex digits");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiError.badParameter(parameter, parameter + ": " + what + " is not valid UTF-8");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw ApiError.badParameter(
                        parameter, parameter + ": " + what + " contains a control character (code " + (int) c + ")");
            }
        }
        return text;
    }

    /** The parameter's text, null when absent or empty; longer than the limit is an error. */
    String text(String name) {
        return text(name, MAX_TEXT_LENGTH);
    }

    String text(String name, int maxLength) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ApiError.badParameter(name, name + " must be at most " + maxLength + " characters long");
        }
        return value;
    }

    long number(String name, long defaultValue, long min, long max) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiError.badParameter(
                    name, name + " must be a whole number but was '" + ApiError.abbreviate(value) + "'");
        }
        if (n < min || n > max) {
            throw ApiError.badParameter(name, name + " must be between " + min + " and " + max + " but was " + n);
        }
        return n;
    }

    long requiredNumber(String name, long min, long max) {
        if (!has(name)) {
            throw ApiError.badParameter(name, name + " is required");
        }
        return number(name, min, min, max);
    }

    String oneOf(String name, String defaultValue, Set<String> allowed) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        if (!allowed.contains(value)) {
            throw ApiError.badParameter(
                    name,
                    name + " must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()) + " but was '"
                            + ApiError.abbreviate(value)
                            + "'");
        }
        return value;
    }

    /** Whether the parameter was given with a value. */
    boolean has(String name) {
        String value = values.get(name);
        return value != null && !value.isEmpty();
    }

    /** Every parameter given, in order, decoded. */
    Map<String, String> all() {
        return values;
    }
}
