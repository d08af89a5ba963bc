-- crmbench advise, run 20261203-222115 (2026-12-03T22:21:15Z), 3,000,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 1020 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 60 candidates; 3 min 38 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 196 of 1020 statements before, 924 of 1020 with these indexes built together
-- 18 indexes, 2,450 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 194 statements faster, 7,855 ms p50 saved in all; 98 MB, built in 2.0 s, inserts +17.8 ms per 10,000 rows and +75 WAL bytes per row, updates of last_name_key +22.1 ms per 10,000 rows and +80 WAL bytes per row
--   last_name=no-such-last_name&ordering=-last_name&page=20: > 50 -> 0.965 ms
--   last_name=zulauf&first_name=zoe&ordering=-last_name&page=1: > 50 -> 3.37 ms
--   last_name=zulauf&city=ziemeshire&ordering=id&page=20: > 50 -> 3.29 ms
CREATE INDEX user_list_last_name_key_user_id_idx ON crmbench.user_list (last_name_key, user_id);

-- 107 statements faster, 3,206 ms p50 saved in all; 118 MB, built in 2.7 s, inserts +32.8 ms per 10,000 rows and +82 WAL bytes per row, updates of first_name_key +25.8 ms per 10,000 rows and +97 WAL bytes per row
--   first_name=shona&ordering=last_name&page=1: > 50 -> 1.78 ms
--   last_name=smith&first_name=isaias&ordering=-last_name&page=20: > 50 -> 1.46 ms
--   last_name=smith&first_name=agustin&tier=bronze&ordering=relationship__lifetime_value&page=20: > 50 -> 1.06 ms
CREATE INDEX user_list_first_name_key_tier_key_user_id_idx ON crmbench.user_list (first_name_key, tier_key, user_id);

-- 182 statements faster, 4,970 ms p50 saved in all; 138 MB, built in 2.9 s, inserts +36.5 ms per 10,000 rows and +104 WAL bytes per row, updates of city_key +27.6 ms per 10,000 rows and +109 WAL bytes per row
--   city=no-such-city&ordering=relationship__lifetime_value&page=20: > 50 -> 1.02 ms
--   city=starkview&ordering=-relationship__points&page=20: > 50 -> 1.53 ms
--   first_name=zoraida&city=zulauftown&tier=silver&ordering=-created&page=20: > 50 -> 1.20 ms
CREATE INDEX user_list_city_key_tier_key_user_id_idx ON crmbench.user_list (city_key, tier_key, user_id);

-- 120 statements faster, 2,888 ms p50 saved in all; 121 MB, built in 2.6 s, inserts +32.7 ms per 10,000 rows and +82 WAL bytes per row, updates of last_name_key +51.2 ms per 10,000 rows and +160 WAL bytes per row
--   last_name=smith&first_name=clemencia&city=london&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.76 ms
--   last_name=lynch&first_name=shakira&city=new york&tier=bronze&ordering=created&page=1: > 50 -> 1.08 ms
--   last_name=smith&first_name=erwin&ordering=-relationship__points&page=1: > 50 -> 2.02 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 40 statements faster, 980 ms p50 saved in all; 140 MB, built in 2.6 s, inserts +42.7 ms per 10,000 rows and +87 WAL bytes per row, updates of last_name_key +51.9 ms per 10,000 rows and +151 WAL bytes per row
--   last_name=smith&city=london&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.46 ms
--   last_name=smith&city=london&ordering=last_name&page=20: > 50 -> 2.62 ms
--   last_name=smith&city=london&tier=bronze&ordering=created&page=1: > 50 -> 1.83 ms
CREATE INDEX user_list_last_name_key_city_key_user_id_idx ON crmbench.user_list (last_name_key, city_key, user_id);

-- 40 statements faster, 1,519 ms p50 saved in all; 138 MB, built in 2.5 s, inserts +45.6 ms per 10,000 rows and +87 WAL bytes per row, updates of first_name_key +35.7 ms per 10,000 rows and +130 WAL bytes per row
--   first_name=lamar&city=london&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.41 ms
--   first_name=lamar&city=london&ordering=relationship__points&page=1: > 50 -> 2.65 ms
--   first_name=lamar&city=london&ordering=id&page=1: > 50 -> 2.79 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);

-- 12 statements faster, 476 ms p50 saved in all; 123 MB, built in 3.0 s, inserts +30.2 ms per 10,000 rows and +83 WAL bytes per row, updates of last_name_key +24.8 ms per 10,000 rows and +97 WAL bytes per row
--   last_name=smith&ordering=-last_name&page=1: > 50 -> 1.52 ms
--   last_name=smith&tier=bronze&ordering=last_name&cursor=after-page-20: > 50 -> 1.37 ms
--   last_name=smith&tier=bronze&ordering=-last_name&page=1: > 50 -> 1.19 ms
CREATE INDEX user_list_last_name_key_last_name_user_id_idx ON crmbench.user_list (last_name_key, last_name, user_id);

-- 12 statements faster, 410 ms p50 saved in all; 123 MB, built in 2.3 s, inserts +23.0 ms per 10,000 rows and +83 WAL bytes per row, updates of last_name_key +22.6 ms per 10,000 rows and +93 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=created&page=20: > 50 -> 1.86 ms
--   last_name=smith&ordering=-created&page=20: > 50 -> 2.72 ms
--   last_name=smith&ordering=created&cursor=after-page-20: > 50 -> 1.57 ms
CREATE INDEX user_list_last_name_key_created_user_id_idx ON crmbench.user_list (last_name_key, created, user_id);

-- 12 statements faster, 372 ms p50 saved in all; 116 MB, built in 2.6 s, inserts +50.7 ms per 10,000 rows and +80 WAL bytes per row, updates of last_name_key +61.8 ms per 10,000 rows and +137 WAL bytes per row
--   last_name=smith&ordering=relationship__points&cursor=after-page-20: > 50 -> 1.51 ms
--   last_name=smith&tier=bronze&ordering=relationship__points&page=20: > 50 -> 2.13 ms
--   last_name=smith&ordering=relationship__points&page=1: > 50 -> 1.42 ms
CREATE INDEX user_list_last_name_key_points_user_id_idx ON crmbench.user_list (last_name_key, points, user_id);

-- 12 statements faster, 394 ms p50 saved in all; 123 MB, built in 2.4 s, inserts +28.7 ms per 10,000 rows and +83 WAL bytes per row, updates of last_name_key +40.7 ms per 10,000 rows and +171 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=-relationship__lifetime_value&page=1: > 50 -> 1.19 ms
--   last_name=smith&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.52 ms
--   last_name=smith&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 2.37 ms
CREATE INDEX user_list_last_name_key_lifetime_value_key_user_id_idx ON crmbench.user_list (last_name_key, lifetime_value_key, user_id);

-- 6 statements faster, 203 ms p50 saved in all; 145 MB, built in 3.2 s, inserts +54.0 ms per 10,000 rows and +89 WAL bytes per row, updates of first_name_key +42.1 ms per 10,000 rows and +123 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=last_name&cursor=after-page-20: > 50 -> 1.17 ms
--   first_name=lamar&tier=bronze&ordering=last_name&page=20: > 50 -> 1.18 ms
--   first_name=lamar&tier=bronze&ordering=-last_name&page=1: > 50 -> 1.14 ms
CREATE INDEX user_list_first_name_key_tier_key_last_name_user_id_idx ON crmbench.user_list (first_name_key, tier_key, last_name, user_id);

-- 6 statements faster, 189 ms p50 saved in all; 144 MB, built in 3.0 s, inserts +38.7 ms per 10,000 rows and +107 WAL bytes per row, updates of first_name_key +29.0 ms per 10,000 rows and +102 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=-created&page=20: > 50 -> 1.20 ms
--   first_name=lamar&tier=bronze&ordering=created&page=1: > 50 -> 1.14 ms
--   first_name=lamar&tier=bronze&ordering=created&cursor=after-page-20: > 50 -> 1.26 ms
CREATE INDEX user_list_first_name_key_tier_key_created_user_id_idx ON crmbench.user_list (first_name_key, tier_key, created, user_id);

-- 6 statements faster, 171 ms p50 saved in all; 137 MB, built in 3.1 s, inserts +46.6 ms per 10,000 rows and +87 WAL bytes per row, updates of first_name_key +34.3 ms per 10,000 rows and +100 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=-relationship__points&page=1: > 50 -> 1.23 ms
--   first_name=lamar&tier=bronze&ordering=relationship__points&page=20: > 50 -> 1.17 ms
--   first_name=lamar&tier=bronze&ordering=-relationship__points&page=20: > 50 -> 1.17 ms
CREATE INDEX user_list_first_name_key_tier_key_points_user_id_idx ON crmbench.user_list (first_name_key, tier_key, points, user_id);

-- 6 statements faster, 158 ms p50 saved in all; 144 MB, built in 3.0 s, inserts +46.3 ms per 10,000 rows and +89 WAL bytes per row, updates of first_name_key +38.0 ms per 10,000 rows and +122 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=relationship__lifetime_value&page=1: > 50 -> 1.19 ms
--   first_name=lamar&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.29 ms
--   first_name=lamar&tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.27 ms
CREATE INDEX user_list_first_name_key_tier_key_lifetime_value_k_a663784b_idx ON crmbench.user_list (first_name_key, tier_key, lifetime_value_key, user_id);

-- 6 statements faster, 293 ms p50 saved in all; 163 MB, built in 3.4 s, inserts +48.3 ms per 10,000 rows and +102 WAL bytes per row, updates of city_key +26.2 ms per 10,000 rows and +104 WAL bytes per row
--   city=london&tier=bronze&ordering=last_name&page=20: > 50 -> 1.49 ms
--   city=london&tier=bronze&ordering=-last_name&page=20: > 50 -> 1.16 ms
--   city=london&tier=bronze&ordering=-last_name&cursor=after-page-20: > 50 -> 1.40 ms
CREATE INDEX user_list_city_key_tier_key_last_name_user_id_idx ON crmbench.user_list (city_key, tier_key, last_name, user_id);

-- 6 statements faster, 293 ms p50 saved in all; 164 MB, built in 3.0 s, inserts +37.6 ms per 10,000 rows and +113 WAL bytes per row, updates of city_key +27.5 ms per 10,000 rows and +120 WAL bytes per row
--   city=london&tier=bronze&ordering=-created&page=20: > 50 -> 1.12 ms
--   city=london&tier=bronze&ordering=-created&page=1: > 50 -> 1.07 ms
--   city=london&tier=bronze&ordering=created&page=20: > 50 -> 1.13 ms
CREATE INDEX user_list_city_key_tier_key_created_user_id_idx ON crmbench.user_list (city_key, tier_key, created, user_id);

-- 6 statements faster, 293 ms p50 saved in all; 150 MB, built in 3.2 s, inserts +42.7 ms per 10,000 rows and +91 WAL bytes per row, updates of city_key +22.7 ms per 10,000 rows and +101 WAL bytes per row
--   city=london&tier=bronze&ordering=relationship__points&page=20: > 50 -> 1.29 ms
--   city=london&tier=bronze&ordering=relationship__points&page=1: > 50 -> 1.16 ms
--   city=london&tier=bronze&ordering=-relationship__points&page=20: > 50 -> 1.38 ms
CREATE INDEX user_list_city_key_tier_key_points_user_id_idx ON crmbench.user_list (city_key, tier_key, points, user_id);

-- 6 statements faster, 292 ms p50 saved in all; 164 MB, built in 3.1 s, inserts +42.8 ms per 10,000 rows and +95 WAL bytes per row, updates of city_key +25.6 ms per 10,000 rows and +107 WAL bytes per row
--   city=london&tier=bronze&ordering=relationship__lifetime_value&page=20: > 50 -> 1.36 ms
--   city=london&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.16 ms
--   city=london&tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.21 ms
CREATE INDEX user_list_city_key_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (city_key, tier_key, lifetime_value_key, user_id);
