-- crmbench advise, run 20261203-225330 (2026-12-03T22:53:30Z), 100,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 990 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 64 candidates; 1 min 00 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 241 of 990 statements before, 989 of 990 with these indexes built together
-- 9 indexes, 37 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 16 statements faster, 351 ms p50 saved in all; 3 MB, built in 0.1 s, inserts +18.3 ms per 10,000 rows and +74 WAL bytes per row, updates of last_name +13.9 ms per 10,000 rows and +85 WAL bytes per row
--   ordering=last_name&page=20: 34.1 -> 2.86 ms
--   tier=bronze&ordering=-last_name&page=1: 18.2 -> 1.29 ms
--   tier=bronze&ordering=-last_name&page=20: 21.0 -> 2.36 ms
CREATE INDEX user_list_last_name_user_id_idx ON crmbench.user_list (last_name, user_id);

-- 16 statements faster, 348 ms p50 saved in all; 3 MB, built in 0.0 s, inserts +10.2 ms per 10,000 rows and +81 WAL bytes per row, updates of created -25.5 ms per 10,000 rows and +78 WAL bytes per row
--   tier=bronze&ordering=-created&cursor=after-page-20: 22.5 -> 1.31 ms
--   ordering=created&page=20: 29.1 -> 1.58 ms
--   ordering=created&cursor=after-page-20: 30.9 -> 1.49 ms
CREATE INDEX user_list_created_user_id_idx ON crmbench.user_list (created, user_id);

-- 12 statements faster, 280 ms p50 saved in all; 3 MB, built in 0.1 s, inserts +18.4 ms per 10,000 rows and +73 WAL bytes per row, updates of points +16.7 ms per 10,000 rows and +84 WAL bytes per row
--   ordering=relationship__points&page=1: 27.7 -> 1.48 ms
--   tier=bronze&ordering=-relationship__points&cursor=after-page-20: 20.0 -> 1.28 ms
--   tier=bronze&ordering=relationship__points&page=1: 21.4 -> 1.23 ms
CREATE INDEX user_list_points_user_id_idx ON crmbench.user_list (points, user_id);

-- 12 statements faster, 280 ms p50 saved in all; 3 MB, built in 0.1 s, inserts +18.2 ms per 10,000 rows and +72 WAL bytes per row, updates of lifetime_value_key +24.7 ms per 10,000 rows and +85 WAL bytes per row
--   ordering=-relationship__lifetime_value&page=20: 32.4 -> 1.92 ms
--   tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: 21.5 -> 1.15 ms
--   ordering=relationship__lifetime_value&page=1: 27.6 -> 1.30 ms
CREATE INDEX user_list_lifetime_value_key_user_id_idx ON crmbench.user_list (lifetime_value_key, user_id);

-- 124 statements faster, 1,941 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +30.6 ms per 10,000 rows and +94 WAL bytes per row, updates of city_key +44.6 ms per 10,000 rows and +87 WAL bytes per row
--   city=reinaldobury&ordering=-id&page=20: 20.2 -> 0.987 ms
--   city=no-such-city&ordering=relationship__lifetime_value&page=20: 20.1 -> 1.15 ms
--   first_name=zoraida&city=yostville&ordering=-relationship__lifetime_value&page=20: 20.9 -> 1.41 ms
CREATE INDEX user_list_city_key_tier_key_user_id_idx ON crmbench.user_list (city_key, tier_key, user_id);

-- 321 statements faster, 4,607 ms p50 saved in all; 4 MB, built in 0.1 s, inserts -5.0 ms per 10,000 rows and +83 WAL bytes per row, updates of last_name_key -110.7 ms per 10,000 rows and +94 WAL bytes per row
--   last_name=zulauf&first_name=tyra&ordering=last_name&page=20: 19.2 -> 1.19 ms
--   last_name=smith&tier=bronze&ordering=created&page=20: 11.6 -> 1.55 ms
--   last_name=schimmel&ordering=created&page=20: 18.6 -> 1.12 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 161 statements faster, 2,734 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +26.8 ms per 10,000 rows and +112 WAL bytes per row, updates of first_name_key +39.9 ms per 10,000 rows and +139 WAL bytes per row
--   first_name=clemencia&city=london&ordering=-last_name&page=20: 22.2 -> 1.19 ms
--   first_name=lamar&ordering=relationship__points&cursor=after-page-20: 38.2 -> 2.86 ms
--   first_name=hollis&city=london&tier=bronze&ordering=-id&page=1: 12.4 -> 0.865 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);

-- 2 statements faster, 42.2 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +27.9 ms per 10,000 rows and +131 WAL bytes per row, updates of city_key +65.8 ms per 10,000 rows and +143 WAL bytes per row
--   city=london&tier=bronze&ordering=relationship__points&cursor=after-page-20: 25.2 -> 2.67 ms
--   city=london&tier=bronze&ordering=-relationship__points&cursor=after-page-20: 22.1 -> 2.48 ms
CREATE INDEX user_list_city_key_tier_key_points_user_id_idx ON crmbench.user_list (city_key, tier_key, points, user_id);

-- 2 statements faster, 39.1 ms p50 saved in all; 6 MB, built in 0.1 s, inserts +28.9 ms per 10,000 rows and +112 WAL bytes per row, updates of city_key +78.7 ms per 10,000 rows and +127 WAL bytes per row
--   city=london&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: 22.2 -> 2.25 ms
--   city=london&tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: 22.1 -> 2.97 ms
CREATE INDEX user_list_city_key_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (city_key, tier_key, lifetime_value_key, user_id);
