-- crmbench advise, run 20261203-202839 (2026-12-03T20:28:39Z), 3,000,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 1020 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 60 candidates; 7 min 01 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 182 of 1020 statements before, 920 of 1020 with these indexes built together
-- 18 indexes, 2,450 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 196 statements faster, 7,915 ms p50 saved in all; 98 MB, built in 2.7 s, inserts +52.1 ms per 10,000 rows and +75 WAL bytes per row, updates of last_name_key +13.1 ms per 10,000 rows and +85 WAL bytes per row
--   last_name=no-such-last_name&ordering=-last_name&page=20: > 50 -> 1.31 ms
--   last_name=zulauf&first_name=zoe&ordering=-last_name&page=1: > 50 -> 3.67 ms
--   last_name=smith&tier=bronze&ordering=id&cursor=after-page-20: 2.75 -> 1.45 ms
CREATE INDEX user_list_last_name_key_user_id_idx ON crmbench.user_list (last_name_key, user_id);

-- 108 statements faster, 3,707 ms p50 saved in all; 118 MB, built in 3.6 s, inserts +42.0 ms per 10,000 rows and +81 WAL bytes per row, updates of first_name_key +41.5 ms per 10,000 rows and +96 WAL bytes per row
--   first_name=shona&ordering=last_name&page=1: > 50 -> 2.09 ms
--   first_name=zoraida&city=zulauftown&tier=silver&ordering=-relationship__lifetime_value&page=1: > 50 -> 2.59 ms
--   last_name=smith&first_name=isaias&ordering=-last_name&page=20: > 50 -> 1.71 ms
CREATE INDEX user_list_first_name_key_tier_key_user_id_idx ON crmbench.user_list (first_name_key, tier_key, user_id);

-- 175 statements faster, 5,303 ms p50 saved in all; 138 MB, built in 3.8 s, inserts +44.2 ms per 10,000 rows and +98 WAL bytes per row, updates of city_key +30.3 ms per 10,000 rows and +109 WAL bytes per row
--   city=no-such-city&ordering=relationship__lifetime_value&page=20: > 50 -> 1.23 ms
--   city=starkview&ordering=-relationship__points&page=20: > 50 -> 1.83 ms
--   first_name=zoraida&city=zulauftown&tier=silver&ordering=-created&page=20: > 50 -> 2.00 ms
CREATE INDEX user_list_city_key_tier_key_user_id_idx ON crmbench.user_list (city_key, tier_key, user_id);

-- 120 statements faster, 3,893 ms p50 saved in all; 121 MB, built in 3.0 s, inserts +41.4 ms per 10,000 rows and +82 WAL bytes per row, updates of last_name_key +34.5 ms per 10,000 rows and +161 WAL bytes per row
--   last_name=smith&first_name=clemencia&city=london&ordering=-relationship__lifetime_value&page=20: > 50 -> 2.10 ms
--   last_name=lynch&first_name=shakira&city=new york&tier=bronze&ordering=created&page=1: > 50 -> 1.75 ms
--   last_name=smith&first_name=erwin&ordering=-relationship__points&page=1: > 50 -> 3.12 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 40 statements faster, 1,543 ms p50 saved in all; 140 MB, built in 3.2 s, inserts +50.1 ms per 10,000 rows and +88 WAL bytes per row, updates of last_name_key +42.7 ms per 10,000 rows and +151 WAL bytes per row
--   last_name=smith&city=london&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.69 ms
--   last_name=smith&city=london&ordering=last_name&page=20: > 50 -> 2.75 ms
--   last_name=smith&city=london&tier=bronze&ordering=created&page=1: > 50 -> 2.66 ms
CREATE INDEX user_list_last_name_key_city_key_user_id_idx ON crmbench.user_list (last_name_key, city_key, user_id);

-- 40 statements faster, 1,585 ms p50 saved in all; 138 MB, built in 2.9 s, inserts +47.9 ms per 10,000 rows and +87 WAL bytes per row, updates of first_name_key +44.9 ms per 10,000 rows and +130 WAL bytes per row
--   first_name=lamar&city=london&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.51 ms
--   first_name=lamar&city=london&ordering=relationship__points&page=1: > 50 -> 2.73 ms
--   first_name=lamar&city=london&ordering=id&page=1: > 50 -> 3.78 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);

-- 12 statements faster, 532 ms p50 saved in all; 123 MB, built in 3.5 s, inserts +26.7 ms per 10,000 rows and +83 WAL bytes per row, updates of last_name_key +10.6 ms per 10,000 rows and +97 WAL bytes per row
--   last_name=smith&ordering=-last_name&page=1: > 50 -> 1.62 ms
--   last_name=smith&tier=bronze&ordering=last_name&cursor=after-page-20: > 50 -> 1.38 ms
--   last_name=smith&tier=bronze&ordering=-last_name&page=1: > 50 -> 1.28 ms
CREATE INDEX user_list_last_name_key_last_name_user_id_idx ON crmbench.user_list (last_name_key, last_name, user_id);

-- 12 statements faster, 494 ms p50 saved in all; 123 MB, built in 2.5 s, inserts +37.0 ms per 10,000 rows and +83 WAL bytes per row, updates of last_name_key +11.5 ms per 10,000 rows and +93 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=created&page=20: > 50 -> 2.20 ms
--   last_name=smith&ordering=-created&page=20: > 50 -> 2.56 ms
--   last_name=smith&ordering=created&cursor=after-page-20: > 50 -> 1.78 ms
CREATE INDEX user_list_last_name_key_created_user_id_idx ON crmbench.user_list (last_name_key, created, user_id);

-- 12 statements faster, 491 ms p50 saved in all; 116 MB, built in 2.9 s, inserts +40.9 ms per 10,000 rows and +81 WAL bytes per row, updates of last_name_key +42.4 ms per 10,000 rows and +137 WAL bytes per row
--   last_name=smith&ordering=relationship__points&cursor=after-page-20: > 50 -> 1.70 ms
--   last_name=smith&tier=bronze&ordering=relationship__points&page=20: > 50 -> 2.66 ms
--   last_name=smith&ordering=relationship__points&page=1: > 50 -> 1.49 ms
CREATE INDEX user_list_last_name_key_points_user_id_idx ON crmbench.user_list (last_name_key, points, user_id);

-- 12 statements faster, 485 ms p50 saved in all; 123 MB, built in 2.7 s, inserts +37.4 ms per 10,000 rows and +82 WAL bytes per row, updates of last_name_key +13.6 ms per 10,000 rows and +171 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=-relationship__lifetime_value&page=1: > 50 -> 1.52 ms
--   last_name=smith&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 2.06 ms
--   last_name=smith&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 2.78 ms
CREATE INDEX user_list_last_name_key_lifetime_value_key_user_id_idx ON crmbench.user_list (last_name_key, lifetime_value_key, user_id);

-- 12 statements faster, 486 ms p50 saved in all; 145 MB, built in 3.7 s, inserts +54.0 ms per 10,000 rows and +104 WAL bytes per row, updates of first_name_key +40.1 ms per 10,000 rows and +155 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=last_name&cursor=after-page-20: > 50 -> 1.36 ms
--   first_name=lamar&ordering=last_name&cursor=after-page-20: > 50 -> 7.50 ms
--   first_name=lamar&tier=bronze&ordering=last_name&page=20: > 50 -> 1.41 ms
CREATE INDEX user_list_first_name_key_tier_key_last_name_user_id_idx ON crmbench.user_list (first_name_key, tier_key, last_name, user_id);

-- 12 statements faster, 489 ms p50 saved in all; 144 MB, built in 3.2 s, inserts +50.1 ms per 10,000 rows and +114 WAL bytes per row, updates of first_name_key +32.6 ms per 10,000 rows and +115 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=-created&page=20: > 50 -> 1.37 ms
--   first_name=lamar&tier=bronze&ordering=created&page=1: > 50 -> 1.20 ms
--   first_name=lamar&tier=bronze&ordering=created&cursor=after-page-20: > 50 -> 1.41 ms
CREATE INDEX user_list_first_name_key_tier_key_created_user_id_idx ON crmbench.user_list (first_name_key, tier_key, created, user_id);

-- 12 statements faster, 463 ms p50 saved in all; 137 MB, built in 3.6 s, inserts +49.9 ms per 10,000 rows and +103 WAL bytes per row, updates of first_name_key +33.9 ms per 10,000 rows and +108 WAL bytes per row
--   first_name=lamar&ordering=relationship__points&cursor=after-page-20: > 50 -> 6.89 ms
--   first_name=lamar&ordering=relationship__points&page=1: > 50 -> 6.68 ms
--   first_name=lamar&ordering=-relationship__points&page=20: > 50 -> 10.1 ms
CREATE INDEX user_list_first_name_key_tier_key_points_user_id_idx ON crmbench.user_list (first_name_key, tier_key, points, user_id);

-- 12 statements faster, 459 ms p50 saved in all; 144 MB, built in 3.4 s, inserts +89.0 ms per 10,000 rows and +105 WAL bytes per row, updates of first_name_key +35.5 ms per 10,000 rows and +130 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=relationship__lifetime_value&page=1: > 50 -> 1.39 ms
--   first_name=lamar&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 7.65 ms
--   first_name=lamar&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.51 ms
CREATE INDEX user_list_first_name_key_tier_key_lifetime_value_k_a663784b_idx ON crmbench.user_list (first_name_key, tier_key, lifetime_value_key, user_id);

-- 12 statements faster, 463 ms p50 saved in all; 163 MB, built in 3.7 s, inserts +48.2 ms per 10,000 rows and +103 WAL bytes per row, updates of city_key +29.3 ms per 10,000 rows and +104 WAL bytes per row
--   city=london&ordering=last_name&page=20: > 50 -> 13.6 ms
--   city=london&tier=bronze&ordering=last_name&page=20: > 50 -> 1.35 ms
--   city=london&ordering=last_name&page=1: > 50 -> 13.2 ms
CREATE INDEX user_list_city_key_tier_key_last_name_user_id_idx ON crmbench.user_list (city_key, tier_key, last_name, user_id);

-- 12 statements faster, 504 ms p50 saved in all; 164 MB, built in 3.5 s, inserts +36.0 ms per 10,000 rows and +105 WAL bytes per row, updates of city_key +28.0 ms per 10,000 rows and +120 WAL bytes per row
--   city=london&ordering=created&page=1: > 50 -> 12.7 ms
--   city=london&ordering=-created&page=1: > 50 -> 15.1 ms
--   city=london&tier=bronze&ordering=-created&page=20: > 50 -> 1.29 ms
CREATE INDEX user_list_city_key_tier_key_created_user_id_idx ON crmbench.user_list (city_key, tier_key, created, user_id);

-- 12 statements faster, 493 ms p50 saved in all; 150 MB, built in 3.6 s, inserts +32.2 ms per 10,000 rows and +83 WAL bytes per row, updates of city_key +13.5 ms per 10,000 rows and +101 WAL bytes per row
--   city=london&ordering=-relationship__points&page=20: > 50 -> 20.6 ms
--   city=london&tier=bronze&ordering=relationship__points&page=20: > 50 -> 1.36 ms
--   city=london&ordering=relationship__points&cursor=after-page-20: > 50 -> 13.6 ms
CREATE INDEX user_list_city_key_tier_key_points_user_id_idx ON crmbench.user_list (city_key, tier_key, points, user_id);

-- 12 statements faster, 501 ms p50 saved in all; 164 MB, built in 3.4 s, inserts +31.3 ms per 10,000 rows and +87 WAL bytes per row, updates of city_key +8.4 ms per 10,000 rows and +107 WAL bytes per row
--   city=london&tier=bronze&ordering=relationship__lifetime_value&page=20: > 50 -> 1.37 ms
--   city=london&ordering=relationship__lifetime_value&page=20: > 50 -> 13.2 ms
--   city=london&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.16 ms
CREATE INDEX user_list_city_key_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (city_key, tier_key, lifetime_value_key, user_id);
