package org.crmbench.load.locust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Locust's wire format and its statistics, without a master. */
class LocustProtocolTest {
    @Test
    void aMessageIsTheMsgpackArrayPythonWrites() {
        // msgpack.dumps(("ack", {"index": 0}, "w1")) in Python
        byte[] python = HexFormat.of().parseHex("93a361636b81a5696e64657800a27731");

        Message ack = Message.decode(python);

        assertThat(ack).isEqualTo(new Message("ack", Map.of("index", 0L), "w1"));
        assertThat(ack.encode()).isEqualTo(python);
        Message spawn = new Message(
                "spawn",
                Map.of("user_classes_count", Map.of("CrmbenchUser", 5L), "host", "http://h", "timestamp", 1.5),
                "w1");
        assertThat(Message.decode(spawn.encode())).isEqualTo(spawn);
        assertThatThrownBy(() -> Message.decode(new byte[] {(byte) 0xc0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Locust message");
    }

    @Test
    void responseTimesAreRoundedAsLocustRoundsThem() {
        assertThat(LocustStats.rounded(0.4)).isZero();
        assertThat(LocustStats.rounded(58.5)).isEqualTo(58); // Python's round: half to even
        assertThat(LocustStats.rounded(147)).isEqualTo(150);
        assertThat(LocustStats.rounded(3432)).isEqualTo(3400);
        assertThat(LocustStats.rounded(58760)).isEqualTo(59000);
    }

    @Test
    void aReportHoldsWhatEndedSinceTheLastOneByNameMethodAndError() {
        LocustStats stats = new LocustStats();
        stats.ended("GET", "/a", 12_400_000, 100, null);
        stats.ended("GET", "/a", 147_000_000, 50, "HTTP 500");
        stats.ended("POST", "/b", 3_000_000, 0, null);

        Map<String, Object> report = stats.takeReport();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) report.get("stats");
        assertThat(entries).hasSize(2);
        Map<String, Object> a = entries.getFirst();
        assertThat(a).containsEntry("name", "/a").containsEntry("method", "GET");
        assertThat(a).containsEntry("num_requests", 2L).containsEntry("num_failures", 1L);
        assertThat(a).containsEntry("total_content_length", 150L).containsEntry("min_response_time", 12.4);
        assertThat(a.get("response_times")).isEqualTo(Map.of(12L, 1L, 150L, 1L));
        @SuppressWarnings("unchecked")
        Map<String, Object> total = (Map<String, Object>) report.get("stats_total");
        assertThat(total).containsEntry("name", "Aggregated").containsEntry("num_requests", 3L);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> errors = (Map<String, Map<String, Object>>) report.get("errors");
        assertThat(errors.values())
                .singleElement()
                .isEqualTo(Map.of("name", "/a", "method", "GET", "error", "HTTP 500", "occurrences", 1L));
        // a report is a delta: the next one starts from nothing
        assertThat((List<?>) stats.takeReport().get("stats")).isEmpty();
        assertThat(Message.decode(new Message("stats", report, "w").encode()).data())
                .isEqualTo(report);
    }
}
