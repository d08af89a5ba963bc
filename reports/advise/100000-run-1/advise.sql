-- crmbench advise, run 20261203-203553 (2026-12-03T20:35:53Z), 100,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 990 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 60 candidates; 1 min 54 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 241 of 990 statements before, 965 of 990 with these indexes built together
-- 11 indexes, 51 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 120 statements faster, 2,201 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +28.7 ms per 10,000 rows and +104 WAL bytes per row, updates of city_key -10.2 ms per 10,000 rows and +109 WAL bytes per row
--   city=reinaldobury&ordering=-id&page=20: 23.4 -> 1.25 ms
--   city=no-such-city&ordering=relationship__lifetime_value&page=20: 21.9 -> 1.17 ms
--   first_name=zoraida&city=yostville&ordering=-relationship__lifetime_value&page=20: 22.3 -> 1.93 ms
CREATE INDEX user_list_city_key_tier_key_user_id_idx ON crmbench.user_list (city_key, tier_key, user_id);

-- 288 statements faster, 3,905 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +24.5 ms per 10,000 rows and +75 WAL bytes per row, updates of last_name_key +68.0 ms per 10,000 rows and +82 WAL bytes per row
--   last_name=zulauf&first_name=tyra&ordering=last_name&page=20: 23.1 -> 1.30 ms
--   last_name=smith&tier=bronze&ordering=created&page=20: 12.0 -> 1.70 ms
--   last_name=schimmel&ordering=created&page=20: 22.8 -> 1.15 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 169 statements faster, 2,236 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +29.6 ms per 10,000 rows and +104 WAL bytes per row, updates of first_name_key +38.8 ms per 10,000 rows and +115 WAL bytes per row
--   first_name=clemencia&city=london&ordering=-last_name&page=20: 21.2 -> 1.35 ms
--   first_name=lamar&ordering=relationship__points&cursor=after-page-20: 46.8 -> 3.27 ms
--   first_name=hollis&city=london&tier=bronze&ordering=-id&page=1: 12.5 -> 0.760 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);

-- 6 statements faster, 111 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +23.6 ms per 10,000 rows and +83 WAL bytes per row, updates of last_name +48.7 ms per 10,000 rows and +97 WAL bytes per row
--   tier=bronze&ordering=-last_name&page=1: 19.2 -> 1.05 ms
--   tier=bronze&ordering=-last_name&page=20: 20.1 -> 1.70 ms
--   tier=bronze&ordering=last_name&page=1: 18.6 -> 1.04 ms
CREATE INDEX user_list_tier_key_last_name_user_id_idx ON crmbench.user_list (tier_key, last_name, user_id);

-- 6 statements faster, 118 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +19.0 ms per 10,000 rows and +87 WAL bytes per row, updates of created +71.7 ms per 10,000 rows and +88 WAL bytes per row
--   tier=bronze&ordering=-created&cursor=after-page-20: 21.9 -> 1.09 ms
--   tier=bronze&ordering=created&page=1: 19.3 -> 0.912 ms
--   tier=bronze&ordering=created&page=20: 18.1 -> 1.14 ms
CREATE INDEX user_list_tier_key_created_user_id_idx ON crmbench.user_list (tier_key, created, user_id);

-- 6 statements faster, 98.3 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +20.3 ms per 10,000 rows and +81 WAL bytes per row, updates of points +51.0 ms per 10,000 rows and +85 WAL bytes per row
--   tier=bronze&ordering=-relationship__points&cursor=after-page-20: 17.9 -> 1.18 ms
--   tier=bronze&ordering=relationship__points&page=1: 17.1 -> 1.12 ms
--   tier=bronze&ordering=relationship__points&cursor=after-page-20: 17.9 -> 1.05 ms
CREATE INDEX user_list_tier_key_points_user_id_idx ON crmbench.user_list (tier_key, points, user_id);

-- 6 statements faster, 107 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +21.8 ms per 10,000 rows and +82 WAL bytes per row, updates of lifetime_value_key +37.2 ms per 10,000 rows and +86 WAL bytes per row
--   tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: 21.2 -> 1.18 ms
--   tier=bronze&ordering=relationship__lifetime_value&page=1: 17.5 -> 1.26 ms
--   tier=bronze&ordering=-relationship__lifetime_value&page=20: 20.5 -> 1.84 ms
CREATE INDEX user_list_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (tier_key, lifetime_value_key, user_id);

-- 2 statements faster, 40.9 ms p50 saved in all; 6 MB, built in 0.1 s, inserts +32.3 ms per 10,000 rows and +72 WAL bytes per row, updates of city_key +125.3 ms per 10,000 rows and +82 WAL bytes per row
--   city=london&tier=bronze&ordering=-last_name&cursor=after-page-20: 22.8 -> 2.59 ms
--   city=london&tier=bronze&ordering=last_name&cursor=after-page-20: 23.8 -> 3.05 ms
CREATE INDEX user_list_city_key_tier_key_last_name_user_id_idx ON crmbench.user_list (city_key, tier_key, last_name, user_id);

-- 2 statements faster, 43.2 ms p50 saved in all; 6 MB, built in 0.1 s, inserts +30.1 ms per 10,000 rows and +88 WAL bytes per row, updates of city_key +115.7 ms per 10,000 rows and +68 WAL bytes per row
--   city=london&tier=bronze&ordering=-created&cursor=after-page-20: 24.0 -> 2.49 ms
--   city=london&tier=bronze&ordering=created&cursor=after-page-20: 24.6 -> 2.89 ms
CREATE INDEX user_list_city_key_tier_key_created_user_id_idx ON crmbench.user_list (city_key, tier_key, created, user_id);

-- 2 statements faster, 42.0 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +34.5 ms per 10,000 rows and +68 WAL bytes per row, updates of city_key +144.3 ms per 10,000 rows and +76 WAL bytes per row
--   city=london&tier=bronze&ordering=relationship__points&cursor=after-page-20: 23.8 -> 2.74 ms
--   city=london&tier=bronze&ordering=-relationship__points&cursor=after-page-20: 23.5 -> 2.57 ms
CREATE INDEX user_list_city_key_tier_key_points_user_id_idx ON crmbench.user_list (city_key, tier_key, points, user_id);

-- 2 statements faster, 41.5 ms p50 saved in all; 6 MB, built in 0.1 s, inserts +31.4 ms per 10,000 rows and +72 WAL bytes per row, updates of city_key +148.4 ms per 10,000 rows and +72 WAL bytes per row
--   city=london&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: 23.8 -> 2.53 ms
--   city=london&tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: 23.1 -> 2.98 ms
CREATE INDEX user_list_city_key_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (city_key, tier_key, lifetime_value_key, user_id);
