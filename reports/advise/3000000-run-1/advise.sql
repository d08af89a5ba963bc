-- crmbench advise, run 20261203-223654 (2026-12-03T22:36:54Z), 3,000,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 1020 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 64 candidates; 5 min 26 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 192 of 1020 statements before, 985 of 1020 with these indexes built together
-- 22 indexes, 2,818 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 194 statements faster, 7,839 ms p50 saved in all; 98 MB, built in 2.2 s, inserts +25.3 ms per 10,000 rows and +91 WAL bytes per row, updates of last_name_key +17.5 ms per 10,000 rows and +79 WAL bytes per row
--   last_name=no-such-last_name&ordering=-last_name&page=20: > 50 -> 1.21 ms
--   last_name=zulauf&first_name=zoe&ordering=-last_name&page=1: > 50 -> 3.23 ms
--   last_name=zulauf&city=ziemeshire&ordering=id&page=20: > 50 -> 3.45 ms
CREATE INDEX user_list_last_name_key_user_id_idx ON crmbench.user_list (last_name_key, user_id);

-- 25 statements faster, 974 ms p50 saved in all; 98 MB, built in 2.0 s, inserts +37.2 ms per 10,000 rows and +59 WAL bytes per row, updates of last_name +23.2 ms per 10,000 rows and +69 WAL bytes per row
--   ordering=last_name&page=20: > 50 -> 2.82 ms
--   last_name=smith&tier=bronze&ordering=last_name&cursor=after-page-20: > 50 -> 1.15 ms
--   tier=bronze&ordering=-last_name&page=1: > 50 -> 1.08 ms
CREATE INDEX user_list_last_name_user_id_idx ON crmbench.user_list (last_name, user_id);

-- 38 statements faster, 1,455 ms p50 saved in all; 90 MB, built in 0.8 s, inserts +12.8 ms per 10,000 rows and +81 WAL bytes per row, updates of created +15.8 ms per 10,000 rows and +78 WAL bytes per row
--   tier=bronze&ordering=-created&cursor=after-page-20: > 50 -> 1.08 ms
--   city=london&ordering=created&page=1: > 50 -> 1.81 ms
--   city=london&ordering=-created&page=1: > 50 -> 1.82 ms
CREATE INDEX user_list_created_user_id_idx ON crmbench.user_list (created, user_id);

-- 26 statements faster, 972 ms p50 saved in all; 90 MB, built in 1.4 s, inserts +33.8 ms per 10,000 rows and +80 WAL bytes per row, updates of points +17.3 ms per 10,000 rows and +94 WAL bytes per row
--   city=london&ordering=-relationship__points&page=20: > 50 -> 33.7 ms
--   tier=diamond&ordering=-relationship__points&page=20: 11.4 -> 2.03 ms
--   ordering=relationship__points&page=1: > 50 -> 1.43 ms
CREATE INDEX user_list_points_user_id_idx ON crmbench.user_list (points, user_id);

-- 24 statements faster, 905 ms p50 saved in all; 90 MB, built in 1.3 s, inserts +25.1 ms per 10,000 rows and +79 WAL bytes per row, updates of lifetime_value_key +17.4 ms per 10,000 rows and +91 WAL bytes per row
--   tier=diamond&ordering=relationship__lifetime_value&page=1: 9.32 -> 1.11 ms
--   tier=diamond&ordering=relationship__lifetime_value&page=20: 10.7 -> 1.72 ms
--   ordering=-relationship__lifetime_value&page=20: > 50 -> 2.78 ms
CREATE INDEX user_list_lifetime_value_key_user_id_idx ON crmbench.user_list (lifetime_value_key, user_id);

-- 128 statements faster, 4,588 ms p50 saved in all; 118 MB, built in 2.8 s, inserts +35.8 ms per 10,000 rows and +74 WAL bytes per row, updates of first_name_key +26.3 ms per 10,000 rows and +89 WAL bytes per row
--   first_name=zoraida&city=zulauftown&tier=silver&ordering=-created&page=20: > 50 -> 1.71 ms
--   first_name=shona&ordering=last_name&page=1: > 50 -> 1.80 ms
--   first_name=zoraida&city=zulauftown&tier=silver&ordering=-relationship__lifetime_value&page=1: > 50 -> 1.72 ms
CREATE INDEX user_list_first_name_key_tier_key_user_id_idx ON crmbench.user_list (first_name_key, tier_key, user_id);

-- 162 statements faster, 5,148 ms p50 saved in all; 138 MB, built in 3.0 s, inserts +27.6 ms per 10,000 rows and +96 WAL bytes per row, updates of city_key +22.7 ms per 10,000 rows and +109 WAL bytes per row
--   city=no-such-city&ordering=relationship__lifetime_value&page=20: > 50 -> 0.978 ms
--   city=starkview&ordering=-relationship__points&page=20: > 50 -> 1.54 ms
--   first_name=zoraida&city=ziemeshire&ordering=created&page=20: > 50 -> 1.73 ms
CREATE INDEX user_list_city_key_tier_key_user_id_idx ON crmbench.user_list (city_key, tier_key, user_id);

-- 120 statements faster, 3,444 ms p50 saved in all; 121 MB, built in 2.6 s, inserts +36.5 ms per 10,000 rows and +66 WAL bytes per row, updates of last_name_key +40.6 ms per 10,000 rows and +136 WAL bytes per row
--   last_name=smith&first_name=clemencia&city=london&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.50 ms
--   last_name=lynch&first_name=shakira&city=new york&tier=bronze&ordering=created&page=1: > 50 -> 0.997 ms
--   last_name=smith&first_name=erwin&ordering=-relationship__points&page=1: > 50 -> 1.87 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 40 statements faster, 1,449 ms p50 saved in all; 140 MB, built in 2.6 s, inserts +36.0 ms per 10,000 rows and +79 WAL bytes per row, updates of last_name_key +42.1 ms per 10,000 rows and +124 WAL bytes per row
--   last_name=smith&city=london&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.51 ms
--   last_name=smith&city=london&ordering=last_name&page=20: > 50 -> 2.33 ms
--   last_name=smith&city=london&tier=bronze&ordering=created&page=1: > 50 -> 1.68 ms
CREATE INDEX user_list_last_name_key_city_key_user_id_idx ON crmbench.user_list (last_name_key, city_key, user_id);

-- 40 statements faster, 1,502 ms p50 saved in all; 138 MB, built in 2.4 s, inserts +39.1 ms per 10,000 rows and +79 WAL bytes per row, updates of first_name_key +33.8 ms per 10,000 rows and +146 WAL bytes per row
--   first_name=lamar&city=london&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.46 ms
--   first_name=lamar&city=london&ordering=relationship__points&page=1: > 50 -> 2.50 ms
--   first_name=lamar&city=london&ordering=id&page=1: > 50 -> 2.57 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);

-- 10 statements faster, 427 ms p50 saved in all; 123 MB, built in 3.0 s, inserts +25.6 ms per 10,000 rows and +67 WAL bytes per row, updates of last_name_key +20.2 ms per 10,000 rows and +73 WAL bytes per row
--   last_name=smith&ordering=-last_name&page=1: > 50 -> 1.35 ms
--   last_name=smith&tier=bronze&ordering=-last_name&page=1: > 50 -> 1.13 ms
--   last_name=smith&ordering=last_name&cursor=after-page-20: > 50 -> 1.46 ms
CREATE INDEX user_list_last_name_key_last_name_user_id_idx ON crmbench.user_list (last_name_key, last_name, user_id);

-- 6 statements faster, 108 ms p50 saved in all; 123 MB, built in 2.4 s, inserts +34.2 ms per 10,000 rows and +74 WAL bytes per row, updates of last_name_key +17.7 ms per 10,000 rows and +69 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=created&page=20: > 50 -> 2.02 ms
--   last_name=smith&ordering=-created&page=20: > 50 -> 2.33 ms
--   last_name=smith&ordering=created&cursor=after-page-20: > 50 -> 1.51 ms
CREATE INDEX user_list_last_name_key_created_user_id_idx ON crmbench.user_list (last_name_key, created, user_id);

-- 12 statements faster, 277 ms p50 saved in all; 116 MB, built in 2.4 s, inserts +34.3 ms per 10,000 rows and +73 WAL bytes per row, updates of last_name_key +38.4 ms per 10,000 rows and +120 WAL bytes per row
--   last_name=smith&ordering=relationship__points&cursor=after-page-20: > 50 -> 1.42 ms
--   last_name=smith&tier=bronze&ordering=relationship__points&page=20: > 50 -> 2.16 ms
--   last_name=smith&ordering=relationship__points&page=1: > 50 -> 1.53 ms
CREATE INDEX user_list_last_name_key_points_user_id_idx ON crmbench.user_list (last_name_key, points, user_id);

-- 12 statements faster, 279 ms p50 saved in all; 123 MB, built in 2.3 s, inserts +40.3 ms per 10,000 rows and +68 WAL bytes per row, updates of last_name_key +39.2 ms per 10,000 rows and +138 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=-relationship__lifetime_value&page=1: > 50 -> 1.30 ms
--   last_name=smith&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.55 ms
--   last_name=smith&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 2.35 ms
CREATE INDEX user_list_last_name_key_lifetime_value_key_user_id_idx ON crmbench.user_list (last_name_key, lifetime_value_key, user_id);

-- 6 statements faster, 139 ms p50 saved in all; 145 MB, built in 3.2 s, inserts +46.6 ms per 10,000 rows and +81 WAL bytes per row, updates of first_name_key +37.4 ms per 10,000 rows and +115 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=last_name&cursor=after-page-20: > 50 -> 1.22 ms
--   first_name=lamar&tier=bronze&ordering=last_name&page=20: > 50 -> 1.23 ms
--   first_name=lamar&tier=bronze&ordering=-last_name&page=1: > 50 -> 1.28 ms
CREATE INDEX user_list_first_name_key_tier_key_last_name_user_id_idx ON crmbench.user_list (first_name_key, tier_key, last_name, user_id);

-- 6 statements faster, 49.8 ms p50 saved in all; 144 MB, built in 3.0 s, inserts +39.4 ms per 10,000 rows and +107 WAL bytes per row, updates of first_name_key +30.5 ms per 10,000 rows and +91 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=-created&page=20: > 50 -> 1.23 ms
--   first_name=lamar&tier=bronze&ordering=created&page=1: > 50 -> 1.36 ms
--   first_name=lamar&tier=bronze&ordering=created&cursor=after-page-20: > 50 -> 1.24 ms
CREATE INDEX user_list_first_name_key_tier_key_created_user_id_idx ON crmbench.user_list (first_name_key, tier_key, created, user_id);

-- 6 statements faster, 129 ms p50 saved in all; 137 MB, built in 3.1 s, inserts +40.5 ms per 10,000 rows and +87 WAL bytes per row, updates of first_name_key +30.5 ms per 10,000 rows and +92 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=-relationship__points&page=1: > 50 -> 1.31 ms
--   first_name=lamar&tier=bronze&ordering=relationship__points&page=20: > 50 -> 1.26 ms
--   first_name=lamar&tier=bronze&ordering=-relationship__points&page=20: > 50 -> 1.32 ms
CREATE INDEX user_list_first_name_key_tier_key_points_user_id_idx ON crmbench.user_list (first_name_key, tier_key, points, user_id);

-- 6 statements faster, 134 ms p50 saved in all; 144 MB, built in 2.9 s, inserts +43.9 ms per 10,000 rows and +89 WAL bytes per row, updates of first_name_key +36.6 ms per 10,000 rows and +114 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=relationship__lifetime_value&page=1: > 50 -> 1.09 ms
--   first_name=lamar&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.22 ms
--   first_name=lamar&tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.14 ms
CREATE INDEX user_list_first_name_key_tier_key_lifetime_value_k_a663784b_idx ON crmbench.user_list (first_name_key, tier_key, lifetime_value_key, user_id);

-- 4 statements faster, 102 ms p50 saved in all; 163 MB, built in 3.3 s, inserts +40.8 ms per 10,000 rows and +102 WAL bytes per row, updates of city_key +28.7 ms per 10,000 rows and +105 WAL bytes per row
--   city=london&tier=bronze&ordering=last_name&page=20: > 50 -> 1.14 ms
--   city=london&tier=bronze&ordering=-last_name&page=20: > 50 -> 1.30 ms
--   city=london&tier=bronze&ordering=-last_name&cursor=after-page-20: > 50 -> 1.16 ms
CREATE INDEX user_list_city_key_tier_key_last_name_user_id_idx ON crmbench.user_list (city_key, tier_key, last_name, user_id);

-- 2 statements faster, 18.3 ms p50 saved in all; 164 MB, built in 2.9 s, inserts +30.2 ms per 10,000 rows and +105 WAL bytes per row, updates of city_key +28.2 ms per 10,000 rows and +120 WAL bytes per row
--   city=london&tier=bronze&ordering=-created&page=20: > 50 -> 1.11 ms
--   city=london&tier=bronze&ordering=created&page=20: > 50 -> 1.20 ms
CREATE INDEX user_list_city_key_tier_key_created_user_id_idx ON crmbench.user_list (city_key, tier_key, created, user_id);

-- 4 statements faster, 149 ms p50 saved in all; 150 MB, built in 3.2 s, inserts +41.2 ms per 10,000 rows and +83 WAL bytes per row, updates of city_key +25.8 ms per 10,000 rows and +101 WAL bytes per row
--   city=london&tier=bronze&ordering=relationship__points&page=20: > 50 -> 1.20 ms
--   city=london&tier=bronze&ordering=-relationship__points&page=20: > 50 -> 1.26 ms
--   city=london&tier=bronze&ordering=relationship__points&cursor=after-page-20: > 50 -> 1.17 ms
CREATE INDEX user_list_city_key_tier_key_points_user_id_idx ON crmbench.user_list (city_key, tier_key, points, user_id);

-- 4 statements faster, 195 ms p50 saved in all; 164 MB, built in 3.0 s, inserts +41.8 ms per 10,000 rows and +88 WAL bytes per row, updates of city_key +23.9 ms per 10,000 rows and +107 WAL bytes per row
--   city=london&tier=bronze&ordering=relationship__lifetime_value&page=20: > 50 -> 1.27 ms
--   city=london&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.09 ms
--   city=london&tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.17 ms
CREATE INDEX user_list_city_key_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (city_key, tier_key, lifetime_value_key, user_id);
