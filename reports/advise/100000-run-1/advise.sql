-- crmbench advise, run 20261203-195654 (2026-12-03T19:56:54Z), 100,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 990 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 60 candidates; 2 min 37 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 242 of 990 statements before, 966 of 990 with these indexes built together
-- 20 indexes, 99 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 140 statements faster, 2,531 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +39.6 ms per 10,000 rows and +101 WAL bytes per row, updates of city_key +33.2 ms per 10,000 rows and +101 WAL bytes per row
--   city=reinaldobury&ordering=-id&page=20: 26.8 -> 1.33 ms
--   city=no-such-city&ordering=relationship__lifetime_value&page=20: 25.1 -> 1.27 ms
--   first_name=zoraida&city=yostville&ordering=-relationship__lifetime_value&page=20: 25.2 -> 1.63 ms
CREATE INDEX user_list_city_key_tier_key_user_id_idx ON crmbench.user_list (city_key, tier_key, user_id);

-- 258 statements faster, 3,712 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +48.2 ms per 10,000 rows and +75 WAL bytes per row, updates of last_name_key +40.8 ms per 10,000 rows and +82 WAL bytes per row
--   last_name=zulauf&first_name=tyra&ordering=last_name&page=20: 26.8 -> 1.32 ms
--   last_name=smith&tier=bronze&ordering=created&page=20: 15.7 -> 1.89 ms
--   last_name=schimmel&ordering=created&page=20: 25.3 -> 1.30 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 20 statements faster, 25.3 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +38.2 ms per 10,000 rows and +80 WAL bytes per row, updates of last_name_key +62.1 ms per 10,000 rows and +89 WAL bytes per row
--   last_name=smith&city=new york&ordering=-relationship__points&page=20: 25.7 -> 1.42 ms
--   last_name=smith&city=new york&ordering=last_name&page=1: 25.6 -> 1.71 ms
--   last_name=smith&city=new york&ordering=-relationship__lifetime_value&page=20: 24.9 -> 1.46 ms
CREATE INDEX user_list_last_name_key_city_key_user_id_idx ON crmbench.user_list (last_name_key, city_key, user_id);

-- 116 statements faster, 1,325 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +34.9 ms per 10,000 rows and +104 WAL bytes per row, updates of first_name_key +46.8 ms per 10,000 rows and +115 WAL bytes per row
--   first_name=clemencia&city=london&ordering=-last_name&page=20: 23.6 -> 1.40 ms
--   first_name=lamar&ordering=relationship__points&cursor=after-page-20: 47.8 -> 4.03 ms
--   first_name=hollis&city=london&tier=bronze&ordering=-id&page=1: 15.9 -> 1.23 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);

-- 6 statements faster, 134 ms p50 saved in all; 4 MB, built in 0.2 s, inserts +23.3 ms per 10,000 rows and +83 WAL bytes per row, updates of last_name +11.7 ms per 10,000 rows and +93 WAL bytes per row
--   tier=bronze&ordering=-last_name&page=1: 22.7 -> 1.42 ms
--   tier=bronze&ordering=-last_name&page=20: 24.8 -> 2.27 ms
--   tier=bronze&ordering=last_name&page=1: 22.4 -> 1.27 ms
CREATE INDEX user_list_tier_key_last_name_user_id_idx ON crmbench.user_list (tier_key, last_name, user_id);

-- 6 statements faster, 153 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +35.5 ms per 10,000 rows and +87 WAL bytes per row, updates of created +62.5 ms per 10,000 rows and +88 WAL bytes per row
--   tier=bronze&ordering=-created&cursor=after-page-20: 27.6 -> 1.82 ms
--   tier=bronze&ordering=created&page=1: 22.9 -> 1.72 ms
--   tier=bronze&ordering=created&page=20: 21.4 -> 1.92 ms
CREATE INDEX user_list_tier_key_created_user_id_idx ON crmbench.user_list (tier_key, created, user_id);

-- 6 statements faster, 125 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +27.1 ms per 10,000 rows and +81 WAL bytes per row, updates of points +21.5 ms per 10,000 rows and +85 WAL bytes per row
--   tier=bronze&ordering=-relationship__points&cursor=after-page-20: 24.5 -> 1.45 ms
--   tier=bronze&ordering=relationship__points&page=1: 22.1 -> 1.23 ms
--   tier=bronze&ordering=relationship__points&cursor=after-page-20: 22.4 -> 1.33 ms
CREATE INDEX user_list_tier_key_points_user_id_idx ON crmbench.user_list (tier_key, points, user_id);

-- 6 statements faster, 129 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +38.7 ms per 10,000 rows and +82 WAL bytes per row, updates of lifetime_value_key +61.3 ms per 10,000 rows and +86 WAL bytes per row
--   tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: 25.6 -> 1.76 ms
--   tier=bronze&ordering=relationship__lifetime_value&page=1: 21.7 -> 1.67 ms
--   tier=bronze&ordering=-relationship__lifetime_value&page=20: 25.4 -> 2.27 ms
CREATE INDEX user_list_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (tier_key, lifetime_value_key, user_id);

-- 2 statements faster, 49.4 ms p50 saved in all; 6 MB, built in 0.1 s, inserts +34.3 ms per 10,000 rows and +72 WAL bytes per row, updates of city_key +132.3 ms per 10,000 rows and +82 WAL bytes per row
--   city=london&tier=bronze&ordering=-last_name&cursor=after-page-20: 28.2 -> 2.65 ms
--   city=london&tier=bronze&ordering=last_name&cursor=after-page-20: 27.1 -> 3.18 ms
CREATE INDEX user_list_city_key_tier_key_last_name_user_id_idx ON crmbench.user_list (city_key, tier_key, last_name, user_id);

-- 2 statements faster, 52.6 ms p50 saved in all; 6 MB, built in 0.1 s, inserts +41.2 ms per 10,000 rows and +87 WAL bytes per row, updates of city_key +147.9 ms per 10,000 rows and +68 WAL bytes per row
--   city=london&tier=bronze&ordering=-created&cursor=after-page-20: 30.5 -> 3.00 ms
--   city=london&tier=bronze&ordering=created&cursor=after-page-20: 28.3 -> 3.12 ms
CREATE INDEX user_list_city_key_tier_key_created_user_id_idx ON crmbench.user_list (city_key, tier_key, created, user_id);

-- 2 statements faster, 48.3 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +42.0 ms per 10,000 rows and +68 WAL bytes per row, updates of city_key +155.4 ms per 10,000 rows and +76 WAL bytes per row
--   city=london&tier=bronze&ordering=relationship__points&cursor=after-page-20: 26.6 -> 2.89 ms
--   city=london&tier=bronze&ordering=-relationship__points&cursor=after-page-20: 27.2 -> 2.56 ms
CREATE INDEX user_list_city_key_tier_key_points_user_id_idx ON crmbench.user_list (city_key, tier_key, points, user_id);

-- 2 statements faster, 50.7 ms p50 saved in all; 6 MB, built in 0.1 s, inserts +39.6 ms per 10,000 rows and +72 WAL bytes per row, updates of city_key +163.7 ms per 10,000 rows and +72 WAL bytes per row
--   city=london&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: 27.8 -> 3.25 ms
--   city=london&tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: 29.0 -> 2.94 ms
CREATE INDEX user_list_city_key_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (city_key, tier_key, lifetime_value_key, user_id);

-- 3 statements faster, 4.63 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +33.4 ms per 10,000 rows and +66 WAL bytes per row, updates of last_name_key -74.5 ms per 10,000 rows and +88 WAL bytes per row
--   last_name=smith&ordering=relationship__lifetime_value&cursor=after-page-20: 53.4 -> 2.33 ms
--   last_name=smith&ordering=-relationship__lifetime_value&page=20: 29.4 -> 2.40 ms
--   last_name=smith&ordering=-relationship__lifetime_value&cursor=after-page-20: 53.4 -> 2.28 ms
CREATE INDEX user_list_last_name_key_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (last_name_key, tier_key, lifetime_value_key, user_id);

-- 1 statements faster, 1.04 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +23.4 ms per 10,000 rows and +82 WAL bytes per row, updates of first_name_key -89.6 ms per 10,000 rows and +73 WAL bytes per row
--   first_name=lamar&ordering=-last_name&cursor=after-page-20: 51.9 -> 2.77 ms
CREATE INDEX user_list_first_name_key_tier_key_last_name_user_id_idx ON crmbench.user_list (first_name_key, tier_key, last_name, user_id);

-- 2 statements faster, 2.51 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +31.2 ms per 10,000 rows and +85 WAL bytes per row, updates of first_name_key -102.3 ms per 10,000 rows and +77 WAL bytes per row
--   first_name=lamar&ordering=created&cursor=after-page-20: 51.3 -> 2.60 ms
--   first_name=lamar&tier=bronze&ordering=-created&page=1: 17.0 -> 1.43 ms
CREATE INDEX user_list_first_name_key_tier_key_created_user_id_idx ON crmbench.user_list (first_name_key, tier_key, created, user_id);

-- 1 statements faster, 1.27 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +32.0 ms per 10,000 rows and +81 WAL bytes per row, updates of first_name_key -102.8 ms per 10,000 rows and +71 WAL bytes per row
--   first_name=lamar&ordering=-relationship__points&cursor=after-page-20: 50.0 -> 2.58 ms
CREATE INDEX user_list_first_name_key_tier_key_points_user_id_idx ON crmbench.user_list (first_name_key, tier_key, points, user_id);

-- 1 statements faster, 1.10 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +26.4 ms per 10,000 rows and +81 WAL bytes per row, updates of first_name_key -99.8 ms per 10,000 rows and +77 WAL bytes per row
--   first_name=lamar&ordering=relationship__lifetime_value&cursor=after-page-20: 48.0 -> 3.00 ms
CREATE INDEX user_list_first_name_key_tier_key_lifetime_value_k_a663784b_idx ON crmbench.user_list (first_name_key, tier_key, lifetime_value_key, user_id);

-- 1 statements faster, 1.19 ms p50 saved in all; 6 MB, built in 0.1 s, inserts +32.5 ms per 10,000 rows and +80 WAL bytes per row, updates of last_name_key -81.0 ms per 10,000 rows and +105 WAL bytes per row
--   last_name=smith&ordering=last_name&cursor=after-page-20: 48.6 -> 2.32 ms
CREATE INDEX user_list_last_name_key_first_name_key_city_key_la_f18da16b_idx ON crmbench.user_list (last_name_key, first_name_key, city_key, last_name, user_id);

-- 2 statements faster, 2.98 ms p50 saved in all; 6 MB, built in 0.1 s, inserts +46.1 ms per 10,000 rows and +81 WAL bytes per row, updates of last_name_key -58.8 ms per 10,000 rows and +100 WAL bytes per row
--   last_name=smith&ordering=created&cursor=after-page-20: 50.6 -> 2.06 ms
--   last_name=smith&ordering=-created&cursor=after-page-20: 52.4 -> 2.28 ms
CREATE INDEX user_list_last_name_key_first_name_key_city_key_cr_34f17eff_idx ON crmbench.user_list (last_name_key, first_name_key, city_key, created, user_id);

-- 2 statements faster, 2.76 ms p50 saved in all; 6 MB, built in 0.1 s, inserts +33.5 ms per 10,000 rows and +76 WAL bytes per row, updates of last_name_key -74.9 ms per 10,000 rows and +93 WAL bytes per row
--   last_name=smith&ordering=relationship__points&cursor=after-page-20: 51.2 -> 2.17 ms
--   last_name=smith&ordering=-relationship__points&cursor=after-page-20: 51.4 -> 2.41 ms
CREATE INDEX user_list_last_name_key_first_name_key_city_key_po_570aecc8_idx ON crmbench.user_list (last_name_key, first_name_key, city_key, points, user_id);
