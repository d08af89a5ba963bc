-- crmbench advise, run 20261203-203751 (2026-12-03T20:37:51Z), 100,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 990 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 60 candidates; 1 min 46 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 242 of 990 statements before, 964 of 990 with these indexes built together
-- 8 indexes, 34 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 155 statements faster, 2,397 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +27.1 ms per 10,000 rows and +93 WAL bytes per row, updates of city_key +13.9 ms per 10,000 rows and +87 WAL bytes per row
--   city=reinaldobury&ordering=-id&page=20: 17.8 -> 1.01 ms
--   city=no-such-city&ordering=relationship__lifetime_value&page=20: 18.3 -> 0.883 ms
--   first_name=zoraida&city=yostville&ordering=-relationship__lifetime_value&page=20: 19.3 -> 1.13 ms
CREATE INDEX user_list_city_key_tier_key_user_id_idx ON crmbench.user_list (city_key, tier_key, user_id);

-- 286 statements faster, 3,546 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +28.4 ms per 10,000 rows and +83 WAL bytes per row, updates of last_name_key +87.9 ms per 10,000 rows and +94 WAL bytes per row
--   last_name=zulauf&first_name=tyra&ordering=last_name&page=20: 17.6 -> 1.13 ms
--   last_name=smith&tier=bronze&ordering=created&page=20: 11.1 -> 1.60 ms
--   last_name=schimmel&ordering=created&page=20: 19.1 -> 1.31 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 18 statements faster, 36.2 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +25.3 ms per 10,000 rows and +88 WAL bytes per row, updates of last_name_key +83.5 ms per 10,000 rows and +101 WAL bytes per row
--   last_name=smith&city=new york&ordering=-relationship__points&page=20: 18.4 -> 1.16 ms
--   last_name=smith&city=new york&ordering=last_name&page=1: 19.0 -> 1.39 ms
--   last_name=smith&city=new york&ordering=-relationship__lifetime_value&page=20: 18.2 -> 1.13 ms
CREATE INDEX user_list_last_name_key_city_key_user_id_idx ON crmbench.user_list (last_name_key, city_key, user_id);

-- 170 statements faster, 2,286 ms p50 saved in all; 5 MB, built in 0.2 s, inserts +32.6 ms per 10,000 rows and +88 WAL bytes per row, updates of first_name_key +43.3 ms per 10,000 rows and +98 WAL bytes per row
--   first_name=clemencia&city=london&ordering=-last_name&page=20: 19.5 -> 1.23 ms
--   first_name=lamar&ordering=relationship__points&cursor=after-page-20: 35.7 -> 2.58 ms
--   first_name=hollis&city=london&tier=bronze&ordering=-id&page=1: 10.5 -> 0.953 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);

-- 6 statements faster, 102 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +25.1 ms per 10,000 rows and +82 WAL bytes per row, updates of last_name +14.6 ms per 10,000 rows and +94 WAL bytes per row
--   tier=bronze&ordering=-last_name&page=1: 16.9 -> 1.47 ms
--   tier=bronze&ordering=-last_name&page=20: 18.6 -> 1.63 ms
--   tier=bronze&ordering=last_name&page=1: 19.5 -> 1.55 ms
CREATE INDEX user_list_tier_key_last_name_user_id_idx ON crmbench.user_list (tier_key, last_name, user_id);

-- 6 statements faster, 105 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +20.7 ms per 10,000 rows and +87 WAL bytes per row, updates of created +37.7 ms per 10,000 rows and +89 WAL bytes per row
--   tier=bronze&ordering=-created&cursor=after-page-20: 20.3 -> 1.14 ms
--   tier=bronze&ordering=created&page=1: 16.8 -> 0.943 ms
--   tier=bronze&ordering=created&page=20: 15.8 -> 1.06 ms
CREATE INDEX user_list_tier_key_created_user_id_idx ON crmbench.user_list (tier_key, created, user_id);

-- 6 statements faster, 92.2 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +25.8 ms per 10,000 rows and +81 WAL bytes per row, updates of points +12.5 ms per 10,000 rows and +86 WAL bytes per row
--   tier=bronze&ordering=-relationship__points&cursor=after-page-20: 16.9 -> 1.19 ms
--   tier=bronze&ordering=relationship__points&page=1: 16.2 -> 1.16 ms
--   tier=bronze&ordering=relationship__points&cursor=after-page-20: 17.5 -> 1.18 ms
CREATE INDEX user_list_tier_key_points_user_id_idx ON crmbench.user_list (tier_key, points, user_id);

-- 6 statements faster, 98.3 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +23.8 ms per 10,000 rows and +81 WAL bytes per row, updates of lifetime_value_key +19.3 ms per 10,000 rows and +87 WAL bytes per row
--   tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: 19.3 -> 1.11 ms
--   tier=bronze&ordering=relationship__lifetime_value&page=1: 16.5 -> 1.10 ms
--   tier=bronze&ordering=-relationship__lifetime_value&page=20: 17.9 -> 1.19 ms
CREATE INDEX user_list_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (tier_key, lifetime_value_key, user_id);
