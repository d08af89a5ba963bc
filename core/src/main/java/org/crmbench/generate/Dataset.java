package org.crmbench.generate;

import static org.crmbench.jooq.Tables.ADDRESS;
import static org.crmbench.jooq.Tables.APP_USER;
import static org.crmbench.jooq.Tables.CUSTOMER_RELATIONSHIP;

import java.util.List;
import org.crmbench.values.RowRandom;
import org.jooq.Table;

/**
 * The CRM dataset for one seed and size: user {@code id} gets one app_user, one address and one
 * customer_relationship row, and the read table user_list one row of all three. Every value is drawn from a stream seeded by (seed, stream, id).
 */
public final class Dataset {
    private static final int USER_STREAM = 1;
    private static final int ADDRESS_STREAM = 2;
    private static final int RELATIONSHIP_STREAM = 3;
    private static final int CITY_STREAM = 4;

    private static final long BORN_FROM_EPOCH_DAY = -10_957; // 1940-01-01
    private static final int BORN_SPAN_DAYS = 24_472; // until 2006-12-31
    private static final long CREATED_FROM_EPOCH_S = 1_420_070_400L; // 2015-01-01
    private static final long CREATED_SPAN_S = 347_155_200L; // until 2026-01-01

    private final long seed;
    private final long users;
    private final ValuePools pools;
    private final int organizations;
    private final ThreadLocal<RowRandom> randoms = ThreadLocal.withInitial(RowRandom::new);
    private final ThreadLocal<RowRandom> cityRandoms = ThreadLocal.withInitial(RowRandom::new);

    public Dataset(long seed, long users, ValuePools pools) {
        this.seed = seed;
        this.users = users;
        this.pools = pools;
        // organisations are shared by many users: about 200 users each, skewed (see organizationId)
        this.organizations = (int) Math.max(10, Math.min(Integer.MAX_VALUE, users / 200));
    }

    public long users() {
        return users;
    }

    /** The three tables, parents first, then the read table made of their rows. */
    public List<TableRows> tables() {
        List<TableRows> sources = List.of(new Users(), new Addresses(), new Relationships());
        return List.of(sources.get(0), sources.get(1), sources.get(2), new ReadTableRows(sources));
    }

    private ValuePools.City cityOf(long id) {
        return pools.cities.pick(cityRandoms.get().reset(seed, CITY_STREAM, id));
    }

    /**
     * Tier thresholds at the 58th, 83rd, 94th and 99th percentile of the points distribution:
     * about 58% bronze, 25% silver, 11% gold, 5% platinum, 1% diamond.
     */
    private static final long[] TIER_MIN_POINTS = {533, 1535, 3560, 10550};

    private static int tierOf(long points) {
        int tier = 0;
        while (tier < TIER_MIN_POINTS.length && points >= TIER_MIN_POINTS[tier]) {
            tier++;
        }
        return tier;
    }

    private final class Users implements TableRows {
        @Override
        public Table<?> table() {
            return APP_USER;
        }

        @Override
        public void write(long id, CopyBuffer out) {
            RowRandom r = randoms.get().reset(seed, USER_STREAM, id);
            int first = pools.firstNames.pickIndex(r);
            int last = pools.lastNames.pickIndex(r);
            out.number(id);
            out.number(1_000_000_000L + id * 1000 + r.nextInt(1000));
            double u = r.nextDouble();
            out.number(1 + (long) (organizations * u * Math.sqrt(u))); // u^1.5: a few big organisations
            out.text(pools.firstNames.get(first)).text(pools.lastNames.get(last));
            out.append(pools.firstNamesForEmail.get(first)).append('.').append(pools.lastNamesForEmail.get(last));
            if (r.nextInt(2) == 0) {
                out.digits(r.nextInt(1000));
            }
            out.append('@').text(pools.emailDomains.pick(r));
            ValuePools.City city = cityOf(id);
            out.append('+').append(city.dialCode()).append(' ');
            out.digits(100 + r.nextInt(900))
                    .append(' ')
                    .digits(r.nextInt(10_000_000), 7)
                    .separator();
            out.date(BORN_FROM_EPOCH_DAY + r.nextInt(BORN_SPAN_DAYS));
            // sign-ups grow with the id, as with an auto-increment key
            long slot = CREATED_SPAN_S / users;
            out.timestamp(CREATED_FROM_EPOCH_S + (id - 1) * slot + (long) (r.nextDouble() * slot));
            out.endRow();
        }
    }

    private final class Addresses implements TableRows {
        @Override
        public Table<?> table() {
            return ADDRESS;
        }

        @Override
        public void write(long id, CopyBuffer out) {
            RowRandom r = randoms.get().reset(seed, ADDRESS_STREAM, id);
            ValuePools.City city = cityOf(id);
            out.number(id).number(id);
            out.append(pools.streets.get(r.nextInt(pools.streets.size()))).append(' ');
            out.digits(1 + (long) (250 * r.nextDouble() * r.nextDouble())).separator();
            out.text(city.name()).text(city.code());
            out.text(city.postalCodes()[r.nextInt(city.postalCodes().length)]);
            out.text(city.country());
            out.endRow();
        }
    }

    private final class Relationships implements TableRows {
        @Override
        public Table<?> table() {
            return CUSTOMER_RELATIONSHIP;
        }

        @Override
        public void write(long id, CopyBuffer out) {
            RowRandom r = randoms.get().reset(seed, RELATIONSHIP_STREAM, id);
            out.number(id).number(id);
            // long tails: log-normal points and money, as loyalty and revenue data are
            long points = (long) Math.min(2_000_000, Math.exp(6.0 + 1.4 * r.nextGaussian()));
            out.number(points);
            out.text(pools.tiers.get(tierOf(points))).text(pools.segments.pick(r));
            out.cents((long) Math.min(1e12, Math.exp(10.5 + 1.5 * r.nextGaussian())));
            out.cents(50_000L * (1 + (long) (100 * Math.pow(r.nextDouble(), 3))));
            long created = CREATED_FROM_EPOCH_S + (id - 1) * (CREATED_SPAN_S / users);
            long lastActivity = created + (long) ((CREATED_FROM_EPOCH_S + CREATED_SPAN_S - created) * r.nextDouble());
            out.timestamp(lastActivity);
            out.bool(r.nextDouble() < 0.85);
            out.endRow();
        }
    }
}
