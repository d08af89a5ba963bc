-- The "lean" set: crmbench's own, the default. Seven indexes serve every combination of the list
-- API's filters, orderings and pages, by design rather than one index per combination ("tuned",
-- 30 indexes, is kept for comparison).
--
-- The read table user_list is partitioned by tier (schema.sql), so every index below exists once
-- per tier: a tier filter reads one partition, and no tier filter reads all of them merged in the
-- order asked for. Two kinds of index, each holding every column a list page is sorted or filtered
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
-- The last name's index holds its rows by last name: ordered by last name, a last_name filter is
-- one range read in order. Its rows lie in one stretch of the sort index on last_name, which the
-- planner, taking the filter and the order for independent, would otherwise read from the start
-- (last_name=smith by last_name: 283 ms, every name before S read). By id its rows are sorted
-- (30,000 ids at most: a few milliseconds).
-- The ordering by id needs none: the primary key (user_id, tier_key) is read in order.
-- The data is rebuilt by generate and only read by the API: leaf pages are filled completely.

CREATE INDEX user_list_last_name_idx ON crmbench.user_list (last_name, user_id)
    INCLUDE (last_name_key, first_name_key, city_key, tier_key) WITH (fillfactor = 100);
CREATE INDEX user_list_created_idx ON crmbench.user_list (created, user_id)
    INCLUDE (last_name_key, first_name_key, city_key, tier_key) WITH (fillfactor = 100);
CREATE INDEX user_list_points_idx ON crmbench.user_list (points, user_id)
    INCLUDE (last_name_key, first_name_key, city_key, tier_key) WITH (fillfactor = 100);
CREATE INDEX user_list_lifetime_value_idx ON crmbench.user_list (lifetime_value, user_id)
    INCLUDE (last_name_key, first_name_key, city_key, tier_key) WITH (fillfactor = 100);

CREATE INDEX user_list_last_name_key_idx ON crmbench.user_list (last_name_key, last_name, user_id)
    INCLUDE (created, points, lifetime_value, first_name_key, city_key, tier_key) WITH (fillfactor = 100);
CREATE INDEX user_list_first_name_key_idx ON crmbench.user_list (first_name_key, user_id)
    INCLUDE (created, points, lifetime_value, last_name, last_name_key, city_key, tier_key) WITH (fillfactor = 100);
CREATE INDEX user_list_city_key_idx ON crmbench.user_list (city_key, user_id)
    INCLUDE (created, points, lifetime_value, last_name, last_name_key, first_name_key, tier_key) WITH (fillfactor = 100);
