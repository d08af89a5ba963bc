package org.crmbench.query;

/**
 * A drawn value bound to SQL without a type: PostgreSQL gives it the type of what it is compared
 * with ("42" to an integer column, "vienna" to text), as it does for a quoted literal.
 */
public record UntypedValue(String text) {
    @Override
    public String toString() {
        return text;
    }
}
