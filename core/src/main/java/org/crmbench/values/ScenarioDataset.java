package org.crmbench.values;

import static org.crmbench.jooq.Tables.USER_LIST;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.crmbench.CrmbenchException;
import org.crmbench.db.Database;
import org.crmbench.query.Filter;
import org.crmbench.query.UserList;
import org.jooq.Field;

/**
 * The crmbench dataset as scenario values: user ids up to --max-user-id, else up to the highest id
 * the caller finds (load asks the API); names, cities and tiers sampled from the database (the same
 * connection options as every command), each as often as it occurs.
 */
public final class ScenarioDataset implements DatasetSource {
    /** Rows sampled per column: a value held by 0.01% of users still appears about twice. */
    private static final int SAMPLE_ROWS = 20_000;

    private final long maxUserId;
    private final LongSupplier highestUserId;
    private final Supplier<Database> database;
    private final long seed;

    /**
     * @param highestUserId asked only when maxUserId is 0
     * @param database opened only if a scenario asks for names, cities or tiers
     */
    public ScenarioDataset(long maxUserId, LongSupplier highestUserId, Supplier<Database> database, long seed) {
        this.maxUserId = maxUserId;
        this.highestUserId = highestUserId;
        this.database = database;
        this.seed = seed;
    }

    @Override
    public long users() {
        if (maxUserId > 0) {
            return maxUserId;
        }
        return highestUserId.getAsLong();
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
