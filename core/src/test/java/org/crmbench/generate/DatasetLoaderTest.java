package org.crmbench.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.crmbench.CrmbenchException;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.Database;
import org.crmbench.schema.CrmbenchSchema;
import org.crmbench.schema.SchemaDdl;
import org.crmbench.schema.SqlScript;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads into a real embedded PostgreSQL. */
class DatasetLoaderTest {
    @TempDir
    static Path tmp;

    static Database db;

    @BeforeAll
    static void start() throws IOException {
        db = EmbeddedDatabase.open(tmp, 8);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void runningTwiceLeavesExactlyNRowsAndTheSameSeedTheSameContent() {
        GenerateReport first = load(new GenerateSettings(20_000, 3_000, 42, 2, true));
        String checksum = checksum(db.dsl());
        assertThat(first.tables()).extracting(GenerateReport.TableLoad::rows).containsOnly(20_000L);

        load(new GenerateSettings(20_000, 7_000, 42, 3, true));
        assertThat(CrmbenchSchema.rowCounts(db.dsl()))
                .containsOnly(
                        Map.entry("crmbench.app_user", 20_000L),
                        Map.entry("crmbench.address", 20_000L),
                        Map.entry("crmbench.customer_relationship", 20_000L));
        assertThat(checksum(db.dsl()))
                .as("same seed, other chunk size and threads")
                .isEqualTo(checksum);

        load(new GenerateSettings(20_000, 7_000, 43, 1, true));
        assertThat(checksum(db.dsl())).as("another seed").isNotEqualTo(checksum);
    }

    @Test
    void indexedAndBaselineStates() {
        load(new GenerateSettings(1_000, 500, 42, 2, false));
        assertThat(indexNames())
                .contains("app_user_pkey", "address_user_id_key")
                .doesNotContain("app_user_last_name_idx");
        assertThat(foreignKeys()).isEqualTo(2);

        load(new GenerateSettings(1_000, 500, 42, 2, true));
        assertThat(indexNames()).contains("app_user_pkey", "app_user_last_name_idx", "address_city_idx");
        assertThat(db.dsl()
                        .fetchValue(
                                "select count(*) from pg_namespace where nspname = ?", DatasetLoader.STAGING_SCHEMA))
                .isEqualTo(0L);
    }

    @Test
    void aFailedLoadLeavesThePreviousDatasetAndTheNextRunWorks() {
        load(new GenerateSettings(2_000, 1_000, 42, 2, true));
        String before = checksum(db.dsl());
        SchemaDdl broken = SchemaDdl.of(
                SqlScript.resource(CrmbenchSchema.SCHEMA_SQL),
                SqlScript.parse("bad.sql", "CREATE INDEX bad_idx ON crmbench.app_user (no_such_column);"));

        assertThatThrownBy(() -> new DatasetLoader(
                                db, new GenerateSettings(3_000, 1_000, 7, 2, true), broken, new LoadProgress(9_000))
                        .run())
                .isInstanceOf(CrmbenchException.class)
                .hasMessageContaining("the previous dataset is unchanged")
                .hasMessageContaining("no_such_column");

        assertThat(checksum(db.dsl())).isEqualTo(before);
        assertThat(CrmbenchSchema.rowCounts(db.dsl())).containsEntry("crmbench.app_user", 2_000L);

        // a leftover staging schema (as after kill -9) does not stop the next run
        db.dsl().execute("create schema if not exists " + DatasetLoader.STAGING_SCHEMA);
        db.dsl().execute("create table " + DatasetLoader.STAGING_SCHEMA + ".app_user (junk int)");
        load(new GenerateSettings(2_500, 1_000, 42, 2, true));
        assertThat(CrmbenchSchema.rowCounts(db.dsl())).containsEntry("crmbench.app_user", 2_500L);
    }

    private static GenerateReport load(GenerateSettings settings) {
        return new DatasetLoader(db, settings, SchemaDdl.shipped(), new LoadProgress(settings.users() * 3)).run();
    }

    /** An md5 over every table's rows in id order. */
    static String checksum(DSLContext dsl) {
        return dsl.fetchValue("""
                select md5(string_agg(t, '|'))
                from (select (select string_agg(u::text, ',' order by id) from crmbench.app_user u)
                          || (select string_agg(a::text, ',' order by id) from crmbench.address a)
                          || (select string_agg(r::text, ',' order by id) from crmbench.customer_relationship r) as t) x
                """).toString();
    }

    private static java.util.List<String> indexNames() {
        return db.dsl().fetchValues("select indexname from pg_indexes where schemaname = 'crmbench'").stream()
                .map(Object::toString)
                .toList();
    }

    private static long foreignKeys() {
        return ((Number) db.dsl().fetchValue("""
                select count(*) from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                where n.nspname = 'crmbench' and c.contype = 'f'""")).longValue();
    }
}
