-- crmbench advise, run 20261203-225225 (2026-12-03T22:52:25Z), 100,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 990 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 64 candidates; 1 min 01 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 239 of 990 statements before, 988 of 990 with these indexes built together
-- 9 indexes, 37 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 16 statements faster, 366 ms p50 saved in all; 3 MB, built in 0.1 s, inserts +21.4 ms per 10,000 rows and +58 WAL bytes per row, updates of last_name +42.1 ms per 10,000 rows and +73 WAL bytes per row
--   ordering=last_name&page=20: 33.7 -> 2.39 ms
--   tier=bronze&ordering=-last_name&page=1: 19.9 -> 1.35 ms
--   tier=bronze&ordering=-last_name&page=20: 20.2 -> 2.35 ms
CREATE INDEX user_list_last_name_user_id_idx ON crmbench.user_list (last_name, user_id);

-- 16 statements faster, 351 ms p50 saved in all; 3 MB, built in 0.0 s, inserts -6.3 ms per 10,000 rows and +82 WAL bytes per row, updates of created +29.4 ms per 10,000 rows and +78 WAL bytes per row
--   tier=bronze&ordering=-created&cursor=after-page-20: 25.2 -> 1.62 ms
--   ordering=created&page=20: 31.3 -> 1.48 ms
--   ordering=created&cursor=after-page-20: 30.2 -> 1.51 ms
CREATE INDEX user_list_created_user_id_idx ON crmbench.user_list (created, user_id);

-- 13 statements faster, 296 ms p50 saved in all; 3 MB, built in 0.1 s, inserts +16.0 ms per 10,000 rows and +73 WAL bytes per row, updates of points -7.1 ms per 10,000 rows and +85 WAL bytes per row
--   first_name=lamar&ordering=relationship__points&cursor=after-page-20: 38.3 -> 27.3 ms
--   ordering=relationship__points&page=1: 32.0 -> 1.73 ms
--   tier=bronze&ordering=-relationship__points&cursor=after-page-20: 18.7 -> 1.27 ms
CREATE INDEX user_list_points_user_id_idx ON crmbench.user_list (points, user_id);

-- 12 statements faster, 284 ms p50 saved in all; 3 MB, built in 0.1 s, inserts +15.9 ms per 10,000 rows and +72 WAL bytes per row, updates of lifetime_value_key +12.6 ms per 10,000 rows and +84 WAL bytes per row
--   ordering=-relationship__lifetime_value&page=20: 36.3 -> 2.20 ms
--   tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: 18.1 -> 1.19 ms
--   ordering=relationship__lifetime_value&page=1: 29.2 -> 1.52 ms
CREATE INDEX user_list_lifetime_value_key_user_id_idx ON crmbench.user_list (lifetime_value_key, user_id);

-- 126 statements faster, 1,907 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +26.8 ms per 10,000 rows and +89 WAL bytes per row, updates of city_key +13.9 ms per 10,000 rows and +117 WAL bytes per row
--   city=reinaldobury&ordering=-id&page=20: 19.6 -> 1.19 ms
--   city=no-such-city&ordering=relationship__lifetime_value&page=20: 19.2 -> 1.23 ms
--   first_name=zoraida&city=yostville&ordering=-relationship__lifetime_value&page=20: 19.6 -> 1.50 ms
CREATE INDEX user_list_city_key_tier_key_user_id_idx ON crmbench.user_list (city_key, tier_key, user_id);

-- 331 statements faster, 4,913 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +25.8 ms per 10,000 rows and +91 WAL bytes per row, updates of last_name_key +33.6 ms per 10,000 rows and +97 WAL bytes per row
--   last_name=zulauf&first_name=tyra&ordering=last_name&page=20: 19.2 -> 1.30 ms
--   last_name=smith&tier=bronze&ordering=created&page=20: 11.6 -> 1.51 ms
--   last_name=schimmel&ordering=created&page=20: 29.5 -> 1.69 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 169 statements faster, 2,825 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +23.0 ms per 10,000 rows and +80 WAL bytes per row, updates of first_name_key +3.1 ms per 10,000 rows and +120 WAL bytes per row
--   first_name=clemencia&city=london&ordering=-last_name&page=20: 19.9 -> 1.20 ms
--   first_name=hollis&city=london&tier=bronze&ordering=-id&page=1: 10.6 -> 0.825 ms
--   first_name=hollis&city=london&tier=bronze&ordering=-created&page=20: 10.6 -> 0.779 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);

-- 2 statements faster, 40.5 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +25.3 ms per 10,000 rows and +110 WAL bytes per row, updates of city_key +55.1 ms per 10,000 rows and +94 WAL bytes per row
--   city=london&tier=bronze&ordering=relationship__points&cursor=after-page-20: 23.3 -> 2.98 ms
--   city=london&tier=bronze&ordering=-relationship__points&cursor=after-page-20: 22.8 -> 2.57 ms
CREATE INDEX user_list_city_key_tier_key_points_user_id_idx ON crmbench.user_list (city_key, tier_key, points, user_id);

-- 2 statements faster, 40.8 ms p50 saved in all; 6 MB, built in 0.1 s, inserts +22.3 ms per 10,000 rows and +88 WAL bytes per row, updates of city_key +61.8 ms per 10,000 rows and +75 WAL bytes per row
--   city=london&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: 24.0 -> 2.69 ms
--   city=london&tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: 22.0 -> 2.50 ms
CREATE INDEX user_list_city_key_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (city_key, tier_key, lifetime_value_key, user_id);
