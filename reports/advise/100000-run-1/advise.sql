-- crmbench advise, run 20261204-213014 (2026-12-04T21:30:14Z), 100,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 1640 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 64 candidates; 2 min 34 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 213 of 1640 statements before, 1606 of 1640 with these indexes built together
-- 13 indexes, 62 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 157 statements faster, 5,477 ms p50 saved in all; 13 MB, built in 1.6 s, inserts +201.2 ms per 10,000 rows and +769 WAL bytes per row, updates of first_name +144.5 ms per 10,000 rows and +823 WAL bytes per row
--   search=lamar smi&ordering=relationship__points&page=1: > 50 -> 6.76 ms
--   city=london&search=schimmel&ordering=-relationship__lifetime_value&page=1: 32.0 -> 8.69 ms
--   search=lamar smi&ordering=-relationship__lifetime_value&page=20: > 50 -> 6.66 ms
CREATE INDEX user_list_lower_first_name_last_name_email_city_trgm_idx ON crmbench.user_list USING gin ((lower((((((((first_name)::text || ' '::text) || (last_name)::text) || ' '::text) || (email)::text) || ' '::text) || (city)::text))) gin_trgm_ops);

-- 143 statements faster, 3,841 ms p50 saved in all; 4 MB, built in 0.1 s, inserts +76.5 ms per 10,000 rows and +74 WAL bytes per row, updates of city_key +153.6 ms per 10,000 rows and +103 WAL bytes per row
--   last_name=zulauf&first_name=zita&city=dwighthaven&tier=bronze&ordering=-created&page=20: 19.3 -> 1.68 ms
--   first_name=zoraida&city=yostville&tier=bronze&ordering=-created&page=20: 18.4 -> 1.44 ms
--   city=no-such-city&ordering=id&page=1: 30.5 -> 1.53 ms
CREATE INDEX user_list_city_key_user_id_idx ON crmbench.user_list (city_key, user_id);

-- 40 statements faster, 1,317 ms p50 saved in all; 3 MB, built in 0.1 s, inserts +45.3 ms per 10,000 rows and +73 WAL bytes per row, updates of last_name +8.4 ms per 10,000 rows and +87 WAL bytes per row
--   search=smi&ordering=-last_name&cursor=after-page-20: > 50 -> 3.19 ms
--   relationship__lifetime_value__lte=361.96&ordering=-last_name&page=20: 37.0 -> 5.72 ms
--   created__gte=2020-07-01&ordering=last_name&page=20: 49.8 -> 5.76 ms
CREATE INDEX user_list_last_name_user_id_idx ON crmbench.user_list (last_name, user_id);

-- 108 statements faster, 2,888 ms p50 saved in all; 3 MB, built in 0.1 s, inserts +23.0 ms per 10,000 rows and +88 WAL bytes per row, updates of created +51.5 ms per 10,000 rows and +78 WAL bytes per row
--   created__gte=2026-01-01&ordering=-relationship__lifetime_value&page=1: 17.8 -> 2.10 ms
--   tier=bronze&ordering=-created&cursor=after-page-20: 30.1 -> 1.67 ms
--   city=london&created__gte=2020-07-01&created__lte=2020-07-01&ordering=-relationship__points&page=20: 48.0 -> 1.67 ms
CREATE INDEX user_list_created_user_id_idx ON crmbench.user_list (created, user_id);

-- 96 statements faster, 2,744 ms p50 saved in all; 3 MB, built in 0.1 s, inserts +54.5 ms per 10,000 rows and +71 WAL bytes per row, updates of points +54.5 ms per 10,000 rows and +87 WAL bytes per row
--   city=london&relationship__points__gte=205037&ordering=created&page=1: 29.4 -> 1.90 ms
--   relationship__lifetime_value__lte=361.96&ordering=-relationship__points&page=20: 33.4 -> 3.46 ms
--   tier=bronze&ordering=-relationship__points&cursor=after-page-20: 24.0 -> 1.91 ms
CREATE INDEX user_list_points_user_id_idx ON crmbench.user_list (points, user_id);

-- 96 statements faster, 2,985 ms p50 saved in all; 3 MB, built in 0.1 s, inserts +40.8 ms per 10,000 rows and +72 WAL bytes per row, updates of lifetime_value_key +47.1 ms per 10,000 rows and +84 WAL bytes per row
--   relationship__lifetime_value__gte=361.96&relationship__lifetime_value__lte=362.96&ordering=-last_name&page=1: 30.3 -> 2.63 ms
--   tier__in=bronze,silver&ordering=-relationship__lifetime_value&page=20: 35.0 -> 4.14 ms
--   relationship__lifetime_value__gte=361.96&relationship__lifetime_value__lte=362.96&ordering=-relationship__points&page=20: 45.0 -> 2.19 ms
CREATE INDEX user_list_lifetime_value_key_user_id_idx ON crmbench.user_list (lifetime_value_key, user_id);

-- 35 statements faster, 1,452 ms p50 saved in all; 5 MB, built in 0.3 s, inserts +37.4 ms per 10,000 rows and +100 WAL bytes per row, updates of city_key +138.9 ms per 10,000 rows and +79 WAL bytes per row
--   city=london&created__gte=2020-07-01&ordering=-relationship__lifetime_value&cursor=after-page-20: 63.7 -> 4.16 ms
--   city=london&created__gte=2020-07-01&ordering=-relationship__points&page=1: 31.2 -> 5.79 ms
--   city=london&created__gte=2020-07-01&ordering=created&page=1: 33.8 -> 4.84 ms
CREATE INDEX user_list_city_key_created_user_id_idx ON crmbench.user_list (city_key, created, user_id);

-- 32 statements faster, 1,361 ms p50 saved in all; 4 MB, built in 0.2 s, inserts +41.9 ms per 10,000 rows and +69 WAL bytes per row, updates of city_key +85.8 ms per 10,000 rows and +59 WAL bytes per row
--   city=london&relationship__points__gte=405&ordering=-id&page=20: 35.7 -> 3.86 ms
--   city=london&relationship__points__gte=405&ordering=-relationship__lifetime_value&page=1: 45.8 -> 4.80 ms
--   city=london&relationship__points__gte=405&ordering=relationship__lifetime_value&page=1: 50.8 -> 4.58 ms
CREATE INDEX user_list_city_key_points_user_id_idx ON crmbench.user_list (city_key, points, user_id);

-- 30 statements faster, 927 ms p50 saved in all; 5 MB, built in 0.2 s, inserts +44.0 ms per 10,000 rows and +73 WAL bytes per row, updates of city_key +88.0 ms per 10,000 rows and +65 WAL bytes per row
--   city=london&relationship__lifetime_value__lte=361.96&ordering=-relationship__lifetime_value&page=20: 32.0 -> 4.24 ms
--   city=london&relationship__lifetime_value__lte=361.96&ordering=relationship__lifetime_value&page=1: 32.8 -> 4.49 ms
--   city=london&relationship__lifetime_value__lte=361.96&ordering=id&page=1: 32.8 -> 4.94 ms
CREATE INDEX user_list_city_key_lifetime_value_key_user_id_idx ON crmbench.user_list (city_key, lifetime_value_key, user_id);

-- 2 statements faster, 69.7 ms p50 saved in all; 5 MB, built in 0.2 s, inserts +40.5 ms per 10,000 rows and +73 WAL bytes per row, updates of city_key +88.3 ms per 10,000 rows and +63 WAL bytes per row
--   city=london&tier=bronze&ordering=-last_name&cursor=after-page-20: 39.4 -> 3.77 ms
--   city=london&tier=bronze&ordering=last_name&cursor=after-page-20: 38.0 -> 3.97 ms
CREATE INDEX user_list_city_key_last_name_user_id_idx ON crmbench.user_list (city_key, last_name, user_id);

-- 342 statements faster, 7,831 ms p50 saved in all; 4 MB, built in 0.2 s, inserts +44.9 ms per 10,000 rows and +83 WAL bytes per row, updates of last_name_key +58.6 ms per 10,000 rows and +97 WAL bytes per row
--   last_name=zulauf&first_name=tyra&ordering=last_name&page=20: 27.8 -> 1.26 ms
--   last_name=smith&tier=bronze&ordering=created&page=20: 20.0 -> 1.47 ms
--   last_name=schimmel&ordering=created&page=20: 45.2 -> 1.25 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 22 statements faster, 75.5 ms p50 saved in all; 5 MB, built in 0.1 s, inserts +49.0 ms per 10,000 rows and +89 WAL bytes per row, updates of last_name_key +59.9 ms per 10,000 rows and +100 WAL bytes per row
--   last_name=smith&city=new york&tier=bronze&ordering=-relationship__points&page=20: 19.5 -> 0.930 ms
--   last_name=smith&city=new york&ordering=-relationship__points&page=1: 30.4 -> 1.63 ms
--   last_name=smith&city=new york&ordering=created&page=1: 31.1 -> 1.50 ms
CREATE INDEX user_list_last_name_key_city_key_user_id_idx ON crmbench.user_list (last_name_key, city_key, user_id);

-- 183 statements faster, 5,069 ms p50 saved in all; 5 MB, built in 0.2 s, inserts +53.6 ms per 10,000 rows and +88 WAL bytes per row, updates of first_name_key +44.7 ms per 10,000 rows and +97 WAL bytes per row
--   first_name=lamar&ordering=relationship__points&cursor=after-page-20: 76.6 -> 3.37 ms
--   first_name=hollis&city=london&ordering=created&page=1: 30.2 -> 1.18 ms
--   first_name=zoraida&tier=diamond&ordering=-relationship__points&page=1: 2.34 -> 0.906 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);
