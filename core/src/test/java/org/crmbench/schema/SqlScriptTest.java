package org.crmbench.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlScriptTest {
    @Test
    void splitsStatementsAndDropsComments() {
        SqlScript script = SqlScript.parse("t.sql", """
                -- heading
                CREATE TABLE a (   -- trailing comment
                    id int
                );
                CREATE INDEX a_idx ON a (id);
                SELECT 1""");

        assertThat(script.statements())
                .containsExactly("CREATE TABLE a ( id int )", "CREATE INDEX a_idx ON a (id)", "SELECT 1");
    }

    @Test
    void shippedFilesDefineTheTablesAndTheirKeysWithTheIndexSetsApart() {
        SqlScript schema = SqlScript.resource(CrmbenchSchema.SCHEMA_SQL);

        // each table once, user_list's partitions counted as user_list (created with it)
        assertThat(SchemaDdl.shipped(IndexSet.of(IndexSet.BASELINE)).tables().stream()
                        .map(SchemaDdl.Statement::table)
                        .distinct())
                .containsExactlyElementsOf(
                        CrmbenchSchema.TABLES.stream().map(t -> t.getName()).toList());
        assertThat(SchemaDdl.shipped(IndexSet.of(IndexSet.BASELINE)).createTable("user_list"))
                .hasSize(7)
                .first()
                .asString()
                .contains("PARTITION BY LIST (tier_key)");
        assertThat(schema.statements()).noneMatch(s -> s.contains("CREATE INDEX"));
        assertThat(IndexSet.of(IndexSet.BASELINE).statements()).isEmpty();
        for (String name : List.of(IndexSet.SEED, IndexSet.LEAN, IndexSet.TUNED)) {
            IndexSet set = IndexSet.of(name);
            assertThat(set.statements()).as(name).isNotEmpty().allMatch(s -> s.startsWith("CREATE INDEX"));
            assertThat(set.indexNames()).as(name).doesNotHaveDuplicates();
        }
    }

    @Test
    void indexFilesMayOnlyCreateIndexesAndUnknownSetsAreNamed(@TempDir Path tmp) throws Exception {
        Path drop = Files.writeString(tmp.resolve("drop.sql"), "DROP TABLE crmbench.app_user;");
        assertThatThrownBy(() -> IndexSet.of(drop.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("may only contain 'CREATE INDEX");
        assertThatThrownBy(() -> IndexSet.of("fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown index set 'fast'")
                .hasMessageContaining("baseline, seed, lean, tuned");
        Path mine = Files.writeString(tmp.resolve("mine.sql"), "CREATE INDEX x_idx ON crmbench.user_list (points);");
        assertThat(IndexSet.of(mine.toString()))
                .isEqualTo(new IndexSet("mine", List.of("CREATE INDEX x_idx ON crmbench.user_list (points)")));
    }
}
