package org.crmbench.server;

import java.util.Set;
import org.eclipse.jetty.util.Fields;

/**
 * The query string, read into typed values at the edge: a value that does not fit is an
 * {@link ApiError} naming the parameter (400), never an exception deeper down.
 */
final class QueryParameters {
    private static final int MAX_TEXT_LENGTH = 100;

    private final Fields fields;

    QueryParameters(Fields fields) {
        this.fields = fields;
    }

    String text(String name) {
        return text(name, MAX_TEXT_LENGTH);
    }

    String text(String name, int maxLength) {
        String value = fields.getValue(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ApiError.badParameter(name, name + " must be at most " + maxLength + " characters long");
        }
        if (value.indexOf('\0') >= 0) {
            throw ApiError.badParameter(name, name + " must not contain NUL characters");
        }
        return value;
    }

    long number(String name, long defaultValue, long min, long max) {
        String value = fields.getValue(name);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiError.badParameter(name, name + " must be a whole number but was '" + abbreviate(value) + "'");
        }
        if (n < min || n > max) {
            throw ApiError.badParameter(name, name + " must be between " + min + " and " + max + " but was " + n);
        }
        return n;
    }

    long requiredNumber(String name, long min, long max) {
        if (fields.getValue(name) == null) {
            throw ApiError.badParameter(name, name + " is required");
        }
        return number(name, min, min, max);
    }

    String oneOf(String name, String defaultValue, Set<String> allowed) {
        String value = fields.getValue(name);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        if (!allowed.contains(value)) {
            throw ApiError.badParameter(
                    name,
                    name + " must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()) + " but was '" + abbreviate(value)
                            + "'");
        }
        return value;
    }

    Fields fields() {
        return fields;
    }

    static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 37) + "..." : value;
    }
}
