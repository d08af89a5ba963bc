package org.crmbench.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A percentage as typed: 10%, 10 or 2.5%; zero or more. */
final class PercentConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        String text = value.strip();
        String number =
                text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
        try {
            double percent = Double.parseDouble(number);
            if (percent >= 0 && Double.isFinite(percent)) {
                return percent;
            }
        } catch (NumberFormatException e) {
            // fall through to the one message
        }
        throw new TypeConversionException("'" + value + "' is not a percentage of 0 or more (example: 10%)");
    }
}
