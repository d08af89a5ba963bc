-- crmbench advise, run 20261204-213257 (2026-12-04T21:32:57Z), 100,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 1640 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 64 candidates; 2 min 16 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 206 of 1640 statements before, 1599 of 1640 with these indexes built together
-- 12 indexes, 57 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 164 statements faster, 6,294 ms p50 saved in all; 13 MB, built in 1.4 s, inserts +158.8 ms per 10,000 rows and +769 WAL bytes per row, updates of first_name +167.1 ms per 10,000 rows and +829 WAL bytes per row
--   search=lamar smi&ordering=relationship__points&page=1: > 50 -> 2.85 ms
--   city=london&search=schimmel&ordering=-relationship__lifetime_value&page=1: 32.0 -> 3.06 ms
--   search=lamar smi&ordering=-relationship__lifetime_value&page=20: > 50 -> 2.71 ms
CREATE INDEX user_list_lower_first_name_last_name_email_city_trgm_idx ON crmbench.user_list USING gin ((lower((((((((first_name)::text || ' '::text) || (last_name)::text) || ' '::text) || (email)::text) || ' '::text) || (city)::text))) gin_trgm_ops);

-- 145 statements faster, 4,187 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +37.5 ms per 10,000 rows and +82 WAL bytes per row, updates of city_key +19.1 ms per 10,000 rows and +87 WAL bytes per row
--   last_name=zulauf&first_name=zita&city=dwighthaven&tier=bronze&ordering=-created&page=20: 26.5 -> 1.42 ms
--   first_name=zoraida&city=yostville&tier=bronze&ordering=-created&page=20: 27.7 -> 1.34 ms
--   city=no-such-city&ordering=id&page=1: 29.7 -> 1.64 ms
CREATE INDEX user_list_city_key_user_id_idx ON crmbench.user_list (city_key, user_id);

-- 38 statements faster, 1,208 ms p50 saved in all; 3 MB, built in 0.1 s, inserts +32.8 ms per 10,000 rows and +74 WAL bytes per row, updates of last_name +24.1 ms per 10,000 rows and +85 WAL bytes per row
--   relationship__lifetime_value__lte=361.96&ordering=-last_name&page=20: 38.9 -> 2.82 ms
--   created__gte=2020-07-01&ordering=last_name&page=20: 31.6 -> 4.27 ms
--   relationship__lifetime_value__lte=361.96&ordering=last_name&page=1: 35.0 -> 1.68 ms
CREATE INDEX user_list_last_name_user_id_idx ON crmbench.user_list (last_name, user_id);

-- 108 statements faster, 2,794 ms p50 saved in all; 3 MB, built in 0.1 s, inserts +15.9 ms per 10,000 rows and +80 WAL bytes per row, updates of created +28.2 ms per 10,000 rows and +78 WAL bytes per row
--   created__gte=2026-01-01&ordering=-relationship__lifetime_value&page=1: 16.8 -> 1.27 ms
--   tier=bronze&ordering=-created&cursor=after-page-20: 28.6 -> 1.39 ms
--   city=london&created__gte=2020-07-01&created__lte=2020-07-01&ordering=-relationship__points&page=20: 34.7 -> 1.84 ms
CREATE INDEX user_list_created_user_id_idx ON crmbench.user_list (created, user_id);

-- 96 statements faster, 2,509 ms p50 saved in all; 3 MB, built in 0.1 s, inserts +45.5 ms per 10,000 rows and +72 WAL bytes per row, updates of points +41.6 ms per 10,000 rows and +84 WAL bytes per row
--   city=london&relationship__points__gte=205037&ordering=created&page=1: 29.3 -> 1.23 ms
--   relationship__lifetime_value__lte=361.96&ordering=-relationship__points&page=20: 34.1 -> 2.50 ms
--   tier=bronze&ordering=-relationship__points&cursor=after-page-20: 25.0 -> 1.15 ms
CREATE INDEX user_list_points_user_id_idx ON crmbench.user_list (points, user_id);

-- 96 statements faster, 2,850 ms p50 saved in all; 3 MB, built in 0.1 s, inserts +43.3 ms per 10,000 rows and +99 WAL bytes per row, updates of lifetime_value_key +20.5 ms per 10,000 rows and +98 WAL bytes per row
--   relationship__lifetime_value__gte=361.96&relationship__lifetime_value__lte=362.96&ordering=-last_name&page=1: 30.4 -> 2.15 ms
--   tier__in=bronze,silver&ordering=-relationship__lifetime_value&page=20: 33.2 -> 2.52 ms
--   relationship__lifetime_value__gte=361.96&relationship__lifetime_value__lte=362.96&ordering=-relationship__points&page=20: 31.7 -> 1.48 ms
CREATE INDEX user_list_lifetime_value_key_user_id_idx ON crmbench.user_list (lifetime_value_key, user_id);

-- 35 statements faster, 1,215 ms p50 saved in all; 5 MB, built in 0.2 s, inserts +35.7 ms per 10,000 rows and +108 WAL bytes per row, updates of city_key +30.2 ms per 10,000 rows and +94 WAL bytes per row
--   city=london&created__gte=2020-07-01&ordering=-relationship__lifetime_value&cursor=after-page-20: 62.0 -> 4.54 ms
--   city=london&created__gte=2020-07-01&ordering=-relationship__points&page=1: 31.1 -> 3.67 ms
--   city=london&created__gte=2020-07-01&ordering=created&page=1: 30.0 -> 3.42 ms
CREATE INDEX user_list_city_key_created_user_id_idx ON crmbench.user_list (city_key, created, user_id);

-- 36 statements faster, 1,063 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +37.6 ms per 10,000 rows and +85 WAL bytes per row, updates of city_key +40.9 ms per 10,000 rows and +91 WAL bytes per row
--   city=london&relationship__points__gte=405&ordering=-id&page=20: 29.3 -> 3.98 ms
--   city=london&relationship__points__gte=405&ordering=-relationship__lifetime_value&page=1: 30.4 -> 3.70 ms
--   city=london&relationship__points__gte=405&ordering=relationship__lifetime_value&page=1: 31.4 -> 3.78 ms
CREATE INDEX user_list_city_key_points_user_id_idx ON crmbench.user_list (city_key, points, user_id);

-- 30 statements faster, 881 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +69.4 ms per 10,000 rows and +89 WAL bytes per row, updates of city_key +158.3 ms per 10,000 rows and +97 WAL bytes per row
--   city=london&relationship__lifetime_value__lte=361.96&ordering=-relationship__lifetime_value&page=20: 36.3 -> 7.02 ms
--   city=london&relationship__lifetime_value__lte=361.96&ordering=relationship__lifetime_value&page=1: 32.1 -> 6.36 ms
--   city=london&relationship__lifetime_value__lte=361.96&ordering=id&page=1: 30.5 -> 4.75 ms
CREATE INDEX user_list_city_key_lifetime_value_key_user_id_idx ON crmbench.user_list (city_key, lifetime_value_key, user_id);

-- 8 statements faster, 203 ms p50 saved in all; 5 MB, built in 0.2 s, inserts +47.4 ms per 10,000 rows and +93 WAL bytes per row, updates of city_key +56.9 ms per 10,000 rows and +87 WAL bytes per row
--   city=london&tier=bronze&ordering=id&cursor=after-page-20: 20.8 -> 2.89 ms
--   city=london&tier=bronze&ordering=id&page=1: 18.9 -> 3.00 ms
--   city=london&tier=bronze&ordering=-id&page=1: 25.7 -> 2.53 ms
CREATE INDEX user_list_city_key_tier_key_user_id_idx ON crmbench.user_list (city_key, tier_key, user_id);

-- 324 statements faster, 7,733 ms p50 saved in all; 4 MB, built in 0.2 s, inserts +46.2 ms per 10,000 rows and +83 WAL bytes per row, updates of last_name_key +44.0 ms per 10,000 rows and +95 WAL bytes per row
--   last_name=zulauf&first_name=tyra&ordering=last_name&page=20: 45.0 -> 1.34 ms
--   last_name=smith&tier=bronze&ordering=created&page=20: 25.9 -> 1.78 ms
--   last_name=schimmel&ordering=created&page=20: 28.1 -> 1.23 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 177 statements faster, 4,853 ms p50 saved in all; 5 MB, built in 0.2 s, inserts +46.2 ms per 10,000 rows and +88 WAL bytes per row, updates of first_name_key +35.3 ms per 10,000 rows and +99 WAL bytes per row
--   first_name=lamar&ordering=relationship__points&cursor=after-page-20: 60.4 -> 3.83 ms
--   first_name=hollis&city=london&ordering=created&page=1: 32.3 -> 1.20 ms
--   first_name=zoraida&tier=diamond&ordering=-relationship__points&page=1: 2.15 -> 0.907 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);
