-- crmbench advise, run 20261202-022638 (2026-12-02T02:26:38Z), 3,000,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 460 statements
-- measured: 5 executions after 10 warm-up per statement and state; cap 200 ms; 34 candidates; 12 min 18 s
-- p50 <= 10 ms: 32 of 460 statements before, 460 of 460 with these indexes built together
-- 29 indexes, 3,492 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 28 statements faster, 4,125 ms p50 saved in all; 92 MB, built in 4.1 s, +40.1 ms per 10,000 inserted rows
--   tier=diamond&ordering=id&page=1: 4.23 -> 1.21 ms
--   tier=no-such-tier&ordering=-last_name&page=20: > 200 -> 1.46 ms
--   tier=diamond&ordering=-id&cursor=after-page-20: 4.58 -> 1.69 ms
CREATE INDEX user_list_tier_key_user_id_idx ON crmbench.user_list (tier_key, user_id);

-- 16 statements faster, 1,774 ms p50 saved in all; 97 MB, built in 5.0 s, +101.4 ms per 10,000 inserted rows
--   last_name=no-such-last_name&ordering=-last_name&page=20: > 200 -> 0.556 ms
--   last_name=no-such-last_name&ordering=-last_name&page=1: > 200 -> 0.309 ms
--   last_name=no-such-last_name&ordering=-created&page=1: > 200 -> 0.535 ms
CREATE INDEX user_list_last_name_key_user_id_idx ON crmbench.user_list (last_name_key, user_id);

-- 16 statements faster, 1,858 ms p50 saved in all; 94 MB, built in 6.1 s, +94.9 ms per 10,000 inserted rows
--   first_name=shona&ordering=-relationship__lifetime_value&page=20: > 200 -> 1.94 ms
--   first_name=shona&ordering=last_name&page=1: > 200 -> 1.66 ms
--   first_name=lamar&ordering=-id&page=1: 4.36 -> 1.04 ms
CREATE INDEX user_list_first_name_key_user_id_idx ON crmbench.user_list (first_name_key, user_id);

-- 13 statements faster, 1,642 ms p50 saved in all; 115 MB, built in 4.8 s, +90.7 ms per 10,000 inserted rows
--   city=no-such-city&ordering=-created&page=20: > 200 -> 1.33 ms
--   city=no-such-city&ordering=relationship__points&page=1: > 200 -> 0.713 ms
--   city=no-such-city&ordering=relationship__lifetime_value&page=20: > 200 -> 1.25 ms
CREATE INDEX user_list_city_key_user_id_idx ON crmbench.user_list (city_key, user_id);

-- 8 statements faster, 1,588 ms p50 saved in all; 97 MB, built in 4.2 s, +78.7 ms per 10,000 inserted rows
--   last_name=smith&ordering=-last_name&cursor=after-page-20: > 200 -> 0.839 ms
--   ordering=last_name&page=20: > 200 -> 0.955 ms
--   tier=bronze&ordering=last_name&page=1: > 200 -> 4.40 ms
CREATE INDEX user_list_last_name_user_id_idx ON crmbench.user_list (last_name, user_id);

-- 8 statements faster, 1,579 ms p50 saved in all; 90 MB, built in 2.0 s, +42.1 ms per 10,000 inserted rows
--   tier=bronze&ordering=-created&page=1: > 200 -> 2.61 ms
--   ordering=-created&page=20: > 200 -> 2.23 ms
--   ordering=created&page=20: > 200 -> 3.01 ms
CREATE INDEX user_list_created_user_id_idx ON crmbench.user_list (created, user_id);

-- 7 statements faster, 1,388 ms p50 saved in all; 90 MB, built in 2.5 s, +31.4 ms per 10,000 inserted rows
--   tier=diamond&ordering=-relationship__points&page=20: > 200 -> 1.57 ms
--   ordering=relationship__points&page=1: > 200 -> 0.714 ms
--   tier=diamond&ordering=-relationship__points&cursor=after-page-20: > 200 -> 1.11 ms
CREATE INDEX user_list_points_user_id_idx ON crmbench.user_list (points, user_id);

-- 8 statements faster, 1,589 ms p50 saved in all; 91 MB, built in 3.1 s, +54.0 ms per 10,000 inserted rows
--   ordering=-relationship__lifetime_value&page=20: > 200 -> 1.42 ms
--   ordering=-relationship__lifetime_value&page=1: > 200 -> 1.89 ms
--   tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: > 200 -> 0.931 ms
CREATE INDEX user_list_lifetime_value_user_id_idx ON crmbench.user_list (lifetime_value, user_id);

-- 56 statements faster, 2,920 ms p50 saved in all; 140 MB, built in 4.9 s, +89.0 ms per 10,000 inserted rows
--   last_name=abbott&city=abernathyfort&ordering=-relationship__points&page=1: > 200 -> 0.289 ms
--   last_name=abbott&city=abernathyfort&ordering=created&page=20: > 200 -> 0.675 ms
--   last_name=pouros&city=connellybury&ordering=relationship__points&page=20: > 200 -> 0.844 ms
CREATE INDEX user_list_last_name_key_city_key_user_id_idx ON crmbench.user_list (last_name_key, city_key, user_id);

-- 15 statements faster, 39.4 ms p50 saved in all; 138 MB, built in 5.4 s, +61.3 ms per 10,000 inserted rows
--   city=east providenciashire&tier=diamond&ordering=relationship__lifetime_value&page=1: > 200 -> 0.399 ms
--   city=scottburgh&tier=diamond&ordering=relationship__lifetime_value&page=20: > 200 -> 0.920 ms
--   city=scottburgh&tier=diamond&ordering=relationship__points&page=20: > 200 -> 1.19 ms
CREATE INDEX user_list_city_key_tier_key_user_id_idx ON crmbench.user_list (city_key, tier_key, user_id);

-- 9 statements faster, 311 ms p50 saved in all; 123 MB, built in 5.2 s, +79.1 ms per 10,000 inserted rows
--   last_name=smith&ordering=last_name&page=1: > 200 -> 0.758 ms
--   last_name=smith&ordering=-last_name&page=1: > 200 -> 0.896 ms
--   last_name=smith&ordering=-last_name&page=20: > 200 -> 1.52 ms
CREATE INDEX user_list_last_name_key_last_name_user_id_idx ON crmbench.user_list (last_name_key, last_name, user_id);

-- 12 statements faster, 225 ms p50 saved in all; 123 MB, built in 4.4 s, +75.0 ms per 10,000 inserted rows
--   last_name=smith&ordering=created&page=20: > 200 -> 1.32 ms
--   last_name=conn&ordering=-created&page=20: > 200 -> 1.22 ms
--   last_name=conn&ordering=-created&page=1: > 200 -> 0.741 ms
CREATE INDEX user_list_last_name_key_created_user_id_idx ON crmbench.user_list (last_name_key, created, user_id);

-- 13 statements faster, 264 ms p50 saved in all; 116 MB, built in 4.2 s, +64.6 ms per 10,000 inserted rows
--   last_name=conn&ordering=relationship__points&cursor=after-page-20: > 200 -> 0.974 ms
--   last_name=smith&ordering=relationship__points&cursor=after-page-20: > 200 -> 0.905 ms
--   last_name=conn&ordering=-relationship__points&page=20: > 200 -> 1.25 ms
CREATE INDEX user_list_last_name_key_points_user_id_idx ON crmbench.user_list (last_name_key, points, user_id);

-- 12 statements faster, 300 ms p50 saved in all; 120 MB, built in 5.1 s, +47.1 ms per 10,000 inserted rows
--   last_name=conn&ordering=-relationship__lifetime_value&page=20: > 200 -> 1.48 ms
--   last_name=conn&ordering=-relationship__lifetime_value&page=1: > 200 -> 1.07 ms
--   last_name=conn&ordering=relationship__lifetime_value&cursor=after-page-20: > 200 -> 0.872 ms
CREATE INDEX user_list_last_name_key_lifetime_value_user_id_idx ON crmbench.user_list (last_name_key, lifetime_value, user_id);

-- 8 statements faster, 195 ms p50 saved in all; 120 MB, built in 6.8 s, +90.5 ms per 10,000 inserted rows
--   tier=diamond&ordering=-last_name&page=20: > 200 -> 1.17 ms
--   tier=diamond&ordering=last_name&page=1: > 200 -> 1.00 ms
--   tier=diamond&ordering=last_name&cursor=after-page-20: > 200 -> 1.15 ms
CREATE INDEX user_list_tier_key_last_name_user_id_idx ON crmbench.user_list (tier_key, last_name, user_id);

-- 10 statements faster, 148 ms p50 saved in all; 117 MB, built in 4.3 s, +54.5 ms per 10,000 inserted rows
--   tier=bronze&ordering=-created&cursor=after-page-20: > 200 -> 1.20 ms
--   tier=diamond&ordering=created&cursor=after-page-20: > 200 -> 0.893 ms
--   tier=diamond&ordering=-created&cursor=after-page-20: > 200 -> 1.04 ms
CREATE INDEX user_list_tier_key_created_user_id_idx ON crmbench.user_list (tier_key, created, user_id);

-- 5 statements faster, 694 ms p50 saved in all; 116 MB, built in 6.9 s, +64.1 ms per 10,000 inserted rows
--   tier=bronze&ordering=-relationship__points&cursor=after-page-20: > 200 -> 0.969 ms
--   tier=diamond&ordering=relationship__points&page=1: > 200 -> 0.885 ms
--   tier=bronze&ordering=-relationship__points&page=20: > 200 -> 0.897 ms
CREATE INDEX user_list_tier_key_points_user_id_idx ON crmbench.user_list (tier_key, points, user_id);

-- 8 statements faster, 185 ms p50 saved in all; 116 MB, built in 6.4 s, +58.0 ms per 10,000 inserted rows
--   tier=diamond&ordering=relationship__lifetime_value&page=1: > 200 -> 1.08 ms
--   tier=diamond&ordering=relationship__lifetime_value&page=20: > 200 -> 1.25 ms
--   tier=diamond&ordering=relationship__lifetime_value&cursor=after-page-20: > 200 -> 1.02 ms
CREATE INDEX user_list_tier_key_lifetime_value_user_id_idx ON crmbench.user_list (tier_key, lifetime_value, user_id);

-- 7 statements faster, 341 ms p50 saved in all; 121 MB, built in 4.9 s, +60.5 ms per 10,000 inserted rows
--   first_name=shona&ordering=-last_name&page=1: > 200 -> 1.13 ms
--   first_name=lamar&ordering=last_name&cursor=after-page-20: > 200 -> 1.31 ms
--   first_name=lamar&ordering=-last_name&cursor=after-page-20: > 200 -> 0.861 ms
CREATE INDEX user_list_first_name_key_last_name_user_id_idx ON crmbench.user_list (first_name_key, last_name, user_id);

-- 6 statements faster, 194 ms p50 saved in all; 120 MB, built in 4.6 s, +86.8 ms per 10,000 inserted rows
--   first_name=lamar&ordering=-created&page=1: > 200 -> 0.882 ms
--   first_name=lamar&ordering=created&cursor=after-page-20: > 200 -> 2.32 ms
--   first_name=lamar&ordering=created&page=20: > 200 -> 1.59 ms
CREATE INDEX user_list_first_name_key_created_user_id_idx ON crmbench.user_list (first_name_key, created, user_id);

-- 6 statements faster, 235 ms p50 saved in all; 115 MB, built in 4.3 s, +69.1 ms per 10,000 inserted rows
--   first_name=lamar&ordering=relationship__points&cursor=after-page-20: > 200 -> 1.04 ms
--   first_name=lamar&ordering=relationship__points&page=1: > 200 -> 1.27 ms
--   first_name=lamar&ordering=-relationship__points&page=20: > 200 -> 1.30 ms
CREATE INDEX user_list_first_name_key_points_user_id_idx ON crmbench.user_list (first_name_key, points, user_id);

-- 7 statements faster, 226 ms p50 saved in all; 117 MB, built in 4.7 s, +92.5 ms per 10,000 inserted rows
--   first_name=lamar&ordering=-relationship__lifetime_value&page=1: > 200 -> 0.806 ms
--   first_name=lamar&ordering=relationship__lifetime_value&cursor=after-page-20: > 200 -> 0.868 ms
--   first_name=lamar&ordering=-relationship__lifetime_value&cursor=after-page-20: > 200 -> 0.738 ms
CREATE INDEX user_list_first_name_key_lifetime_value_user_id_idx ON crmbench.user_list (first_name_key, lifetime_value, user_id);

-- 10 statements faster, 200 ms p50 saved in all; 140 MB, built in 5.0 s, +32.9 ms per 10,000 inserted rows
--   city=london&ordering=last_name&page=20: > 200 -> 0.902 ms
--   city=starkview&ordering=-last_name&page=1: > 200 -> 0.999 ms
--   city=starkview&ordering=-last_name&page=20: > 200 -> 0.756 ms
CREATE INDEX user_list_city_key_last_name_user_id_idx ON crmbench.user_list (city_key, last_name, user_id);

-- 14 statements faster, 170 ms p50 saved in all; 141 MB, built in 3.4 s, +34.0 ms per 10,000 inserted rows
--   city=london&ordering=created&page=1: > 200 -> 0.930 ms
--   city=london&ordering=created&page=20: > 200 -> 0.750 ms
--   city=london&ordering=-created&page=1: > 200 -> 0.811 ms
CREATE INDEX user_list_city_key_created_user_id_idx ON crmbench.user_list (city_key, created, user_id);

-- 10 statements faster, 127 ms p50 saved in all; 128 MB, built in 3.9 s, +72.2 ms per 10,000 inserted rows
--   city=london&ordering=-relationship__points&page=20: > 200 -> 1.35 ms
--   city=starkview&ordering=-relationship__points&page=20: > 200 -> 0.720 ms
--   city=london&ordering=-relationship__points&cursor=after-page-20: > 200 -> 0.897 ms
CREATE INDEX user_list_city_key_points_user_id_idx ON crmbench.user_list (city_key, points, user_id);

-- 11 statements faster, 155 ms p50 saved in all; 138 MB, built in 5.0 s, +52.5 ms per 10,000 inserted rows
--   city=starkview&ordering=relationship__lifetime_value&page=1: > 200 -> 1.42 ms
--   city=london&ordering=-relationship__lifetime_value&page=20: > 200 -> 1.42 ms
--   city=london&tier=bronze&ordering=relationship__lifetime_value&page=1: > 200 -> 1.04 ms
CREATE INDEX user_list_city_key_lifetime_value_user_id_idx ON crmbench.user_list (city_key, lifetime_value, user_id);

-- 1 statements faster, 2.62 ms p50 saved in all; 163 MB, built in 6.4 s, +61.5 ms per 10,000 inserted rows
--   city=london&tier=bronze&ordering=-last_name&page=20: > 200 -> 0.887 ms
CREATE INDEX user_list_city_key_tier_key_last_name_user_id_idx ON crmbench.user_list (city_key, tier_key, last_name, user_id);

-- 2 statements faster, 45.8 ms p50 saved in all; 150 MB, built in 5.3 s, +111.0 ms per 10,000 inserted rows
--   city=london&tier=bronze&ordering=-relationship__points&page=20: > 200 -> 1.22 ms
--   city=london&tier=bronze&ordering=-relationship__points&page=1: > 200 -> 1.07 ms
CREATE INDEX user_list_city_key_tier_key_points_user_id_idx ON crmbench.user_list (city_key, tier_key, points, user_id);

-- 2 statements faster, 6.06 ms p50 saved in all; 161 MB, built in 6.4 s, +78.5 ms per 10,000 inserted rows
--   city=london&tier=bronze&ordering=relationship__lifetime_value&page=20: > 200 -> 1.52 ms
--   city=london&tier=bronze&ordering=-relationship__lifetime_value&page=20: > 200 -> 1.29 ms
CREATE INDEX user_list_city_key_tier_key_lifetime_value_user_id_idx ON crmbench.user_list (city_key, tier_key, lifetime_value, user_id);
