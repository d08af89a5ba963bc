-- The "lean" set: crmbench's own, the default. Eleven indexes serve every combination of the list
-- API's filters, orderings and pages, by design rather than one index per combination ("tuned",
-- 30 indexes, is kept for comparison).
--
-- The read table user_list is partitioned by tier (schema.sql), so every index below exists once
-- per tier: a tier filter reads one partition, and no tier filter reads all of them merged in the
-- order asked for. Three kinds of index, each holding every column a list page is sorted or filtered
-- on, so that the planner can answer any combination from the index alone (index-only scans):
--
-- 1. One per sort key, (sort key, user_id): no filter, the tier filter alone, and any filter too
--    common to be worth reading whole (London holds 2.5% of users: reading 1,000 of them in
--    points order means reading ~40,000 entries, fewer than London's 75,000) are read in order and
--    filtered inside the index. The filter columns are INCLUDEd for that check.
-- 2. One per selective filter, (filter value, user_id): a name or a city is at most 2.5% of users,
--    so all its rows are read from this index and sorted (a top-N sort of at most ~75,000 rows at
--    3,000,000 users), whatever the ordering; by id they come in order already. The sort columns
--    and the other filters' columns are INCLUDEd, so that a second or third filter is checked
--    inside the index (last_name=smith&first_name=lamar reads smith's entries only).
--
-- The two name indexes hold their rows by last name, the one sort key that is text, the dearest to
-- sort: ordered by last name, a name's rows are one range read in order. For a last_name filter
-- this is also a necessity: its rows lie in one stretch of the sort index on last_name, which the
-- planner, taking the filter and the order for independent, would otherwise read from the start
-- (last_name=smith by last_name: 283 ms, every name before S read). By id a name's rows are then
-- sorted, as bigints: page 20 at page_size 500 of the commonest first name takes 12 ms by id and
-- 6 ms by last name (reports/surface/lean-500); with this index by id it had been 25 ms by last
-- name, the slowest of the surface.
-- A city's rows stay in id order: the big cities' own indexes below serve their sorts.
-- The ordering by id needs none: the primary key (user_id, tier_key) is read in order.
-- The lifetime value is sorted as lifetime_value_key, the amount in cents (schema.sql).
--
-- 3. One per sort key for the big cities only, (city, sort key, user_id), partial. A value's rows
--    read whole and sorted cost in proportion to their number: at 3,000,000 users the deepest page
--    of London's 75,000 (page 20 at page_size 500, rows 9,501 to 10,000) took 23 ms to sort and
--    2.4 ms to read in order from these (scripts/list-plan-costs.sh). The cities are those the
--    generator gives 1% of users or more (ValuePools; a test keeps the lists equal), 12% of the rows
--    in all; no name comes near (the commonest first name has 1%, a deep page of it sorts in 12-18
--    ms). A request names one city, and list statements are planned for their values, so the
--    planner sees that city_key = 'london' lies within the indexes' predicate. (The predicate is
--    written as PostgreSQL prints it back, so that an index set put back by bench is the same text.)
-- The data is rebuilt by generate and only read by the API: leaf pages are filled completely.

CREATE INDEX user_list_last_name_idx ON crmbench.user_list (last_name, user_id)
    INCLUDE (last_name_key, first_name_key, city_key, tier_key) WITH (fillfactor = 100);
CREATE INDEX user_list_created_idx ON crmbench.user_list (created, user_id)
    INCLUDE (last_name_key, first_name_key, city_key, tier_key) WITH (fillfactor = 100);
CREATE INDEX user_list_points_idx ON crmbench.user_list (points, user_id)
    INCLUDE (last_name_key, first_name_key, city_key, tier_key) WITH (fillfactor = 100);
CREATE INDEX user_list_lifetime_value_idx ON crmbench.user_list (lifetime_value_key, user_id)
    INCLUDE (last_name_key, first_name_key, city_key, tier_key) WITH (fillfactor = 100);

CREATE INDEX user_list_last_name_key_idx ON crmbench.user_list (last_name_key, last_name, user_id)
    INCLUDE (created, points, lifetime_value_key, first_name_key, city_key, tier_key) WITH (fillfactor = 100);
CREATE INDEX user_list_first_name_key_idx ON crmbench.user_list (first_name_key, last_name, user_id)
    INCLUDE (created, points, lifetime_value_key, last_name_key, city_key, tier_key) WITH (fillfactor = 100);
CREATE INDEX user_list_city_key_idx ON crmbench.user_list (city_key, user_id)
    INCLUDE (created, points, lifetime_value_key, last_name, last_name_key, first_name_key, tier_key) WITH (fillfactor = 100);

CREATE INDEX user_list_big_city_last_name_idx ON crmbench.user_list (city_key, last_name, user_id)
    INCLUDE (last_name_key, first_name_key, tier_key) WITH (fillfactor = 100)
    WHERE city_key::text = ANY (ARRAY['london', 'new york', 'berlin', 'paris', 'madrid', 'rome', 'vienna', 'chicago']);
CREATE INDEX user_list_big_city_created_idx ON crmbench.user_list (city_key, created, user_id)
    INCLUDE (last_name_key, first_name_key, tier_key) WITH (fillfactor = 100)
    WHERE city_key::text = ANY (ARRAY['london', 'new york', 'berlin', 'paris', 'madrid', 'rome', 'vienna', 'chicago']);
CREATE INDEX user_list_big_city_points_idx ON crmbench.user_list (city_key, points, user_id)
    INCLUDE (last_name_key, first_name_key, tier_key) WITH (fillfactor = 100)
    WHERE city_key::text = ANY (ARRAY['london', 'new york', 'berlin', 'paris', 'madrid', 'rome', 'vienna', 'chicago']);
CREATE INDEX user_list_big_city_lifetime_value_idx ON crmbench.user_list (city_key, lifetime_value_key, user_id)
    INCLUDE (last_name_key, first_name_key, tier_key) WITH (fillfactor = 100)
    WHERE city_key::text = ANY (ARRAY['london', 'new york', 'berlin', 'paris', 'madrid', 'rome', 'vienna', 'chicago']);

-- 3. Search (?search=, DRF's SearchFilter: each term anywhere in first name, last name, email or
--    city): one trigram index on the four fields as one lower-cased text (query.Search.TEXT; the
--    expression must be the same, or the planner does not use the index). A term's rows come from
--    it as a bitmap, rechecked on the table; a term common enough to meet 50 rows soon is read in
--    the ordering's index instead, each row checked on the table. The extension pg_trgm is created
--    by crmbench before an index set is built (CrmbenchSchema.EXTENSIONS).
CREATE INDEX user_list_search_idx ON crmbench.user_list
    USING gin (lower(first_name || ' ' || last_name || ' ' || email || ' ' || city) gin_trgm_ops);
