-- crmbench advise, run 20261203-221237 (2026-12-03T22:12:37Z), 100,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 990 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 60 candidates; 0 min 59 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 240 of 990 statements before, 964 of 990 with these indexes built together
-- 7 indexes, 30 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 167 statements faster, 2,716 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +30.2 ms per 10,000 rows and +94 WAL bytes per row, updates of city_key +17.7 ms per 10,000 rows and +87 WAL bytes per row
--   city=reinaldobury&ordering=-id&page=20: 20.1 -> 1.02 ms
--   city=no-such-city&ordering=relationship__lifetime_value&page=20: 20.2 -> 1.16 ms
--   first_name=zoraida&city=yostville&ordering=-relationship__lifetime_value&page=20: 19.9 -> 1.50 ms
CREATE INDEX user_list_city_key_tier_key_user_id_idx ON crmbench.user_list (city_key, tier_key, user_id);

-- 290 statements faster, 4,394 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +27.2 ms per 10,000 rows and +82 WAL bytes per row, updates of last_name_key +34.1 ms per 10,000 rows and +94 WAL bytes per row
--   last_name=zulauf&first_name=tyra&ordering=last_name&page=20: 24.7 -> 1.33 ms
--   last_name=smith&tier=bronze&ordering=created&page=20: 12.1 -> 1.57 ms
--   last_name=schimmel&ordering=created&page=20: 22.6 -> 1.21 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 161 statements faster, 2,585 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +21.1 ms per 10,000 rows and +88 WAL bytes per row, updates of first_name_key +23.3 ms per 10,000 rows and +99 WAL bytes per row
--   first_name=clemencia&city=london&ordering=-last_name&page=20: 22.7 -> 1.19 ms
--   first_name=lamar&ordering=relationship__points&cursor=after-page-20: 43.7 -> 2.64 ms
--   first_name=hollis&city=london&tier=bronze&ordering=-id&page=1: 10.7 -> 0.778 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);

-- 6 statements faster, 112 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +29.7 ms per 10,000 rows and +83 WAL bytes per row, updates of last_name +22.5 ms per 10,000 rows and +94 WAL bytes per row
--   tier=bronze&ordering=-last_name&page=1: 18.6 -> 1.15 ms
--   tier=bronze&ordering=-last_name&page=20: 21.4 -> 1.26 ms
--   tier=bronze&ordering=last_name&page=1: 17.8 -> 1.17 ms
CREATE INDEX user_list_tier_key_last_name_user_id_idx ON crmbench.user_list (tier_key, last_name, user_id);

-- 6 statements faster, 135 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +19.3 ms per 10,000 rows and +88 WAL bytes per row, updates of created +32.5 ms per 10,000 rows and +89 WAL bytes per row
--   tier=bronze&ordering=-created&cursor=after-page-20: 26.6 -> 1.13 ms
--   tier=bronze&ordering=created&page=1: 17.8 -> 0.954 ms
--   tier=bronze&ordering=created&page=20: 17.8 -> 1.19 ms
CREATE INDEX user_list_tier_key_created_user_id_idx ON crmbench.user_list (tier_key, created, user_id);

-- 6 statements faster, 117 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +22.7 ms per 10,000 rows and +81 WAL bytes per row, updates of points +15.5 ms per 10,000 rows and +85 WAL bytes per row
--   tier=bronze&ordering=-relationship__points&cursor=after-page-20: 21.5 -> 1.13 ms
--   tier=bronze&ordering=relationship__points&page=1: 19.9 -> 1.13 ms
--   tier=bronze&ordering=relationship__points&cursor=after-page-20: 21.2 -> 1.26 ms
CREATE INDEX user_list_tier_key_points_user_id_idx ON crmbench.user_list (tier_key, points, user_id);

-- 6 statements faster, 116 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +29.6 ms per 10,000 rows and +81 WAL bytes per row, updates of lifetime_value_key +55.0 ms per 10,000 rows and +87 WAL bytes per row
--   tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: 21.7 -> 1.16 ms
--   tier=bronze&ordering=relationship__lifetime_value&page=1: 19.3 -> 1.13 ms
--   tier=bronze&ordering=-relationship__lifetime_value&page=20: 21.2 -> 1.23 ms
CREATE INDEX user_list_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (tier_key, lifetime_value_key, user_id);
