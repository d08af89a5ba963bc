-- crmbench advise, run 20261203-221641 (2026-12-03T22:16:41Z), 3,000,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 1020 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 60 candidates; 3 min 46 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 188 of 1020 statements before, 933 of 1020 with these indexes built together
-- 18 indexes, 2,450 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 194 statements faster, 7,821 ms p50 saved in all; 98 MB, built in 2.1 s, inserts +32.3 ms per 10,000 rows and +91 WAL bytes per row, updates of last_name_key +20.1 ms per 10,000 rows and +79 WAL bytes per row
--   last_name=no-such-last_name&ordering=-last_name&page=20: > 50 -> 1.07 ms
--   last_name=zulauf&first_name=zoe&ordering=-last_name&page=1: > 50 -> 3.68 ms
--   last_name=zulauf&city=ziemeshire&ordering=id&page=20: > 50 -> 3.57 ms
CREATE INDEX user_list_last_name_key_user_id_idx ON crmbench.user_list (last_name_key, user_id);

-- 108 statements faster, 3,658 ms p50 saved in all; 118 MB, built in 2.9 s, inserts +41.5 ms per 10,000 rows and +82 WAL bytes per row, updates of first_name_key +40.1 ms per 10,000 rows and +97 WAL bytes per row
--   first_name=zoraida&city=zulauftown&tier=silver&ordering=-created&page=20: > 50 -> 2.27 ms
--   first_name=shona&ordering=last_name&page=1: > 50 -> 2.02 ms
--   last_name=smith&first_name=isaias&ordering=-last_name&page=20: > 50 -> 1.57 ms
CREATE INDEX user_list_first_name_key_tier_key_user_id_idx ON crmbench.user_list (first_name_key, tier_key, user_id);

-- 180 statements faster, 5,234 ms p50 saved in all; 138 MB, built in 3.2 s, inserts +41.9 ms per 10,000 rows and +96 WAL bytes per row, updates of city_key +31.6 ms per 10,000 rows and +109 WAL bytes per row
--   city=no-such-city&ordering=relationship__lifetime_value&page=20: > 50 -> 0.961 ms
--   city=starkview&ordering=-relationship__points&page=20: > 50 -> 1.57 ms
--   first_name=zoraida&city=ziemeshire&ordering=created&page=20: > 50 -> 2.73 ms
CREATE INDEX user_list_city_key_tier_key_user_id_idx ON crmbench.user_list (city_key, tier_key, user_id);

-- 120 statements faster, 3,718 ms p50 saved in all; 121 MB, built in 2.8 s, inserts +57.8 ms per 10,000 rows and +82 WAL bytes per row, updates of last_name_key +52.1 ms per 10,000 rows and +128 WAL bytes per row
--   last_name=smith&first_name=clemencia&city=london&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.64 ms
--   last_name=lynch&first_name=shakira&city=new york&tier=bronze&ordering=created&page=1: > 50 -> 1.01 ms
--   last_name=smith&first_name=erwin&ordering=-relationship__points&page=1: > 50 -> 2.19 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 40 statements faster, 1,483 ms p50 saved in all; 140 MB, built in 2.7 s, inserts +52.9 ms per 10,000 rows and +88 WAL bytes per row, updates of last_name_key +50.2 ms per 10,000 rows and +143 WAL bytes per row
--   last_name=smith&city=london&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.54 ms
--   last_name=smith&city=london&ordering=last_name&page=20: > 50 -> 2.40 ms
--   last_name=smith&city=london&tier=bronze&ordering=created&page=1: > 50 -> 1.74 ms
CREATE INDEX user_list_last_name_key_city_key_user_id_idx ON crmbench.user_list (last_name_key, city_key, user_id);

-- 40 statements faster, 1,536 ms p50 saved in all; 138 MB, built in 2.5 s, inserts +45.8 ms per 10,000 rows and +79 WAL bytes per row, updates of first_name_key +33.8 ms per 10,000 rows and +130 WAL bytes per row
--   first_name=lamar&city=london&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.41 ms
--   first_name=lamar&city=london&ordering=relationship__points&page=1: > 50 -> 2.66 ms
--   first_name=lamar&city=london&ordering=id&page=1: > 50 -> 3.03 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);

-- 12 statements faster, 499 ms p50 saved in all; 123 MB, built in 3.0 s, inserts +36.3 ms per 10,000 rows and +74 WAL bytes per row, updates of last_name_key +27.9 ms per 10,000 rows and +100 WAL bytes per row
--   last_name=smith&ordering=-last_name&page=1: > 50 -> 1.45 ms
--   last_name=smith&tier=bronze&ordering=last_name&cursor=after-page-20: > 50 -> 1.19 ms
--   last_name=smith&tier=bronze&ordering=-last_name&page=1: > 50 -> 1.21 ms
CREATE INDEX user_list_last_name_key_last_name_user_id_idx ON crmbench.user_list (last_name_key, last_name, user_id);

-- 12 statements faster, 463 ms p50 saved in all; 123 MB, built in 2.4 s, inserts +33.7 ms per 10,000 rows and +82 WAL bytes per row, updates of last_name_key +21.8 ms per 10,000 rows and +108 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=created&page=20: > 50 -> 2.07 ms
--   last_name=smith&ordering=-created&page=20: > 50 -> 2.84 ms
--   last_name=smith&ordering=created&cursor=after-page-20: > 50 -> 1.69 ms
CREATE INDEX user_list_last_name_key_created_user_id_idx ON crmbench.user_list (last_name_key, created, user_id);

-- 12 statements faster, 469 ms p50 saved in all; 116 MB, built in 2.5 s, inserts +37.5 ms per 10,000 rows and +72 WAL bytes per row, updates of last_name_key +41.8 ms per 10,000 rows and +120 WAL bytes per row
--   last_name=smith&ordering=relationship__points&cursor=after-page-20: > 50 -> 1.49 ms
--   last_name=smith&tier=bronze&ordering=relationship__points&page=20: > 50 -> 2.21 ms
--   last_name=smith&ordering=relationship__points&page=1: > 50 -> 1.62 ms
CREATE INDEX user_list_last_name_key_points_user_id_idx ON crmbench.user_list (last_name_key, points, user_id);

-- 12 statements faster, 462 ms p50 saved in all; 123 MB, built in 2.4 s, inserts +49.8 ms per 10,000 rows and +82 WAL bytes per row, updates of last_name_key +37.7 ms per 10,000 rows and +138 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=-relationship__lifetime_value&page=1: > 50 -> 1.43 ms
--   last_name=smith&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.68 ms
--   last_name=smith&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 3.03 ms
CREATE INDEX user_list_last_name_key_lifetime_value_key_user_id_idx ON crmbench.user_list (last_name_key, lifetime_value_key, user_id);

-- 6 statements faster, 195 ms p50 saved in all; 145 MB, built in 3.6 s, inserts +57.9 ms per 10,000 rows and +97 WAL bytes per row, updates of first_name_key +50.4 ms per 10,000 rows and +123 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=last_name&cursor=after-page-20: > 50 -> 1.21 ms
--   first_name=lamar&tier=bronze&ordering=last_name&page=20: > 50 -> 1.28 ms
--   first_name=lamar&tier=bronze&ordering=-last_name&page=1: > 50 -> 1.15 ms
CREATE INDEX user_list_first_name_key_tier_key_last_name_user_id_idx ON crmbench.user_list (first_name_key, tier_key, last_name, user_id);

-- 6 statements faster, 189 ms p50 saved in all; 144 MB, built in 3.0 s, inserts +42.3 ms per 10,000 rows and +99 WAL bytes per row, updates of first_name_key +27.5 ms per 10,000 rows and +109 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=-created&page=20: > 50 -> 1.13 ms
--   first_name=lamar&tier=bronze&ordering=created&page=1: > 50 -> 1.03 ms
--   first_name=lamar&tier=bronze&ordering=created&cursor=after-page-20: > 50 -> 1.13 ms
CREATE INDEX user_list_first_name_key_tier_key_created_user_id_idx ON crmbench.user_list (first_name_key, tier_key, created, user_id);

-- 6 statements faster, 187 ms p50 saved in all; 137 MB, built in 3.1 s, inserts +47.4 ms per 10,000 rows and +95 WAL bytes per row, updates of first_name_key +33.4 ms per 10,000 rows and +100 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=-relationship__points&page=1: > 50 -> 1.10 ms
--   first_name=lamar&tier=bronze&ordering=relationship__points&page=20: > 50 -> 1.33 ms
--   first_name=lamar&tier=bronze&ordering=-relationship__points&page=20: > 50 -> 1.27 ms
CREATE INDEX user_list_first_name_key_tier_key_points_user_id_idx ON crmbench.user_list (first_name_key, tier_key, points, user_id);

-- 6 statements faster, 188 ms p50 saved in all; 144 MB, built in 3.1 s, inserts +47.9 ms per 10,000 rows and +97 WAL bytes per row, updates of first_name_key +52.9 ms per 10,000 rows and +122 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=relationship__lifetime_value&page=1: > 50 -> 1.13 ms
--   first_name=lamar&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.27 ms
--   first_name=lamar&tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.24 ms
CREATE INDEX user_list_first_name_key_tier_key_lifetime_value_k_a663784b_idx ON crmbench.user_list (first_name_key, tier_key, lifetime_value_key, user_id);

-- 6 statements faster, 293 ms p50 saved in all; 163 MB, built in 3.5 s, inserts +55.5 ms per 10,000 rows and +94 WAL bytes per row, updates of city_key +24.7 ms per 10,000 rows and +104 WAL bytes per row
--   city=london&tier=bronze&ordering=last_name&page=20: > 50 -> 1.32 ms
--   city=london&tier=bronze&ordering=-last_name&page=20: > 50 -> 1.29 ms
--   city=london&tier=bronze&ordering=-last_name&cursor=after-page-20: > 50 -> 1.16 ms
CREATE INDEX user_list_city_key_tier_key_last_name_user_id_idx ON crmbench.user_list (city_key, tier_key, last_name, user_id);

-- 6 statements faster, 293 ms p50 saved in all; 164 MB, built in 3.1 s, inserts +45.8 ms per 10,000 rows and +96 WAL bytes per row, updates of city_key +18.9 ms per 10,000 rows and +120 WAL bytes per row
--   city=london&tier=bronze&ordering=-created&page=20: > 50 -> 1.13 ms
--   city=london&tier=bronze&ordering=-created&page=1: > 50 -> 1.01 ms
--   city=london&tier=bronze&ordering=created&page=20: > 50 -> 1.14 ms
CREATE INDEX user_list_city_key_tier_key_created_user_id_idx ON crmbench.user_list (city_key, tier_key, created, user_id);

-- 6 statements faster, 293 ms p50 saved in all; 150 MB, built in 3.2 s, inserts +43.0 ms per 10,000 rows and +75 WAL bytes per row, updates of city_key +21.3 ms per 10,000 rows and +100 WAL bytes per row
--   city=london&tier=bronze&ordering=relationship__points&page=20: > 50 -> 1.30 ms
--   city=london&tier=bronze&ordering=relationship__points&page=1: > 50 -> 1.18 ms
--   city=london&tier=bronze&ordering=-relationship__points&page=20: > 50 -> 1.29 ms
CREATE INDEX user_list_city_key_tier_key_points_user_id_idx ON crmbench.user_list (city_key, tier_key, points, user_id);

-- 6 statements faster, 293 ms p50 saved in all; 164 MB, built in 3.1 s, inserts +48.0 ms per 10,000 rows and +78 WAL bytes per row, updates of city_key +22.2 ms per 10,000 rows and +107 WAL bytes per row
--   city=london&tier=bronze&ordering=relationship__lifetime_value&page=20: > 50 -> 1.20 ms
--   city=london&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.32 ms
--   city=london&tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.28 ms
CREATE INDEX user_list_city_key_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (city_key, tier_key, lifetime_value_key, user_id);
