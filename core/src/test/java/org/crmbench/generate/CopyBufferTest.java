package org.crmbench.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CopyBufferTest {
    @Test
    void escapesCopySpecialCharactersAndEncodesUtf8() {
        CopyBuffer out = new CopyBuffer(8);
        out.text(CopyBuffer.encode("a\tb\\c\nd\re"))
                .text(CopyBuffer.encode("Müller"))
                .number(-42);
        out.endRow();

        assertThat(new String(out.array(), 0, out.length(), StandardCharsets.UTF_8))
                .isEqualTo("a\\tb\\\\c\\nd\\re\tMüller\t-42\n");
    }

    @Test
    void writesCentsBooleansAndPaddedDigits() {
        CopyBuffer out = new CopyBuffer(8);
        out.cents(123_405).cents(7).bool(true).bool(false).digits(42, 7).separator();
        out.endRow();

        assertThat(new String(out.array(), 0, out.length(), StandardCharsets.US_ASCII))
                .isEqualTo("1234.05\t0.07\tt\tf\t0000042\n");
    }

    @ParameterizedTest
    @ValueSource(longs = {-10_957, -1, 0, 59, 365, 11_016, 19_782, 20_513, 2_932_896})
    void datesMatchJavaTime(long epochDay) {
        CopyBuffer out = new CopyBuffer(8);
        out.date(epochDay);
        out.endRow();

        assertThat(new String(out.array(), 0, out.length() - 1, StandardCharsets.US_ASCII))
                .isEqualTo(LocalDate.ofEpochDay(epochDay).toString());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 951_782_399, 1_420_070_400, 1_709_251_199, 1_767_225_599})
    void timestampsMatchJavaTime(long epochSecond) {
        CopyBuffer out = new CopyBuffer(8);
        out.timestamp(epochSecond);
        out.endRow();

        String expected = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .format(Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC))
                + "+00";
        assertThat(new String(out.array(), 0, out.length() - 1, StandardCharsets.US_ASCII))
                .isEqualTo(expected);
    }
}
