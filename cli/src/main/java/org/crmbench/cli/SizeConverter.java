package org.crmbench.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Sizes as people type them: 500MB, 4GB, 1.5GB, 800kB; a plain number is MB. In bytes (1 MB = 1024 kB). */
final class SizeConverter implements ITypeConverter<Long> {
    private static final Pattern SIZE =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(kb|mb|gb|tb)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value.strip());
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a size (examples: 500MB, 4GB)");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "mb" : m.group(2).toLowerCase(Locale.ROOT);
        int power = switch (unit) {
            case "kb" -> 1;
            case "mb" -> 2;
            case "gb" -> 3;
            default -> 4;
        };
        return (long) (n * Math.pow(1024, power));
    }
}
