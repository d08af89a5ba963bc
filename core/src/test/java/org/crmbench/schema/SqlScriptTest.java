package org.crmbench.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
    void shippedFilesDefineThreeTablesAndTheirKeysAndIndexesApart() {
        SqlScript schema = SqlScript.resource(CrmbenchSchema.SCHEMA_SQL);
        SqlScript indexes = SqlScript.resource(CrmbenchSchema.INDEXES_SQL);

        assertThat(schema.statements())
                .filteredOn(s -> s.startsWith("CREATE TABLE"))
                .hasSize(3);
        assertThat(schema.statements()).noneMatch(s -> s.contains("CREATE INDEX"));
        assertThat(indexes.statements()).isNotEmpty().allMatch(s -> s.startsWith("CREATE INDEX"));
    }
}
