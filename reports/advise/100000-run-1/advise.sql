-- crmbench advise, run 20261203-221131 (2026-12-03T22:11:31Z), 100,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 990 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 60 candidates; 1 min 02 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 240 of 990 statements before, 966 of 990 with these indexes built together
-- 7 indexes, 30 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 166 statements faster, 2,686 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +32.4 ms per 10,000 rows and +101 WAL bytes per row, updates of city_key +32.2 ms per 10,000 rows and +93 WAL bytes per row
--   city=reinaldobury&ordering=-id&page=20: 20.4 -> 0.980 ms
--   city=no-such-city&ordering=relationship__lifetime_value&page=20: 21.2 -> 1.23 ms
--   first_name=zoraida&city=yostville&ordering=-relationship__lifetime_value&page=20: 20.5 -> 1.40 ms
CREATE INDEX user_list_city_key_tier_key_user_id_idx ON crmbench.user_list (city_key, tier_key, user_id);

-- 305 statements faster, 3,921 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +26.3 ms per 10,000 rows and +77 WAL bytes per row, updates of last_name_key +28.4 ms per 10,000 rows and +82 WAL bytes per row
--   last_name=zulauf&first_name=tyra&ordering=last_name&page=20: 20.9 -> 1.18 ms
--   last_name=smith&tier=bronze&ordering=created&page=20: 12.4 -> 1.51 ms
--   last_name=schimmel&ordering=created&page=20: 23.0 -> 1.21 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 169 statements faster, 2,309 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +29.7 ms per 10,000 rows and +103 WAL bytes per row, updates of first_name_key +37.2 ms per 10,000 rows and +114 WAL bytes per row
--   first_name=clemencia&city=london&ordering=-last_name&page=20: 21.2 -> 1.71 ms
--   first_name=lamar&ordering=relationship__points&cursor=after-page-20: 43.0 -> 2.67 ms
--   first_name=hollis&city=london&tier=bronze&ordering=-id&page=1: 16.3 -> 0.988 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);

-- 6 statements faster, 114 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +30.4 ms per 10,000 rows and +82 WAL bytes per row, updates of last_name +32.2 ms per 10,000 rows and +93 WAL bytes per row
--   tier=bronze&ordering=-last_name&page=1: 19.6 -> 1.29 ms
--   tier=bronze&ordering=-last_name&page=20: 21.2 -> 1.39 ms
--   tier=bronze&ordering=last_name&page=1: 18.6 -> 1.33 ms
CREATE INDEX user_list_tier_key_last_name_user_id_idx ON crmbench.user_list (tier_key, last_name, user_id);

-- 6 statements faster, 125 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +21.9 ms per 10,000 rows and +87 WAL bytes per row, updates of created +32.1 ms per 10,000 rows and +89 WAL bytes per row
--   tier=bronze&ordering=-created&cursor=after-page-20: 25.2 -> 1.24 ms
--   tier=bronze&ordering=created&page=1: 17.2 -> 1.13 ms
--   tier=bronze&ordering=created&page=20: 17.7 -> 1.17 ms
CREATE INDEX user_list_tier_key_created_user_id_idx ON crmbench.user_list (tier_key, created, user_id);

-- 6 statements faster, 115 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +24.8 ms per 10,000 rows and +81 WAL bytes per row, updates of points +15.5 ms per 10,000 rows and +85 WAL bytes per row
--   tier=bronze&ordering=-relationship__points&cursor=after-page-20: 21.0 -> 1.12 ms
--   tier=bronze&ordering=relationship__points&page=1: 19.2 -> 1.09 ms
--   tier=bronze&ordering=relationship__points&cursor=after-page-20: 21.5 -> 1.17 ms
CREATE INDEX user_list_tier_key_points_user_id_idx ON crmbench.user_list (tier_key, points, user_id);

-- 6 statements faster, 117 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +32.3 ms per 10,000 rows and +81 WAL bytes per row, updates of lifetime_value_key +33.5 ms per 10,000 rows and +86 WAL bytes per row
--   tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: 21.4 -> 1.25 ms
--   tier=bronze&ordering=relationship__lifetime_value&page=1: 19.7 -> 1.34 ms
--   tier=bronze&ordering=-relationship__lifetime_value&page=20: 20.9 -> 1.86 ms
CREATE INDEX user_list_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (tier_key, lifetime_value_key, user_id);
