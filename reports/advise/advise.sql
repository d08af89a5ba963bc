-- crmbench advise, run 20261202-014028 (2026-12-02T01:40:28Z), 3,000,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 460 statements
-- measured: 5 executions after 1 warm-up per statement and state; cap 200 ms; 34 candidates; 10 min 21 s
-- p50 <= 10 ms: 30 of 460 statements before, 460 of 460 with these indexes built together
-- 29 indexes, 3,494 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 26 statements faster, 4,122 ms p50 saved in all; 92 MB, built in 4.3 s, -4.3 ms per 10,000 inserted rows
--   tier=diamond&ordering=id&page=1: 4.77 -> 1.36 ms
--   tier=no-such-tier&ordering=-last_name&page=20: > 200 -> 1.19 ms
--   tier=no-such-tier&ordering=-id&page=20: > 200 -> 2.51 ms
CREATE INDEX user_list_tier_key_user_id_idx ON crmbench.user_list (tier_key, user_id);

-- 16 statements faster, 1,808 ms p50 saved in all; 97 MB, built in 4.0 s, +74.4 ms per 10,000 inserted rows
--   last_name=no-such-last_name&ordering=-last_name&page=20: > 200 -> 0.498 ms
--   last_name=no-such-last_name&ordering=-last_name&page=1: > 200 -> 0.261 ms
--   last_name=no-such-last_name&ordering=-created&page=1: > 200 -> 0.251 ms
CREATE INDEX user_list_last_name_key_user_id_idx ON crmbench.user_list (last_name_key, user_id);

-- 19 statements faster, 1,722 ms p50 saved in all; 94 MB, built in 4.2 s, +60.0 ms per 10,000 inserted rows
--   first_name=shona&ordering=last_name&page=1: > 200 -> 1.06 ms
--   first_name=lamar&ordering=-id&page=1: 3.55 -> 0.880 ms
--   first_name=shona&ordering=-created&page=20: > 200 -> 2.44 ms
CREATE INDEX user_list_first_name_key_user_id_idx ON crmbench.user_list (first_name_key, user_id);

-- 13 statements faster, 1,645 ms p50 saved in all; 115 MB, built in 4.9 s, +54.6 ms per 10,000 inserted rows
--   city=no-such-city&ordering=-created&page=20: > 200 -> 1.40 ms
--   city=no-such-city&ordering=relationship__points&page=1: > 200 -> 1.07 ms
--   city=no-such-city&ordering=relationship__lifetime_value&page=20: > 200 -> 0.926 ms
CREATE INDEX user_list_city_key_user_id_idx ON crmbench.user_list (city_key, user_id);

-- 9 statements faster, 1,588 ms p50 saved in all; 97 MB, built in 4.2 s, +14.2 ms per 10,000 inserted rows
--   last_name=smith&ordering=-last_name&cursor=after-page-20: > 200 -> 1.69 ms
--   ordering=last_name&page=20: > 200 -> 2.50 ms
--   tier=bronze&ordering=last_name&page=1: > 200 -> 1.28 ms
CREATE INDEX user_list_last_name_user_id_idx ON crmbench.user_list (last_name, user_id);

-- 8 statements faster, 1,591 ms p50 saved in all; 90 MB, built in 1.7 s, -5.9 ms per 10,000 inserted rows
--   tier=bronze&ordering=-created&cursor=after-page-20: > 200 -> 1.20 ms
--   city=london&ordering=created&page=1: > 200 -> 2.77 ms
--   tier=bronze&ordering=-created&page=1: > 200 -> 0.904 ms
CREATE INDEX user_list_created_user_id_idx ON crmbench.user_list (created, user_id);

-- 7 statements faster, 1,389 ms p50 saved in all; 90 MB, built in 3.2 s, +41.1 ms per 10,000 inserted rows
--   ordering=relationship__points&page=1: > 200 -> 1.38 ms
--   tier=diamond&ordering=-relationship__points&cursor=after-page-20: > 200 -> 1.87 ms
--   ordering=relationship__points&page=20: > 200 -> 1.26 ms
CREATE INDEX user_list_points_user_id_idx ON crmbench.user_list (points, user_id);

-- 8 statements faster, 1,589 ms p50 saved in all; 91 MB, built in 3.3 s, +28.5 ms per 10,000 inserted rows
--   ordering=-relationship__lifetime_value&page=20: > 200 -> 1.05 ms
--   ordering=-relationship__lifetime_value&page=1: > 200 -> 2.42 ms
--   tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: > 200 -> 1.49 ms
CREATE INDEX user_list_lifetime_value_user_id_idx ON crmbench.user_list (lifetime_value, user_id);

-- 54 statements faster, 2,545 ms p50 saved in all; 140 MB, built in 5.6 s, +66.8 ms per 10,000 inserted rows
--   last_name=abbott&city=abernathyfort&ordering=created&page=20: > 200 -> 0.562 ms
--   last_name=pouros&city=connellybury&ordering=relationship__points&page=20: > 200 -> 0.329 ms
--   last_name=smith&city=london&ordering=last_name&page=20: > 200 -> 1.64 ms
CREATE INDEX user_list_last_name_key_city_key_user_id_idx ON crmbench.user_list (last_name_key, city_key, user_id);

-- 14 statements faster, 33.7 ms p50 saved in all; 138 MB, built in 6.1 s, +72.9 ms per 10,000 inserted rows
--   city=scottburgh&tier=diamond&ordering=relationship__lifetime_value&page=20: > 200 -> 0.888 ms
--   city=east providenciashire&tier=diamond&ordering=-last_name&page=1: > 200 -> 0.839 ms
--   city=scottburgh&tier=diamond&ordering=last_name&page=1: > 200 -> 0.397 ms
CREATE INDEX user_list_city_key_tier_key_user_id_idx ON crmbench.user_list (city_key, tier_key, user_id);

-- 9 statements faster, 275 ms p50 saved in all; 123 MB, built in 5.6 s, +58.7 ms per 10,000 inserted rows
--   last_name=smith&ordering=last_name&page=1: > 200 -> 0.751 ms
--   last_name=smith&ordering=-last_name&page=1: > 200 -> 0.782 ms
--   last_name=smith&ordering=-last_name&page=20: > 200 -> 1.44 ms
CREATE INDEX user_list_last_name_key_last_name_user_id_idx ON crmbench.user_list (last_name_key, last_name, user_id);

-- 12 statements faster, 171 ms p50 saved in all; 123 MB, built in 4.4 s, +45.8 ms per 10,000 inserted rows
--   last_name=smith&ordering=created&page=20: > 200 -> 1.16 ms
--   last_name=conn&ordering=-created&page=20: > 200 -> 1.27 ms
--   last_name=conn&ordering=-created&page=1: > 200 -> 0.838 ms
CREATE INDEX user_list_last_name_key_created_user_id_idx ON crmbench.user_list (last_name_key, created, user_id);

-- 12 statements faster, 275 ms p50 saved in all; 116 MB, built in 4.9 s, +33.5 ms per 10,000 inserted rows
--   last_name=conn&ordering=relationship__points&cursor=after-page-20: > 200 -> 0.755 ms
--   last_name=smith&ordering=relationship__points&cursor=after-page-20: > 200 -> 1.10 ms
--   last_name=conn&ordering=-relationship__points&page=20: > 200 -> 1.41 ms
CREATE INDEX user_list_last_name_key_points_user_id_idx ON crmbench.user_list (last_name_key, points, user_id);

-- 12 statements faster, 329 ms p50 saved in all; 120 MB, built in 5.2 s, +99.3 ms per 10,000 inserted rows
--   last_name=conn&ordering=-relationship__lifetime_value&page=20: > 200 -> 1.42 ms
--   last_name=conn&ordering=-relationship__lifetime_value&page=1: > 200 -> 0.975 ms
--   last_name=conn&ordering=relationship__lifetime_value&cursor=after-page-20: > 200 -> 1.07 ms
CREATE INDEX user_list_last_name_key_lifetime_value_user_id_idx ON crmbench.user_list (last_name_key, lifetime_value, user_id);

-- 8 statements faster, 147 ms p50 saved in all; 120 MB, built in 8.0 s, +73.6 ms per 10,000 inserted rows
--   tier=diamond&ordering=-last_name&page=20: > 200 -> 1.30 ms
--   tier=diamond&ordering=last_name&page=1: > 200 -> 2.87 ms
--   tier=diamond&ordering=last_name&cursor=after-page-20: > 200 -> 2.39 ms
CREATE INDEX user_list_tier_key_last_name_user_id_idx ON crmbench.user_list (tier_key, last_name, user_id);

-- 7 statements faster, 114 ms p50 saved in all; 117 MB, built in 5.0 s, +33.5 ms per 10,000 inserted rows
--   tier=diamond&ordering=created&cursor=after-page-20: > 200 -> 1.29 ms
--   tier=diamond&ordering=-created&cursor=after-page-20: > 200 -> 1.39 ms
--   tier=diamond&ordering=-created&page=20: > 200 -> 1.38 ms
CREATE INDEX user_list_tier_key_created_user_id_idx ON crmbench.user_list (tier_key, created, user_id);

-- 7 statements faster, 729 ms p50 saved in all; 116 MB, built in 6.7 s, +30.5 ms per 10,000 inserted rows
--   tier=diamond&ordering=-relationship__points&page=20: > 200 -> 1.45 ms
--   tier=bronze&ordering=-relationship__points&cursor=after-page-20: > 200 -> 2.29 ms
--   tier=diamond&ordering=relationship__points&page=1: > 200 -> 2.07 ms
CREATE INDEX user_list_tier_key_points_user_id_idx ON crmbench.user_list (tier_key, points, user_id);

-- 8 statements faster, 164 ms p50 saved in all; 116 MB, built in 7.9 s, +35.9 ms per 10,000 inserted rows
--   tier=diamond&ordering=relationship__lifetime_value&page=1: > 200 -> 2.06 ms
--   tier=diamond&ordering=relationship__lifetime_value&page=20: > 200 -> 2.74 ms
--   tier=diamond&ordering=relationship__lifetime_value&cursor=after-page-20: > 200 -> 2.42 ms
CREATE INDEX user_list_tier_key_lifetime_value_user_id_idx ON crmbench.user_list (tier_key, lifetime_value, user_id);

-- 7 statements faster, 238 ms p50 saved in all; 121 MB, built in 5.2 s, +62.3 ms per 10,000 inserted rows
--   first_name=lamar&ordering=last_name&cursor=after-page-20: > 200 -> 2.04 ms
--   first_name=lamar&ordering=-last_name&cursor=after-page-20: > 200 -> 1.89 ms
--   first_name=lamar&ordering=last_name&page=1: > 200 -> 1.36 ms
CREATE INDEX user_list_first_name_key_last_name_user_id_idx ON crmbench.user_list (first_name_key, last_name, user_id);

-- 8 statements faster, 167 ms p50 saved in all; 120 MB, built in 4.5 s, +15.2 ms per 10,000 inserted rows
--   first_name=no-such-first_name&ordering=created&page=1: > 200 -> 0.543 ms
--   first_name=lamar&ordering=-created&page=1: > 200 -> 2.36 ms
--   first_name=shona&ordering=created&page=1: > 200 -> 1.73 ms
CREATE INDEX user_list_first_name_key_created_user_id_idx ON crmbench.user_list (first_name_key, created, user_id);

-- 7 statements faster, 260 ms p50 saved in all; 115 MB, built in 5.0 s, +67.8 ms per 10,000 inserted rows
--   first_name=lamar&ordering=relationship__points&cursor=after-page-20: > 200 -> 2.32 ms
--   first_name=lamar&ordering=relationship__points&page=1: > 200 -> 2.98 ms
--   first_name=lamar&ordering=-relationship__points&page=20: > 200 -> 3.35 ms
CREATE INDEX user_list_first_name_key_points_user_id_idx ON crmbench.user_list (first_name_key, points, user_id);

-- 10 statements faster, 302 ms p50 saved in all; 117 MB, built in 5.2 s, +71.9 ms per 10,000 inserted rows
--   first_name=shona&ordering=-relationship__lifetime_value&page=20: > 200 -> 0.999 ms
--   first_name=lamar&ordering=-relationship__lifetime_value&page=1: > 200 -> 1.32 ms
--   first_name=lamar&ordering=relationship__lifetime_value&cursor=after-page-20: > 200 -> 2.88 ms
CREATE INDEX user_list_first_name_key_lifetime_value_user_id_idx ON crmbench.user_list (first_name_key, lifetime_value, user_id);

-- 16 statements faster, 311 ms p50 saved in all; 140 MB, built in 5.6 s, +82.5 ms per 10,000 inserted rows
--   city=london&ordering=last_name&page=20: > 200 -> 2.74 ms
--   city=starkview&ordering=-last_name&page=1: > 200 -> 2.25 ms
--   city=starkview&ordering=-last_name&page=20: > 200 -> 0.740 ms
CREATE INDEX user_list_city_key_last_name_user_id_idx ON crmbench.user_list (city_key, last_name, user_id);

-- 4 statements faster, 54.7 ms p50 saved in all; 141 MB, built in 4.9 s, +28.3 ms per 10,000 inserted rows
--   city=london&ordering=created&page=20: > 200 -> 1.99 ms
--   city=london&ordering=-created&page=20: > 200 -> 2.62 ms
--   city=london&tier=bronze&ordering=-created&cursor=after-page-20: > 200 -> 1.07 ms
CREATE INDEX user_list_city_key_created_user_id_idx ON crmbench.user_list (city_key, created, user_id);

-- 9 statements faster, 167 ms p50 saved in all; 128 MB, built in 4.9 s, +72.8 ms per 10,000 inserted rows
--   city=london&ordering=-relationship__points&page=20: > 200 -> 3.15 ms
--   city=starkview&ordering=-relationship__points&page=20: > 200 -> 0.725 ms
--   city=london&ordering=-relationship__points&cursor=after-page-20: > 200 -> 2.39 ms
CREATE INDEX user_list_city_key_points_user_id_idx ON crmbench.user_list (city_key, points, user_id);

-- 9 statements faster, 153 ms p50 saved in all; 138 MB, built in 5.3 s, +80.7 ms per 10,000 inserted rows
--   city=london&ordering=-relationship__lifetime_value&page=20: > 200 -> 2.51 ms
--   city=london&tier=bronze&ordering=relationship__lifetime_value&page=1: > 200 -> 1.63 ms
--   city=starkview&ordering=-relationship__lifetime_value&page=20: > 200 -> 1.95 ms
CREATE INDEX user_list_city_key_lifetime_value_user_id_idx ON crmbench.user_list (city_key, lifetime_value, user_id);

-- 2 statements faster, 3.26 ms p50 saved in all; 164 MB, built in 5.9 s, +90.7 ms per 10,000 inserted rows
--   city=london&tier=bronze&ordering=created&page=20: > 200 -> 1.23 ms
--   city=london&tier=bronze&ordering=-created&page=20: > 200 -> 1.57 ms
CREATE INDEX user_list_city_key_tier_key_created_user_id_idx ON crmbench.user_list (city_key, tier_key, created, user_id);

-- 4 statements faster, 72.1 ms p50 saved in all; 150 MB, built in 6.2 s, +31.2 ms per 10,000 inserted rows
--   city=london&tier=bronze&ordering=relationship__points&page=20: > 200 -> 1.51 ms
--   city=east providenciashire&tier=diamond&ordering=relationship__points&page=20: > 200 -> 0.963 ms
--   city=london&tier=bronze&ordering=relationship__points&page=1: > 200 -> 0.987 ms
CREATE INDEX user_list_city_key_tier_key_points_user_id_idx ON crmbench.user_list (city_key, tier_key, points, user_id);

-- 2 statements faster, 6.25 ms p50 saved in all; 161 MB, built in 6.6 s, +61.5 ms per 10,000 inserted rows
--   city=london&tier=bronze&ordering=relationship__lifetime_value&page=20: > 200 -> 2.64 ms
--   city=london&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 200 -> 2.20 ms
CREATE INDEX user_list_city_key_tier_key_lifetime_value_user_id_idx ON crmbench.user_list (city_key, tier_key, lifetime_value, user_id);
