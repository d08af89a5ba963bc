package org.crmbench.load;

import static org.crmbench.jooq.Tables.USER_LIST;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmbench.CrmbenchException;
import org.crmbench.db.Database;
import org.crmbench.load.scenario.DatasetSource;
import org.crmbench.query.Filter;
import org.crmbench.query.UserList;
import org.jooq.Field;

/**
 * The crmbench dataset as scenario values: user ids from --max-user-id, else the count the
 * crmbench API reports; names, cities and tiers sampled from the database (the same connection
 * options as every command), each as often as it occurs.
 */
public final class ScenarioDataset implements DatasetSource {
    /**
     * The page whose one row is the user with the highest id. Not the list's count: past 10,000
     * rows that is PostgreSQL's estimate, and ids drawn up to an estimate above the last id were
     * 404s (11 in 20 s at 1,000,000 users).
     */
    public static final String LAST_USER_PAGE = "/api/users/?page_size=1&ordering=-id";
    /** The first "id" of the page is its one user's (the relationship's comes after). */
    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    /** Rows sampled per column: a value held by 0.01% of users still appears about twice. */
    private static final int SAMPLE_ROWS = 20_000;

    private final long maxUserId;
    private final Supplier<Probe.Response> countPage;
    private final Supplier<Database> database;
    private final long seed;

    /**
     * @param countPage the response of the API's {@link #LAST_USER_PAGE}
     * @param database opened only if a scenario asks for names, cities or tiers
     */
    public ScenarioDataset(long maxUserId, Supplier<Probe.Response> countPage, Supplier<Database> database, long seed) {
        this.maxUserId = maxUserId;
        this.countPage = countPage;
        this.database = database;
        this.seed = seed;
    }

    @Override
    public long users() {
        if (maxUserId > 0) {
            return maxUserId;
        }
        Probe.Response page = countPage.get();
        Matcher m = FIRST_ID.matcher(new String(page.body(), StandardCharsets.UTF_8));
        if (page.status() != 200 || !m.find() || Long.parseLong(m.group(1)) < 1) {
            String hint = page.status() == 401
                    ? "; the API wants its token: -H 'Authorization: Bearer TOKEN'"
                    : "; pass --max-user-id";
            throw new CrmbenchException("Could not read the highest user id from the API's /api/users/ (HTTP "
                    + page.status() + ")" + hint + ".");
        }
        return Long.parseLong(m.group(1));
    }

    @Override
    public List<String> values(Filter column) {
        Database db = database.get();
        Field<?> field = UserList.columnOf(column.source());
        long rows = db.dsl().fetchCount(USER_LIST);
        if (rows == 0) {
            throw new CrmbenchException("The crmbench dataset is empty: run 'crmbench generate' first, or give "
                    + column.apiName() + " values with a list or csv generator.");
        }
        double percent = Math.min(100, 100.0 * SAMPLE_ROWS / rows);
        // TABLESAMPLE is PostgreSQL syntax that jOOQ's open-source edition does not render
        return db.dsl()
                .resultQuery(
                        "select " + field.getName() + " from "
                                + USER_LIST.getSchema().getName() + "." + USER_LIST.getName()
                                + " tablesample bernoulli (?) repeatable (?)",
                        percent,
                        (double) seed)
                .fetch(0, String.class);
    }
}
