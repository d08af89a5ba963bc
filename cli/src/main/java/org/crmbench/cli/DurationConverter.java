package org.crmbench.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as people (and Locust's --run-time) type them: 500ms, 30s, 2m, 1h30m, 1m30s, or ISO-8601 (PT30S). */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    /** The same parsing for durations inside other values (--stages); a bad one is an IllegalArgumentException. */
    static Duration parse(String value) {
        try {
            return new DurationConverter().convert(value);
        } catch (TypeConversionException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public Duration convert(String value) {
        String text = value.strip();
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofHours(n);
                    });
            end = m.end();
        }
        if (end > 0 && end == text.length()) {
            return total;
        }
        try {
            return Duration.parse(text);
        } catch (RuntimeException e) {
            throw new TypeConversionException("'" + value + "' is not a duration (examples: 500ms, 30s, 2m, 1h30m)");
        }
    }
}
