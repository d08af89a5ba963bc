package org.crmbench.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A percentage as typed: 10%, 10 or 2.5%; zero or more. */
final class PercentConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        try {
            double percent = Double.parseDouble(number(value));
            if (percent >= 0 && Double.isFinite(percent)) {
                return percent;
            }
        } catch (NumberFormatException e) {
            // fall through to the one message
        }
        throw new TypeConversionException("'" + value + "' is not a percentage of 0 or more (example: 10%)");
    }

    /** The number in a percentage as typed: "50 %" and "50" are both 50. */
    static String number(String value) {
        String text = value.strip();
        return text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
    }
}
