-- crmbench advise, run 20261203-201914 (2026-12-03T20:19:14Z), 3,000,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 1020 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 60 candidates; 7 min 52 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 182 of 1020 statements before, 904 of 1020 with these indexes built together
-- 18 indexes, 2,450 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 194 statements faster, 7,865 ms p50 saved in all; 98 MB, built in 2.3 s, inserts +30.4 ms per 10,000 rows and +91 WAL bytes per row, updates of last_name_key +17.6 ms per 10,000 rows and +79 WAL bytes per row
--   last_name=no-such-last_name&ordering=-last_name&page=20: > 50 -> 1.16 ms
--   last_name=zulauf&first_name=zoe&ordering=-last_name&page=1: > 50 -> 3.87 ms
--   last_name=zulauf&city=ziemeshire&ordering=id&page=20: > 50 -> 4.04 ms
CREATE INDEX user_list_last_name_key_user_id_idx ON crmbench.user_list (last_name_key, user_id);

-- 105 statements faster, 3,700 ms p50 saved in all; 118 MB, built in 3.4 s, inserts +50.9 ms per 10,000 rows and +82 WAL bytes per row, updates of first_name_key +22.6 ms per 10,000 rows and +97 WAL bytes per row
--   first_name=zoraida&city=zulauftown&tier=silver&ordering=-created&page=20: > 50 -> 2.37 ms
--   first_name=shona&ordering=last_name&page=1: > 50 -> 2.06 ms
--   first_name=zoraida&city=zulauftown&tier=silver&ordering=-relationship__lifetime_value&page=1: > 50 -> 2.53 ms
CREATE INDEX user_list_first_name_key_tier_key_user_id_idx ON crmbench.user_list (first_name_key, tier_key, user_id);

-- 174 statements faster, 5,168 ms p50 saved in all; 138 MB, built in 3.5 s, inserts +47.9 ms per 10,000 rows and +96 WAL bytes per row, updates of city_key +53.0 ms per 10,000 rows and +109 WAL bytes per row
--   city=no-such-city&ordering=relationship__lifetime_value&page=20: > 50 -> 1.24 ms
--   city=starkview&ordering=-relationship__points&page=20: > 50 -> 1.78 ms
--   first_name=zoraida&city=ziemeshire&ordering=created&page=20: > 50 -> 1.95 ms
CREATE INDEX user_list_city_key_tier_key_user_id_idx ON crmbench.user_list (city_key, tier_key, user_id);

-- 120 statements faster, 3,596 ms p50 saved in all; 121 MB, built in 2.9 s, inserts +43.6 ms per 10,000 rows and +82 WAL bytes per row, updates of last_name_key +76.8 ms per 10,000 rows and +128 WAL bytes per row
--   last_name=smith&first_name=clemencia&city=london&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.94 ms
--   last_name=lynch&first_name=shakira&city=new york&tier=bronze&ordering=created&page=1: > 50 -> 1.30 ms
--   last_name=smith&first_name=erwin&ordering=-relationship__points&page=1: > 50 -> 2.23 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 40 statements faster, 1,465 ms p50 saved in all; 140 MB, built in 3.3 s, inserts +61.0 ms per 10,000 rows and +88 WAL bytes per row, updates of last_name_key +80.2 ms per 10,000 rows and +143 WAL bytes per row
--   last_name=smith&city=london&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.79 ms
--   last_name=smith&city=london&ordering=last_name&page=20: > 50 -> 3.38 ms
--   last_name=smith&city=london&tier=bronze&ordering=created&page=1: > 50 -> 2.15 ms
CREATE INDEX user_list_last_name_key_city_key_user_id_idx ON crmbench.user_list (last_name_key, city_key, user_id);

-- 40 statements faster, 1,551 ms p50 saved in all; 138 MB, built in 3.0 s, inserts +47.9 ms per 10,000 rows and +79 WAL bytes per row, updates of first_name_key +54.8 ms per 10,000 rows and +130 WAL bytes per row
--   first_name=lamar&city=london&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.82 ms
--   first_name=lamar&city=london&ordering=relationship__points&page=1: > 50 -> 3.07 ms
--   first_name=lamar&city=london&ordering=id&page=1: > 50 -> 3.41 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);

-- 12 statements faster, 533 ms p50 saved in all; 123 MB, built in 3.6 s, inserts +42.4 ms per 10,000 rows and +74 WAL bytes per row, updates of last_name_key +57.9 ms per 10,000 rows and +100 WAL bytes per row
--   last_name=smith&ordering=-last_name&page=1: > 50 -> 1.68 ms
--   last_name=smith&tier=bronze&ordering=last_name&cursor=after-page-20: > 50 -> 1.52 ms
--   last_name=smith&tier=bronze&ordering=-last_name&page=1: > 50 -> 1.40 ms
CREATE INDEX user_list_last_name_key_last_name_user_id_idx ON crmbench.user_list (last_name_key, last_name, user_id);

-- 12 statements faster, 472 ms p50 saved in all; 123 MB, built in 2.8 s, inserts +46.2 ms per 10,000 rows and +82 WAL bytes per row, updates of last_name_key +38.5 ms per 10,000 rows and +108 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=created&page=20: > 50 -> 2.10 ms
--   last_name=smith&ordering=-created&page=20: > 50 -> 2.42 ms
--   last_name=smith&ordering=created&cursor=after-page-20: > 50 -> 1.93 ms
CREATE INDEX user_list_last_name_key_created_user_id_idx ON crmbench.user_list (last_name_key, created, user_id);

-- 12 statements faster, 478 ms p50 saved in all; 116 MB, built in 2.9 s, inserts +49.3 ms per 10,000 rows and +72 WAL bytes per row, updates of last_name_key +67.1 ms per 10,000 rows and +120 WAL bytes per row
--   last_name=smith&ordering=relationship__points&cursor=after-page-20: > 50 -> 1.78 ms
--   last_name=smith&tier=bronze&ordering=relationship__points&page=20: > 50 -> 2.81 ms
--   last_name=smith&ordering=relationship__points&page=1: > 50 -> 1.58 ms
CREATE INDEX user_list_last_name_key_points_user_id_idx ON crmbench.user_list (last_name_key, points, user_id);

-- 12 statements faster, 484 ms p50 saved in all; 123 MB, built in 2.8 s, inserts +45.0 ms per 10,000 rows and +82 WAL bytes per row, updates of last_name_key +55.7 ms per 10,000 rows and +138 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=-relationship__lifetime_value&page=1: > 50 -> 1.34 ms
--   last_name=smith&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.72 ms
--   last_name=smith&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 2.37 ms
CREATE INDEX user_list_last_name_key_lifetime_value_key_user_id_idx ON crmbench.user_list (last_name_key, lifetime_value_key, user_id);

-- 12 statements faster, 440 ms p50 saved in all; 145 MB, built in 4.2 s, inserts +82.2 ms per 10,000 rows and +90 WAL bytes per row, updates of first_name_key +76.0 ms per 10,000 rows and +147 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=last_name&cursor=after-page-20: > 50 -> 1.71 ms
--   first_name=lamar&ordering=last_name&cursor=after-page-20: > 50 -> 8.69 ms
--   first_name=lamar&tier=bronze&ordering=last_name&page=20: > 50 -> 1.52 ms
CREATE INDEX user_list_first_name_key_tier_key_last_name_user_id_idx ON crmbench.user_list (first_name_key, tier_key, last_name, user_id);

-- 12 statements faster, 427 ms p50 saved in all; 144 MB, built in 3.7 s, inserts +102.1 ms per 10,000 rows and +99 WAL bytes per row, updates of first_name_key +57.8 ms per 10,000 rows and +115 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=-created&page=20: > 50 -> 1.96 ms
--   first_name=lamar&tier=bronze&ordering=created&page=1: > 50 -> 1.94 ms
--   first_name=lamar&tier=bronze&ordering=created&cursor=after-page-20: > 50 -> 1.72 ms
CREATE INDEX user_list_first_name_key_tier_key_created_user_id_idx ON crmbench.user_list (first_name_key, tier_key, created, user_id);

-- 12 statements faster, 415 ms p50 saved in all; 137 MB, built in 4.1 s, inserts +59.3 ms per 10,000 rows and +87 WAL bytes per row, updates of first_name_key +48.2 ms per 10,000 rows and +108 WAL bytes per row
--   first_name=lamar&ordering=relationship__points&cursor=after-page-20: > 50 -> 7.09 ms
--   first_name=lamar&ordering=relationship__points&page=1: > 50 -> 6.92 ms
--   first_name=lamar&ordering=-relationship__points&page=20: > 50 -> 11.5 ms
CREATE INDEX user_list_first_name_key_tier_key_points_user_id_idx ON crmbench.user_list (first_name_key, tier_key, points, user_id);

-- 12 statements faster, 406 ms p50 saved in all; 144 MB, built in 4.2 s, inserts +58.4 ms per 10,000 rows and +82 WAL bytes per row, updates of first_name_key +53.3 ms per 10,000 rows and +130 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=relationship__lifetime_value&page=1: > 50 -> 2.05 ms
--   first_name=lamar&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 8.60 ms
--   first_name=lamar&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.76 ms
CREATE INDEX user_list_first_name_key_tier_key_lifetime_value_k_a663784b_idx ON crmbench.user_list (first_name_key, tier_key, lifetime_value_key, user_id);

-- 12 statements faster, 437 ms p50 saved in all; 163 MB, built in 4.2 s, inserts +77.8 ms per 10,000 rows and +87 WAL bytes per row, updates of city_key +129.6 ms per 10,000 rows and +104 WAL bytes per row
--   city=london&ordering=last_name&page=20: > 50 -> 18.7 ms
--   city=london&tier=bronze&ordering=last_name&page=20: > 50 -> 1.72 ms
--   city=london&ordering=last_name&page=1: > 50 -> 19.3 ms
CREATE INDEX user_list_city_key_tier_key_last_name_user_id_idx ON crmbench.user_list (city_key, tier_key, last_name, user_id);

-- 12 statements faster, 488 ms p50 saved in all; 164 MB, built in 4.0 s, inserts +63.1 ms per 10,000 rows and +96 WAL bytes per row, updates of city_key +49.7 ms per 10,000 rows and +120 WAL bytes per row
--   city=london&ordering=created&page=1: > 50 -> 14.6 ms
--   city=london&ordering=-created&page=1: > 50 -> 18.4 ms
--   city=london&tier=bronze&ordering=-created&page=20: > 50 -> 1.39 ms
CREATE INDEX user_list_city_key_tier_key_created_user_id_idx ON crmbench.user_list (city_key, tier_key, created, user_id);

-- 12 statements faster, 470 ms p50 saved in all; 150 MB, built in 4.0 s, inserts +58.7 ms per 10,000 rows and +75 WAL bytes per row, updates of city_key +45.5 ms per 10,000 rows and +100 WAL bytes per row
--   city=london&ordering=-relationship__points&page=20: > 50 -> 28.4 ms
--   city=london&tier=bronze&ordering=relationship__points&page=20: > 50 -> 2.03 ms
--   city=london&ordering=relationship__points&cursor=after-page-20: > 50 -> 15.2 ms
CREATE INDEX user_list_city_key_tier_key_points_user_id_idx ON crmbench.user_list (city_key, tier_key, points, user_id);

-- 12 statements faster, 479 ms p50 saved in all; 164 MB, built in 3.7 s, inserts +52.8 ms per 10,000 rows and +79 WAL bytes per row, updates of city_key +39.5 ms per 10,000 rows and +108 WAL bytes per row
--   city=london&tier=bronze&ordering=relationship__lifetime_value&page=20: > 50 -> 1.55 ms
--   city=london&ordering=relationship__lifetime_value&page=20: > 50 -> 16.1 ms
--   city=london&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.54 ms
CREATE INDEX user_list_city_key_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (city_key, tier_key, lifetime_value_key, user_id);
