package org.crmbench.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's queries against direct SQL on the three tables of a generated dataset. */
class UserRepositoryTest {
    private static final String JOINED = "from crmbench.app_user u join crmbench.address a on a.user_id = u.id"
            + " join crmbench.customer_relationship r on r.user_id = u.id";

    @TempDir
    static Path tmp;

    static Database db;
    static UserRepository repository;

    @BeforeAll
    static void setUp() throws Exception {
        db = EmbeddedDatabase.open(tmp, 2);
        EmbeddedDatabase.generate(db, 30_000);
        repository = new UserRepository(new UserQueries(db.dsl()));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void filteredPagesMatchDirectSqlCaseInsensitively() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            UserFilter filter = UserFilter.of(Filter.LAST_NAME, "SMITH").and(Filter.CITY, "vIeNnA");
            UserPage page = repository.list(c, ListRequest.page(filter, Ordering.DEFAULT, 1, 50));

            List<Long> expected = ids("select u.id " + JOINED
                    + " where lower(u.last_name) = 'smith' and lower(a.city) = 'vienna' order by u.id limit 50");
            assertThat(expected).isNotEmpty();
            assertThat(page.rows()).extracting(UserRow::id).isEqualTo(expected);
            assertThat(page.count()).contains(new Count(expected.size(), false)); // small: counted exactly
        }
    }

    @Test
    void everyOrderingByOffsetMatchesDirectSql() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            for (Ordering ordering : Ordering.all()) {
                UserPage page3 = repository.list(c, ListRequest.page(UserFilter.NONE, ordering, 3, 20));

                String column = ordering.key().source().getQualifiedName().last();
                String table =
                        ordering.key().source().getQualifiedName().first().equals("customer_relationship") ? "r" : "u";
                String direction = ordering.descending() ? " desc" : "";
                assertThat(page3.rows())
                        .as(ordering.apiName())
                        .extracting(UserRow::id)
                        .isEqualTo(ids("select u.id " + JOINED + " order by " + table + "." + column + direction
                                + ", u.id" + direction + " offset 40 limit 20"));
                assertThat(page3.count().orElseThrow().estimate()).isTrue();
                assertThat(page3.count().orElseThrow().value()).isBetween(27_000L, 33_000L);
            }
        }
    }

    @Test
    void aRowHoldsTheThreeTablesTyped() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            UserRow row = repository.lookup(c, 12_345).orElseThrow();
            assertThat(row.id()).isEqualTo(12_345L);
            assertThat(row.get(org.crmbench.jooq.Tables.ADDRESS.USER_ID)).isEqualTo(12_345L);
            assertThat(row.get(org.crmbench.jooq.Tables.APP_USER.CREATED)).isInstanceOf(java.time.OffsetDateTime.class);
            assertThat(row.get(org.crmbench.jooq.Tables.CUSTOMER_RELATIONSHIP.LIFETIME_VALUE))
                    .isInstanceOf(java.math.BigDecimal.class);
            assertThat(row.get(org.crmbench.jooq.Tables.APP_USER.LAST_NAME))
                    .isEqualTo(db.dsl().fetchValue("select last_name from crmbench.app_user where id = 12345"));
            assertThat(repository.lookup(c, 30_001)).isEmpty();
        }
    }

    @Test
    void theStatementsBenchRecordsAreTheOnesThatRan() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            List<SqlStatement> executed = new ArrayList<>();
            UserFilter rare = UserFilter.of(Filter.LAST_NAME, "smith");
            UserPage page = repository.list(c, ListRequest.page(rare, Ordering.DEFAULT, 1, 2), executed::add);
            // a small match: the estimate, then the page that counts its rows in the same pass
            assertThat(executed).hasSize(2);
            assertThat(executed.get(0).sql()).startsWith("explain (format json)");
            assertThat(executed.get(1).sql()).contains("count(*) over ()");
            long exact = repository.countExact(c, rare, UserRepository.NO_LISTENER);
            assertThat(exact).isGreaterThan(2);
            assertThat(page.count()).contains(new Count(exact, false));
            assertThat(page.rows()).hasSize(2);

            executed.clear();
            long lastPage = (exact + 1) / 2;
            UserPage last = repository.list(c, ListRequest.page(rare, Ordering.DEFAULT, lastPage, 2), executed::add);
            assertThat(last.count()).contains(new Count(exact, false));
            executed.clear();
            UserPage past =
                    repository.list(c, ListRequest.page(rare, Ordering.DEFAULT, lastPage + 1, 2), executed::add);
            assertThat(past.rows()).isEmpty();
            assertThat(past.count())
                    .as("past the end (a 404 in the API): not counted")
                    .isEmpty();
            assertThat(executed).noneMatch(s -> s.sql().startsWith("select count(*)"));

            executed.clear();
            UserFilter common = UserFilter.of(Filter.TIER, "bronze"); // estimated: the page, no count
            UserPage pastCommon =
                    repository.list(c, ListRequest.page(common, Ordering.DEFAULT, 1_000_000, 2), executed::add);
            assertThat(pastCommon.rows()).isEmpty();
            assertThat(pastCommon.count()).isEmpty();
            assertThat(executed).noneMatch(s -> s.sql().startsWith("select count(*)"));
        }
    }

    @Test
    void countsAndTheirEstimates() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(repository.countExact(c, UserFilter.NONE, UserRepository.NO_LISTENER))
                    .isEqualTo(30_000);
            assertThat(repository.countEstimate(c, UserFilter.NONE, UserRepository.NO_LISTENER))
                    .isBetween(27_000L, 33_000L);
            UserFilter absent = UserFilter.of(Filter.CITY, "atlantis");
            assertThat(repository.count(c, absent, UserRepository.NO_LISTENER)).isEqualTo(new Count(0, false));
        }
    }

    private static List<Long> ids(String sql) {
        return db.dsl().fetchValues(sql).stream()
                .map(v -> ((Number) v).longValue())
                .toList();
    }
}
