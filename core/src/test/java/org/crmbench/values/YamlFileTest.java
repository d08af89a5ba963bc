package org.crmbench.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlFileTest {
    record Item(String name, Integer count, long total, Double share, List<Integer> codes) {}

    record Spec(String bodyContains, Map<String, Item> items, List<Item> list) {}

    @Test
    void yamlAndJsonBindToRecordsWithSnakeCaseKeys() {
        Spec yaml = YamlFile.read("""
                body_contains: ok
                items: {a: {name: x, count: 3, total: 1_000, share: 0.5, codes: [200, 201]}}
                list:
                  - {name: '42'}
                """, Spec.class, "f.yaml");
        Spec json = YamlFile.read(
                "{\"body_contains\": \"ok\", \"items\": {\"a\": {\"name\": \"x\", \"count\": 3, \"total\": 1000,"
                        + " \"share\": 0.5, \"codes\": [200, 201]}}, \"list\": [{\"name\": \"42\"}]}",
                Spec.class,
                "f.json");

        assertThat(yaml).isEqualTo(json);
        assertThat(yaml.items().get("a")).isEqualTo(new Item("x", 3, 1000, 0.5, List.of(200, 201)));
        assertThat(yaml.list()).containsExactly(new Item("42", null, 0, null, null));
    }

    @Test
    void everyMistakeNamesTheFileTheLineAndTheKey() {
        assertThatThrownBy(() -> YamlFile.read("list: []\nbody: x", Spec.class, "f.yaml"))
                .hasMessage("f.yaml line 2: unknown key 'body'; known here: body_contains, items, list");
        assertThatThrownBy(() -> YamlFile.read("list:\n  - {count: three}", Spec.class, "f.yaml"))
                .hasMessage("f.yaml line 2: 'count' should be a whole number but is 'three'");
        assertThatThrownBy(() -> YamlFile.read("list:\n  - {total: ~}", Spec.class, "f.yaml"))
                .hasMessage("f.yaml line 2: 'total' needs a value");
        assertThatThrownBy(() -> YamlFile.read("list: {name: x}", Spec.class, "f.yaml"))
                .hasMessage("f.yaml line 1: 'list' should be a list, like [a, b], but is a map");
        assertThatThrownBy(() -> YamlFile.read("list: []\nlist: []", Spec.class, "f.yaml"))
                .hasMessage("f.yaml line 2: 'list' is given twice");
        assertThatThrownBy(() -> YamlFile.read("list: [x]", Spec.class, "f.yaml"))
                .hasMessageStartingWith("f.yaml line 1: an item of 'list' should be a map");
        assertThatThrownBy(() -> YamlFile.read("list: [{name: x}\n", Spec.class, "f.yaml"))
                .hasMessageStartingWith("f.yaml line 2 is not valid YAML or JSON: ");
        assertThatThrownBy(() -> YamlFile.read("# nothing\n", Spec.class, "f.yaml"))
                .hasMessage("f.yaml is empty");
    }
}
