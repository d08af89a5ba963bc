-- The crmbench data model (see DESIGN.md). Only tables, primary keys, unique keys and foreign keys:
-- secondary indexes live in indexes.sql, so that "baseline" and "indexed" are two states of one schema.
-- jOOQ generates its table classes from this file at build time (DDLDatabase).
-- Keys are declared as ALTER TABLE statements after the tables so a bulk load can create the
-- tables, load them, and only then add the keys.

CREATE SCHEMA crmbench;

CREATE TABLE crmbench.app_user (
    id              BIGINT                   NOT NULL,
    customer_id     BIGINT                   NOT NULL,
    organization_id INTEGER                  NOT NULL,
    first_name      VARCHAR(100)             NOT NULL,
    last_name       VARCHAR(100)             NOT NULL,
    email           VARCHAR(254)             NOT NULL,
    phone           VARCHAR(40)              NOT NULL,
    date_of_birth   DATE                     NOT NULL,
    created         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE crmbench.address (
    id          BIGINT       NOT NULL,
    user_id     BIGINT       NOT NULL,
    street      VARCHAR(200) NOT NULL,
    city        VARCHAR(100) NOT NULL,
    city_code   VARCHAR(8)   NOT NULL,
    postal_code VARCHAR(20)  NOT NULL,
    country     VARCHAR(100) NOT NULL
);

CREATE TABLE crmbench.customer_relationship (
    id             BIGINT                   NOT NULL,
    user_id        BIGINT                   NOT NULL,
    points         INTEGER                  NOT NULL,
    tier           VARCHAR(16)              NOT NULL,
    segment        VARCHAR(32)              NOT NULL,
    lifetime_value NUMERIC(14, 2)           NOT NULL,
    credit_limit   NUMERIC(14, 2)           NOT NULL,
    last_activity  TIMESTAMP WITH TIME ZONE NOT NULL,
    is_active      BOOLEAN                  NOT NULL
);

-- The list endpoint's read model: one row per user holding every column of the three tables (an
-- address or relationship column named after its table when the name is "id"; user_id once), the
-- filtered columns lower-cased, as the filters compare them, and the lifetime value in cents, which
-- the list sorts on (a bigint compares 2.3x as fast as a numeric in a deep page's sort). Filter-then-sort is then one
-- index range scan on one table whatever the combination, and each row of the page one lookup by
-- primary key instead of three. generate fills it from the three tables
-- (org.crmbench.query.UserListFill), which stay the source of truth.
CREATE TABLE crmbench.user_list (
    user_id         BIGINT                   NOT NULL,
    customer_id     BIGINT                   NOT NULL,
    organization_id INTEGER                  NOT NULL,
    first_name      VARCHAR(100)             NOT NULL,
    last_name       VARCHAR(100)             NOT NULL,
    email           VARCHAR(254)             NOT NULL,
    phone           VARCHAR(40)              NOT NULL,
    date_of_birth   DATE                     NOT NULL,
    created         TIMESTAMP WITH TIME ZONE NOT NULL,
    address_id      BIGINT                   NOT NULL,
    street          VARCHAR(200)             NOT NULL,
    city            VARCHAR(100)             NOT NULL,
    city_code       VARCHAR(8)               NOT NULL,
    postal_code     VARCHAR(20)              NOT NULL,
    country         VARCHAR(100)             NOT NULL,
    relationship_id BIGINT                   NOT NULL,
    points          INTEGER                  NOT NULL,
    tier            VARCHAR(16)              NOT NULL,
    segment         VARCHAR(32)              NOT NULL,
    lifetime_value  NUMERIC(14, 2)           NOT NULL,
    credit_limit    NUMERIC(14, 2)           NOT NULL,
    last_activity   TIMESTAMP WITH TIME ZONE NOT NULL,
    is_active       BOOLEAN                  NOT NULL,
    last_name_key   VARCHAR(100)             NOT NULL,
    first_name_key  VARCHAR(100)             NOT NULL,
    city_key        VARCHAR(100)             NOT NULL,
    tier_key        VARCHAR(16)              NOT NULL,
    lifetime_value_key BIGINT                NOT NULL
)
-- [jooq ignore start]
PARTITION BY LIST (tier_key)
-- [jooq ignore stop]
;

-- The read table is partitioned by loyalty tier, the one filter with a handful of values, none of
-- them selective. Each partition's indexes hold one tier's rows in their own order, so that
-- - a tier filter reads one partition, in the order asked for: no tier is a range of another
--   column's index (the tiers are ranges of points: diamond is the top 1%, which an index on points
--   alone meets only after reading the other 99%);
-- - no tier filter reads every partition in the order asked for, merged (Merge Append): one index
--   per sort key serves both, and no index needs tier as a key column.
-- The values are the tiers generate draws from (a test checks that they match); a tier not listed
-- here lands in the default partition, still found, only not by its own index.
-- [jooq ignore start]
CREATE TABLE crmbench.user_list_bronze PARTITION OF crmbench.user_list FOR VALUES IN ('bronze');
CREATE TABLE crmbench.user_list_silver PARTITION OF crmbench.user_list FOR VALUES IN ('silver');
CREATE TABLE crmbench.user_list_gold PARTITION OF crmbench.user_list FOR VALUES IN ('gold');
CREATE TABLE crmbench.user_list_platinum PARTITION OF crmbench.user_list FOR VALUES IN ('platinum');
CREATE TABLE crmbench.user_list_diamond PARTITION OF crmbench.user_list FOR VALUES IN ('diamond');
CREATE TABLE crmbench.user_list_other PARTITION OF crmbench.user_list DEFAULT;
-- [jooq ignore stop]

-- A name or city outside the planner's most-common-values list (its top 100 of a sample) is
-- estimated at the average of all the others: for last names at 10,000,000 users, 16,000 rows.
-- With a LIMIT and an ORDER BY the planner then reads a sort index from one end, expecting to meet
-- those rows soon; for a name that is rare or absent it reads the whole index (1.2 s for
-- last_name=no-such-last_name at 10,000,000 users). n_distinct = -1 declares such values rare (about
-- one row each), so they are read from the filter's own index, which is right for anything outside
-- the commonest hundred (under 0.2% of users), and counted exactly. The commonest keep their
-- measured frequencies. (Statistics targets large enough to list every value made ANALYZE 9x slower.)
-- [jooq ignore start]
ALTER TABLE crmbench.user_list_bronze ALTER COLUMN last_name_key SET (n_distinct = -1),
    ALTER COLUMN first_name_key SET (n_distinct = -1), ALTER COLUMN city_key SET (n_distinct = -1);
ALTER TABLE crmbench.user_list_silver ALTER COLUMN last_name_key SET (n_distinct = -1),
    ALTER COLUMN first_name_key SET (n_distinct = -1), ALTER COLUMN city_key SET (n_distinct = -1);
ALTER TABLE crmbench.user_list_gold ALTER COLUMN last_name_key SET (n_distinct = -1),
    ALTER COLUMN first_name_key SET (n_distinct = -1), ALTER COLUMN city_key SET (n_distinct = -1);
ALTER TABLE crmbench.user_list_platinum ALTER COLUMN last_name_key SET (n_distinct = -1),
    ALTER COLUMN first_name_key SET (n_distinct = -1), ALTER COLUMN city_key SET (n_distinct = -1);
ALTER TABLE crmbench.user_list_diamond ALTER COLUMN last_name_key SET (n_distinct = -1),
    ALTER COLUMN first_name_key SET (n_distinct = -1), ALTER COLUMN city_key SET (n_distinct = -1);
ALTER TABLE crmbench.user_list_other ALTER COLUMN last_name_key SET (n_distinct = -1),
    ALTER COLUMN first_name_key SET (n_distinct = -1), ALTER COLUMN city_key SET (n_distinct = -1);
ALTER TABLE crmbench.user_list ALTER COLUMN last_name_key SET (n_distinct_inherited = -1),
    ALTER COLUMN first_name_key SET (n_distinct_inherited = -1), ALTER COLUMN city_key SET (n_distinct_inherited = -1);
-- [jooq ignore stop]

ALTER TABLE crmbench.app_user ADD CONSTRAINT app_user_pkey PRIMARY KEY (id);
ALTER TABLE crmbench.app_user ADD CONSTRAINT app_user_customer_id_key UNIQUE (customer_id);
ALTER TABLE crmbench.address ADD CONSTRAINT address_pkey PRIMARY KEY (id);
ALTER TABLE crmbench.address ADD CONSTRAINT address_user_id_key UNIQUE (user_id);
ALTER TABLE crmbench.address ADD CONSTRAINT address_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES crmbench.app_user (id) ON DELETE CASCADE;
ALTER TABLE crmbench.customer_relationship ADD CONSTRAINT customer_relationship_pkey PRIMARY KEY (id);
ALTER TABLE crmbench.customer_relationship ADD CONSTRAINT customer_relationship_user_id_key UNIQUE (user_id);
ALTER TABLE crmbench.customer_relationship ADD CONSTRAINT customer_relationship_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES crmbench.app_user (id) ON DELETE CASCADE;
-- A partitioned table's primary key holds its partition key: (user_id, tier_key), unique because
-- user_id is. A page's rows are read back by both, so each one probes one partition.
ALTER TABLE crmbench.user_list ADD CONSTRAINT user_list_pkey PRIMARY KEY (user_id, tier_key);
ALTER TABLE crmbench.user_list ADD CONSTRAINT user_list_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES crmbench.app_user (id) ON DELETE CASCADE;
