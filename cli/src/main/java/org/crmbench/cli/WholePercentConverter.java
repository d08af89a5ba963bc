package org.crmbench.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A whole percentage as typed: 50% or 50. Only the syntax: 12.5% is refused, not rounded; the
 * range an option allows is checked by the settings it lands in.
 */
final class WholePercentConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        try {
            return Integer.parseInt(PercentConverter.number(value));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole percentage (example: 50%)");
        }
    }
}
