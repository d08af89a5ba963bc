package org.crmbench.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.crmbench.EmbeddedDatabase;
import org.crmbench.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's queries against direct SQL on a generated dataset. */
class UserRepositoryTest {
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
            UserPage page = repository.list(c, new UserFilter("SMITH", null, "vIeNnA", null), Ordering.DEFAULT, 1, 50);

            List<Long> expected = ids("""
                    select u.id from crmbench.app_user u join crmbench.address a on a.user_id = u.id
                    where lower(u.last_name) = 'smith' and lower(a.city) = 'vienna' order by u.id limit 50""");
            assertThat(page.rows()).extracting(r -> (Long) r[0]).isEqualTo(expected);
            assertThat(page.count()).isEqualTo(new Count(expected.size(), false)); // small: counted exactly
        }
    }

    @Test
    void orderingAndOffsetPagesMatchDirectSql() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            UserPage page3 = repository.list(c, UserFilter.NONE, Ordering.parse("-relationship__points"), 3, 20);

            assertThat(page3.rows()).extracting(r -> (Long) r[0]).isEqualTo(ids("""
                    select u.id from crmbench.app_user u join crmbench.customer_relationship r on r.user_id = u.id
                    order by r.points desc, u.id desc offset 40 limit 20"""));
            assertThat(page3.count().estimate()).isTrue();
            assertThat(page3.count().value()).isBetween(27_000L, 33_000L);
        }
    }

    @Test
    void keysetPageEqualsTheOffsetPage() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            Ordering byLastName = Ordering.parse("last_name");
            UserPage first = repository.list(c, UserFilter.NONE, byLastName, 1, 25);
            UserPage second = repository.list(c, UserFilter.NONE, byLastName, 2, 25);
            Object[] last = first.rows().getLast();

            UserPage after = repository.listAfter(c, UserFilter.NONE, byLastName, last[4], (Long) last[0], 25);

            assertThat(after.rows())
                    .extracting(r -> r[0])
                    .isEqualTo(second.rows().stream().map(r -> r[0]).toList());
        }
    }

    @Test
    void lookupAndCounts() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(repository.lookup(c, 12_345))
                    .hasValueSatisfying(r -> assertThat(r).hasSize(25).startsWith(12_345L));
            assertThat(repository.lookup(c, 30_001)).isEmpty();
            assertThat(repository.countExact(c, UserFilter.NONE)).isEqualTo(30_000);
            assertThat(repository.countEstimate(c, UserFilter.NONE)).isBetween(27_000L, 33_000L);
        }
    }

    private static List<Long> ids(String sql) {
        return db.dsl().fetchValues(sql).stream()
                .map(v -> ((Number) v).longValue())
                .toList();
    }
}
