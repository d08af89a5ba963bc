package org.crmbench.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.crmbench.CrmbenchException;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.Database;
import org.crmbench.schema.CrmbenchSchema;
import org.crmbench.schema.IndexSet;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads into a real embedded PostgreSQL. */
class DatasetLoaderTest {
    private static final IndexSet DEFAULT_SET = IndexSet.of(IndexSet.BEST);
    private static final IndexSet BASELINE = IndexSet.of(IndexSet.BASELINE);

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
        GenerateReport first = load(new GenerateSettings(20_000, 3_000, 42, 2, DEFAULT_SET));
        String checksum = checksum(db.dsl());
        assertThat(first.tables()).extracting(GenerateReport.TableLoad::rows).containsOnly(20_000L);

        load(new GenerateSettings(20_000, 7_000, 42, 3, DEFAULT_SET));
        assertThat(CrmbenchSchema.rowCounts(db.dsl()))
                .containsOnly(
                        Map.entry("crmbench.app_user", 20_000L),
                        Map.entry("crmbench.address", 20_000L),
                        Map.entry("crmbench.customer_relationship", 20_000L),
                        Map.entry("crmbench.user_list", 20_000L));
        assertThat(checksum(db.dsl()))
                .as("same seed, other chunk size and threads")
                .isEqualTo(checksum);

        load(new GenerateSettings(20_000, 7_000, 43, 1, DEFAULT_SET));
        assertThat(checksum(db.dsl())).as("another seed").isNotEqualTo(checksum);
    }

    @Test
    void indexedAndBaselineStates() {
        load(new GenerateSettings(1_000, 500, 42, 2, BASELINE));
        assertThat(indexNames())
                .contains("app_user_pkey", "address_user_id_key", "user_list_pkey")
                .doesNotContainAnyElementsOf(DEFAULT_SET.indexNames());
        assertThat(foreignKeys()).isEqualTo(3);

        load(new GenerateSettings(1_000, 500, 42, 2, DEFAULT_SET));
        assertThat(indexNames()).contains("app_user_pkey").containsAll(DEFAULT_SET.indexNames());
        assertThat(db.dsl()
                        .fetchValue(
                                "select count(*) from pg_namespace where nspname = ?", DatasetLoader.STAGING_SCHEMA))
                .isEqualTo(0L);
    }

    @Test
    void aFailedLoadLeavesThePreviousDatasetAndTheNextRunWorks() {
        load(new GenerateSettings(2_000, 1_000, 42, 2, DEFAULT_SET));
        String before = checksum(db.dsl());
        IndexSet broken = new IndexSet("bad", List.of("CREATE INDEX bad_idx ON crmbench.app_user (no_such_column)"));

        assertThatThrownBy(() -> load(new GenerateSettings(3_000, 1_000, 7, 2, broken)))
                .isInstanceOf(CrmbenchException.class)
                .hasMessageContaining("the previous dataset is unchanged")
                .hasMessageContaining("no_such_column");

        assertThat(checksum(db.dsl())).isEqualTo(before);
        assertThat(CrmbenchSchema.rowCounts(db.dsl())).containsEntry("crmbench.app_user", 2_000L);

        // a leftover staging schema (as after kill -9) does not stop the next run
        db.dsl().execute("create schema if not exists " + DatasetLoader.STAGING_SCHEMA);
        db.dsl().execute("create table " + DatasetLoader.STAGING_SCHEMA + ".app_user (junk int)");
        load(new GenerateSettings(2_500, 1_000, 42, 2, DEFAULT_SET));
        assertThat(CrmbenchSchema.rowCounts(db.dsl())).containsEntry("crmbench.app_user", 2_500L);
    }

    @Test
    void theReadTableHoldsEveryColumnOfTheThreeTablesTheFilterKeysLowerCasedAndTheAmountInCents() {
        load(new GenerateSettings(5_000, 2_000, 42, 3, DEFAULT_SET));
        long differences = ((Number) db.dsl().fetchValue("select count(*) from (" + """
                (select u.id, u.customer_id, u.organization_id, u.first_name, u.last_name, u.email, u.phone,
                        u.date_of_birth, u.created, a.id, a.street, a.city, a.city_code, a.postal_code, a.country,
                        r.id, r.points, r.tier, r.segment, r.lifetime_value, r.credit_limit, r.last_activity,
                        r.is_active, lower(u.last_name), lower(u.first_name), lower(a.city), lower(r.tier),
                        (r.lifetime_value * 100)::bigint
                 from crmbench.app_user u join crmbench.address a on a.user_id = u.id
                 join crmbench.customer_relationship r on r.user_id = u.id)
                except all
                (select user_id, customer_id, organization_id, first_name, last_name, email, phone,
                        date_of_birth, created, address_id, street, city, city_code, postal_code, country,
                        relationship_id, points, tier, segment, lifetime_value, credit_limit, last_activity,
                        is_active, last_name_key, first_name_key, city_key, tier_key, lifetime_value_key
                 from crmbench.user_list)""" + ") d")).longValue();
        assertThat(differences).isZero();
        assertThat(CrmbenchSchema.rowCounts(db.dsl())).containsEntry("crmbench.user_list", 5_000L);
        // VACUUM has set the visibility map of every tier's partition: an index-only scan of all
        // users visits no heap page (COPY leaves a few never-used pages, which stay unmarked)
        String plan = db.dsl().transactionResult(tx -> {
            tx.dsl().execute("set local enable_seqscan = off");
            tx.dsl().execute("set local enable_bitmapscan = off");
            return String.valueOf(tx.dsl()
                    .fetchValue("explain (analyze, format json) select count(*) from crmbench.user_list"
                            + " where user_id > 0"));
        });
        assertThat(plan).contains("\"Index Only Scan\"").doesNotContainPattern("\"Heap Fetches\": [1-9]");
        // every tier the generator draws has its partition: none lands in the default one
        assertThat(number("select count(*) from crmbench.user_list_other")).isZero();
        assertThat(number("select count(distinct tier_key) from crmbench.user_list"))
                .isEqualTo(5);
        // each partition holds its users in id order, as generated: an index range reads neighbouring pages
        // (a hash join's order measured 0.013; COPY's bulk extension leaves a few pages filled out of
        // turn, which at 5,000 users is 0.988 in the smallest partition, at 3,000,000 above 0.99)
        for (String tier : List.of("bronze", "silver", "gold", "platinum", "diamond")) {
            assertThat(((Number) db.dsl()
                                    .fetchValue("select correlation from pg_stats where schemaname = 'crmbench'"
                                            + " and tablename = 'user_list_" + tier + "' and attname = 'user_id'"))
                            .doubleValue())
                    .as(tier)
                    .isGreaterThan(0.95);
        }
    }

    private static long number(String sql) {
        return ((Number) db.dsl().fetchValue(sql)).longValue();
    }

    private static GenerateReport load(GenerateSettings settings) {
        return new DatasetLoader(db, settings, LoadProgress.of(settings)).run();
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
                where n.nspname = 'crmbench' and c.contype = 'f' and c.conparentid = 0""")).longValue();
    }
}
