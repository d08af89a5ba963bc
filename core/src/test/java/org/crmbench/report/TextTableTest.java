package org.crmbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
    private final TextTable table = new TextTable(
                    "Latency", List.of(TextTable.Column.text("scenario"), TextTable.Column.number("p50 ms")))
            .row("lookup_user", "0.129")
            .row("deep_page_offset", "2,275");

    @Test
    void textAlignsTextLeftAndNumbersRight() {
        assertThat(table.render(TextTable.Format.TEXT))
                .isEqualTo("Latency\n"
                        + "scenario          p50 ms\n"
                        + "lookup_user        0.129\n"
                        + "deep_page_offset   2,275\n");
    }

    @Test
    void markdownIsATableWithRightAlignedNumbers() {
        assertThat(table.render(TextTable.Format.MARKDOWN))
                .isEqualTo("Latency\n\n"
                        + "| scenario | p50 ms |\n"
                        + "|---|---:|\n"
                        + "| lookup_user | 0.129 |\n"
                        + "| deep_page_offset | 2,275 |\n");
    }
}
