-- crmbench advise, run 20261203-224312 (2026-12-03T22:43:12Z), 3,000,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 1020 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 64 candidates; 5 min 29 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 194 of 1020 statements before, 986 of 1020 with these indexes built together
-- 22 indexes, 2,818 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 194 statements faster, 7,849 ms p50 saved in all; 98 MB, built in 2.2 s, inserts +24.9 ms per 10,000 rows and +106 WAL bytes per row, updates of last_name_key +16.3 ms per 10,000 rows and +119 WAL bytes per row
--   last_name=no-such-last_name&ordering=-last_name&page=20: > 50 -> 1.10 ms
--   last_name=zulauf&first_name=zoe&ordering=-last_name&page=1: > 50 -> 3.26 ms
--   last_name=zulauf&city=ziemeshire&ordering=id&page=20: > 50 -> 4.02 ms
CREATE INDEX user_list_last_name_key_user_id_idx ON crmbench.user_list (last_name_key, user_id);

-- 25 statements faster, 960 ms p50 saved in all; 98 MB, built in 2.0 s, inserts +25.6 ms per 10,000 rows and +67 WAL bytes per row, updates of last_name +21.6 ms per 10,000 rows and +69 WAL bytes per row
--   ordering=last_name&page=20: > 50 -> 2.68 ms
--   last_name=smith&tier=bronze&ordering=last_name&cursor=after-page-20: > 50 -> 1.17 ms
--   tier=bronze&ordering=-last_name&page=1: > 50 -> 1.06 ms
CREATE INDEX user_list_last_name_user_id_idx ON crmbench.user_list (last_name, user_id);

-- 38 statements faster, 1,453 ms p50 saved in all; 90 MB, built in 0.8 s, inserts +8.7 ms per 10,000 rows and +81 WAL bytes per row, updates of created +13.5 ms per 10,000 rows and +77 WAL bytes per row
--   tier=bronze&ordering=-created&cursor=after-page-20: > 50 -> 1.21 ms
--   city=london&ordering=created&page=1: > 50 -> 1.76 ms
--   city=london&ordering=-created&page=1: > 50 -> 1.80 ms
CREATE INDEX user_list_created_user_id_idx ON crmbench.user_list (created, user_id);

-- 26 statements faster, 973 ms p50 saved in all; 90 MB, built in 1.4 s, inserts +34.5 ms per 10,000 rows and +80 WAL bytes per row, updates of points +14.7 ms per 10,000 rows and +78 WAL bytes per row
--   city=london&ordering=-relationship__points&page=20: > 50 -> 30.0 ms
--   tier=diamond&ordering=-relationship__points&page=20: 9.53 -> 1.93 ms
--   ordering=relationship__points&page=1: > 50 -> 1.35 ms
CREATE INDEX user_list_points_user_id_idx ON crmbench.user_list (points, user_id);

-- 24 statements faster, 901 ms p50 saved in all; 90 MB, built in 1.3 s, inserts +36.6 ms per 10,000 rows and +79 WAL bytes per row, updates of lifetime_value_key +16.0 ms per 10,000 rows and +80 WAL bytes per row
--   tier=diamond&ordering=relationship__lifetime_value&page=1: 8.73 -> 1.01 ms
--   tier=diamond&ordering=relationship__lifetime_value&page=20: 9.32 -> 2.06 ms
--   ordering=-relationship__lifetime_value&page=20: > 50 -> 2.58 ms
CREATE INDEX user_list_lifetime_value_key_user_id_idx ON crmbench.user_list (lifetime_value_key, user_id);

-- 128 statements faster, 4,642 ms p50 saved in all; 118 MB, built in 2.8 s, inserts +38.0 ms per 10,000 rows and +82 WAL bytes per row, updates of first_name_key +26.4 ms per 10,000 rows and +89 WAL bytes per row
--   first_name=zoraida&city=zulauftown&tier=silver&ordering=-created&page=20: > 50 -> 1.77 ms
--   first_name=shona&ordering=last_name&page=1: > 50 -> 1.81 ms
--   first_name=zoraida&city=zulauftown&tier=silver&ordering=-relationship__lifetime_value&page=1: > 50 -> 1.82 ms
CREATE INDEX user_list_first_name_key_tier_key_user_id_idx ON crmbench.user_list (first_name_key, tier_key, user_id);

-- 162 statements faster, 5,208 ms p50 saved in all; 138 MB, built in 3.0 s, inserts +33.2 ms per 10,000 rows and +96 WAL bytes per row, updates of city_key +25.7 ms per 10,000 rows and +109 WAL bytes per row
--   city=no-such-city&ordering=relationship__lifetime_value&page=20: > 50 -> 0.952 ms
--   city=starkview&ordering=-relationship__points&page=20: > 50 -> 1.59 ms
--   first_name=zoraida&city=ziemeshire&ordering=created&page=20: > 50 -> 1.73 ms
CREATE INDEX user_list_city_key_tier_key_user_id_idx ON crmbench.user_list (city_key, tier_key, user_id);

-- 120 statements faster, 3,478 ms p50 saved in all; 121 MB, built in 2.5 s, inserts +41.4 ms per 10,000 rows and +83 WAL bytes per row, updates of last_name_key +47.6 ms per 10,000 rows and +168 WAL bytes per row
--   last_name=smith&first_name=clemencia&city=london&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.60 ms
--   last_name=lynch&first_name=shakira&city=new york&tier=bronze&ordering=created&page=1: > 50 -> 1.02 ms
--   last_name=smith&first_name=erwin&ordering=-relationship__points&page=1: > 50 -> 1.86 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 40 statements faster, 1,479 ms p50 saved in all; 140 MB, built in 2.6 s, inserts +39.1 ms per 10,000 rows and +95 WAL bytes per row, updates of last_name_key +45.3 ms per 10,000 rows and +157 WAL bytes per row
--   last_name=smith&city=london&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.43 ms
--   last_name=smith&city=london&ordering=last_name&page=20: > 50 -> 2.34 ms
--   last_name=smith&city=london&tier=bronze&ordering=created&page=1: > 50 -> 1.67 ms
CREATE INDEX user_list_last_name_key_city_key_user_id_idx ON crmbench.user_list (last_name_key, city_key, user_id);

-- 40 statements faster, 1,531 ms p50 saved in all; 138 MB, built in 2.4 s, inserts +41.9 ms per 10,000 rows and +79 WAL bytes per row, updates of first_name_key +33.6 ms per 10,000 rows and +130 WAL bytes per row
--   first_name=lamar&city=london&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.51 ms
--   first_name=lamar&city=london&ordering=relationship__points&page=1: > 50 -> 2.54 ms
--   first_name=lamar&city=london&ordering=id&page=1: > 50 -> 2.85 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);

-- 10 statements faster, 434 ms p50 saved in all; 123 MB, built in 3.0 s, inserts +21.7 ms per 10,000 rows and +83 WAL bytes per row, updates of last_name_key +21.6 ms per 10,000 rows and +105 WAL bytes per row
--   last_name=smith&ordering=-last_name&page=1: > 50 -> 1.40 ms
--   last_name=smith&tier=bronze&ordering=-last_name&page=1: > 50 -> 1.16 ms
--   last_name=smith&ordering=last_name&cursor=after-page-20: > 50 -> 1.45 ms
CREATE INDEX user_list_last_name_key_last_name_user_id_idx ON crmbench.user_list (last_name_key, last_name, user_id);

-- 6 statements faster, 106 ms p50 saved in all; 123 MB, built in 2.2 s, inserts +22.7 ms per 10,000 rows and +90 WAL bytes per row, updates of last_name_key +16.1 ms per 10,000 rows and +101 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=created&page=20: > 50 -> 1.80 ms
--   last_name=smith&ordering=-created&page=20: > 50 -> 2.72 ms
--   last_name=smith&ordering=created&cursor=after-page-20: > 50 -> 1.51 ms
CREATE INDEX user_list_last_name_key_created_user_id_idx ON crmbench.user_list (last_name_key, created, user_id);

-- 12 statements faster, 283 ms p50 saved in all; 116 MB, built in 2.4 s, inserts +35.1 ms per 10,000 rows and +89 WAL bytes per row, updates of last_name_key +40.9 ms per 10,000 rows and +161 WAL bytes per row
--   last_name=smith&ordering=relationship__points&cursor=after-page-20: > 50 -> 1.60 ms
--   last_name=smith&tier=bronze&ordering=relationship__points&page=20: > 50 -> 1.97 ms
--   last_name=smith&ordering=relationship__points&page=1: > 50 -> 1.58 ms
CREATE INDEX user_list_last_name_key_points_user_id_idx ON crmbench.user_list (last_name_key, points, user_id);

-- 12 statements faster, 282 ms p50 saved in all; 123 MB, built in 2.2 s, inserts +29.6 ms per 10,000 rows and +84 WAL bytes per row, updates of last_name_key +36.5 ms per 10,000 rows and +171 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=-relationship__lifetime_value&page=1: > 50 -> 1.15 ms
--   last_name=smith&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.46 ms
--   last_name=smith&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 50 -> 2.10 ms
CREATE INDEX user_list_last_name_key_lifetime_value_key_user_id_idx ON crmbench.user_list (last_name_key, lifetime_value_key, user_id);

-- 6 statements faster, 144 ms p50 saved in all; 145 MB, built in 3.1 s, inserts +46.3 ms per 10,000 rows and +82 WAL bytes per row, updates of first_name_key +36.8 ms per 10,000 rows and +115 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=last_name&cursor=after-page-20: > 50 -> 1.22 ms
--   first_name=lamar&tier=bronze&ordering=last_name&page=20: > 50 -> 1.23 ms
--   first_name=lamar&tier=bronze&ordering=-last_name&page=1: > 50 -> 1.21 ms
CREATE INDEX user_list_first_name_key_tier_key_last_name_user_id_idx ON crmbench.user_list (first_name_key, tier_key, last_name, user_id);

-- 6 statements faster, 49.7 ms p50 saved in all; 144 MB, built in 2.8 s, inserts +33.2 ms per 10,000 rows and +99 WAL bytes per row, updates of first_name_key +27.2 ms per 10,000 rows and +83 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=-created&page=20: > 50 -> 1.19 ms
--   first_name=lamar&tier=bronze&ordering=created&page=1: > 50 -> 1.05 ms
--   first_name=lamar&tier=bronze&ordering=created&cursor=after-page-20: > 50 -> 1.23 ms
CREATE INDEX user_list_first_name_key_tier_key_created_user_id_idx ON crmbench.user_list (first_name_key, tier_key, created, user_id);

-- 6 statements faster, 142 ms p50 saved in all; 137 MB, built in 3.0 s, inserts +34.9 ms per 10,000 rows and +87 WAL bytes per row, updates of first_name_key +31.1 ms per 10,000 rows and +93 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=-relationship__points&page=1: > 50 -> 1.29 ms
--   first_name=lamar&tier=bronze&ordering=relationship__points&page=20: > 50 -> 1.44 ms
--   first_name=lamar&tier=bronze&ordering=-relationship__points&page=20: > 50 -> 1.19 ms
CREATE INDEX user_list_first_name_key_tier_key_points_user_id_idx ON crmbench.user_list (first_name_key, tier_key, points, user_id);

-- 6 statements faster, 139 ms p50 saved in all; 144 MB, built in 2.8 s, inserts +40.1 ms per 10,000 rows and +89 WAL bytes per row, updates of first_name_key +33.3 ms per 10,000 rows and +106 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=relationship__lifetime_value&page=1: > 50 -> 1.30 ms
--   first_name=lamar&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.14 ms
--   first_name=lamar&tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.17 ms
CREATE INDEX user_list_first_name_key_tier_key_lifetime_value_k_a663784b_idx ON crmbench.user_list (first_name_key, tier_key, lifetime_value_key, user_id);

-- 4 statements faster, 148 ms p50 saved in all; 163 MB, built in 3.2 s, inserts +47.4 ms per 10,000 rows and +102 WAL bytes per row, updates of city_key +24.7 ms per 10,000 rows and +104 WAL bytes per row
--   city=london&tier=bronze&ordering=last_name&page=20: > 50 -> 1.14 ms
--   city=london&tier=bronze&ordering=-last_name&page=20: > 50 -> 1.24 ms
--   city=london&tier=bronze&ordering=-last_name&cursor=after-page-20: > 50 -> 1.15 ms
CREATE INDEX user_list_city_key_tier_key_last_name_user_id_idx ON crmbench.user_list (city_key, tier_key, last_name, user_id);

-- 2 statements faster, 18.7 ms p50 saved in all; 164 MB, built in 3.0 s, inserts +37.5 ms per 10,000 rows and +105 WAL bytes per row, updates of city_key +27.4 ms per 10,000 rows and +120 WAL bytes per row
--   city=london&tier=bronze&ordering=-created&page=20: > 50 -> 1.13 ms
--   city=london&tier=bronze&ordering=created&page=20: > 50 -> 1.12 ms
CREATE INDEX user_list_city_key_tier_key_created_user_id_idx ON crmbench.user_list (city_key, tier_key, created, user_id);

-- 4 statements faster, 149 ms p50 saved in all; 150 MB, built in 3.0 s, inserts +45.0 ms per 10,000 rows and +84 WAL bytes per row, updates of city_key +25.1 ms per 10,000 rows and +101 WAL bytes per row
--   city=london&tier=bronze&ordering=relationship__points&page=20: > 50 -> 1.19 ms
--   city=london&tier=bronze&ordering=-relationship__points&page=20: > 50 -> 1.25 ms
--   city=london&tier=bronze&ordering=relationship__points&cursor=after-page-20: > 50 -> 1.15 ms
CREATE INDEX user_list_city_key_tier_key_points_user_id_idx ON crmbench.user_list (city_key, tier_key, points, user_id);

-- 4 statements faster, 195 ms p50 saved in all; 164 MB, built in 3.0 s, inserts +37.6 ms per 10,000 rows and +87 WAL bytes per row, updates of city_key +23.6 ms per 10,000 rows and +107 WAL bytes per row
--   city=london&tier=bronze&ordering=relationship__lifetime_value&page=20: > 50 -> 1.17 ms
--   city=london&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.28 ms
--   city=london&tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.15 ms
CREATE INDEX user_list_city_key_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (city_key, tier_key, lifetime_value_key, user_id);
