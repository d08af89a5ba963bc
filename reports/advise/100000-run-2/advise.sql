-- crmbench advise, run 20261203-195937 (2026-12-03T19:59:37Z), 100,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 990 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 60 candidates; 2 min 24 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 240 of 990 statements before, 965 of 990 with these indexes built together
-- 10 indexes, 43 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 166 statements faster, 3,132 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +38.4 ms per 10,000 rows and +93 WAL bytes per row, updates of city_key +25.2 ms per 10,000 rows and +87 WAL bytes per row
--   city=reinaldobury&ordering=-id&page=20: 21.8 -> 1.20 ms
--   city=no-such-city&ordering=relationship__lifetime_value&page=20: 23.7 -> 1.24 ms
--   first_name=zoraida&city=yostville&ordering=-relationship__lifetime_value&page=20: 24.1 -> 1.77 ms
CREATE INDEX user_list_city_key_tier_key_user_id_idx ON crmbench.user_list (city_key, tier_key, user_id);

-- 263 statements faster, 4,895 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +30.8 ms per 10,000 rows and +83 WAL bytes per row, updates of last_name_key +56.2 ms per 10,000 rows and +81 WAL bytes per row
--   last_name=zulauf&first_name=tyra&ordering=last_name&page=20: 21.5 -> 1.19 ms
--   last_name=smith&tier=bronze&ordering=created&page=20: 14.7 -> 1.82 ms
--   last_name=schimmel&ordering=created&page=20: 24.6 -> 1.37 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 5 statements faster, 5.37 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +29.5 ms per 10,000 rows and +88 WAL bytes per row, updates of last_name_key +76.7 ms per 10,000 rows and +88 WAL bytes per row
--   last_name=smith&city=new york&ordering=-relationship__lifetime_value&page=20: 24.6 -> 1.45 ms
--   last_name=smith&city=new york&ordering=-last_name&page=20: 34.0 -> 1.55 ms
--   last_name=smith&city=new york&ordering=created&page=1: 34.0 -> 1.61 ms
CREATE INDEX user_list_last_name_key_city_key_user_id_idx ON crmbench.user_list (last_name_key, city_key, user_id);

-- 154 statements faster, 3,192 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +30.4 ms per 10,000 rows and +88 WAL bytes per row, updates of first_name_key +51.1 ms per 10,000 rows and +99 WAL bytes per row
--   first_name=clemencia&city=london&ordering=-last_name&page=20: 21.6 -> 1.40 ms
--   first_name=lamar&ordering=relationship__points&cursor=after-page-20: 56.0 -> 3.10 ms
--   first_name=hollis&city=london&tier=bronze&ordering=-id&page=1: 13.2 -> 0.996 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);

-- 2 statements faster, 50.5 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +25.5 ms per 10,000 rows and +83 WAL bytes per row, updates of last_name_key +58.9 ms per 10,000 rows and +80 WAL bytes per row
--   last_name=smith&ordering=id&page=20: 27.9 -> 2.04 ms
--   last_name=smith&ordering=-id&page=20: 26.8 -> 2.13 ms
CREATE INDEX user_list_last_name_key_tier_key_user_id_idx ON crmbench.user_list (last_name_key, tier_key, user_id);

-- 4 statements faster, 58.2 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +63.0 ms per 10,000 rows and +83 WAL bytes per row, updates of first_name_key +152.5 ms per 10,000 rows and +90 WAL bytes per row
--   first_name=lamar&ordering=-id&page=1: 27.4 -> 1.82 ms
--   first_name=lamar&ordering=id&page=20: 31.6 -> 1.77 ms
--   first_name=lamar&ordering=-id&page=20: 26.4 -> 1.81 ms
CREATE INDEX user_list_first_name_key_tier_key_user_id_idx ON crmbench.user_list (first_name_key, tier_key, user_id);

-- 6 statements faster, 130 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +25.9 ms per 10,000 rows and +82 WAL bytes per row, updates of last_name +36.7 ms per 10,000 rows and +94 WAL bytes per row
--   tier=bronze&ordering=-last_name&page=1: 22.2 -> 1.53 ms
--   tier=bronze&ordering=-last_name&page=20: 24.1 -> 1.53 ms
--   tier=bronze&ordering=last_name&page=1: 21.8 -> 1.53 ms
CREATE INDEX user_list_tier_key_last_name_user_id_idx ON crmbench.user_list (tier_key, last_name, user_id);

-- 6 statements faster, 138 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +19.9 ms per 10,000 rows and +87 WAL bytes per row, updates of created +33.0 ms per 10,000 rows and +89 WAL bytes per row
--   tier=bronze&ordering=-created&cursor=after-page-20: 25.6 -> 1.64 ms
--   tier=bronze&ordering=created&page=1: 23.2 -> 1.72 ms
--   tier=bronze&ordering=created&page=20: 22.6 -> 1.63 ms
CREATE INDEX user_list_tier_key_created_user_id_idx ON crmbench.user_list (tier_key, created, user_id);

-- 6 statements faster, 127 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +28.2 ms per 10,000 rows and +81 WAL bytes per row, updates of points +177.7 ms per 10,000 rows and +86 WAL bytes per row
--   tier=bronze&ordering=-relationship__points&cursor=after-page-20: 27.0 -> 1.25 ms
--   tier=bronze&ordering=relationship__points&page=1: 20.5 -> 1.37 ms
--   tier=bronze&ordering=relationship__points&cursor=after-page-20: 21.6 -> 1.18 ms
CREATE INDEX user_list_tier_key_points_user_id_idx ON crmbench.user_list (tier_key, points, user_id);

-- 6 statements faster, 126 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +6.0 ms per 10,000 rows and +81 WAL bytes per row, updates of lifetime_value_key +60.1 ms per 10,000 rows and +87 WAL bytes per row
--   tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: 20.9 -> 1.20 ms
--   tier=bronze&ordering=relationship__lifetime_value&page=1: 20.9 -> 1.19 ms
--   tier=bronze&ordering=-relationship__lifetime_value&page=20: 20.7 -> 1.27 ms
CREATE INDEX user_list_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (tier_key, lifetime_value_key, user_id);
