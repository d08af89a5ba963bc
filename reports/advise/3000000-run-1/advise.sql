-- crmbench advise, run 20261205-030307 (2026-12-05T03:03:07Z), 3,000,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 1700 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 65 candidates; 10 min 42 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 169 of 1700 statements before, 1393 of 1700 with these indexes built together
-- 24 indexes, 3,231 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 78 statements faster, 3,388 ms p50 saved in all; 272 MB, built in 40.9 s, inserts +104.3 ms per 10,000 rows and +785 WAL bytes per row, updates of first_name +172.7 ms per 10,000 rows and +910 WAL bytes per row
--   search=lamar smi&ordering=relationship__points&page=1: > 50 -> 12.4 ms
--   search=lamar smi&ordering=-relationship__lifetime_value&page=20: > 50 -> 10.3 ms
--   search=zzqx&ordering=created&page=1: > 50 -> 1.78 ms
CREATE INDEX user_list_lower_first_name_last_name_email_city_trgm_idx ON crmbench.user_list USING gin ((lower((((((((first_name)::text || ' '::text) || (last_name)::text) || ' '::text) || (email)::text) || ' '::text) || (city)::text))) gin_trgm_ops);

-- 251 statements faster, 11,043 ms p50 saved in all; 116 MB, built in 6.2 s, inserts +121.0 ms per 10,000 rows and +66 WAL bytes per row, updates of city_key +44.3 ms per 10,000 rows and +94 WAL bytes per row
--   city=starkview&ordering=-relationship__points&page=20: > 50 -> 2.31 ms
--   first_name=zoraida&city=zulauftown&tier=silver&ordering=-created&page=20: > 50 -> 1.54 ms
--   first_name=zoraida&city=ziemeshire&ordering=created&page=20: > 50 -> 2.20 ms
CREATE INDEX user_list_city_key_user_id_idx ON crmbench.user_list (city_key, user_id);

-- 62 statements faster, 2,595 ms p50 saved in all; 98 MB, built in 4.8 s, inserts -5.0 ms per 10,000 rows and +75 WAL bytes per row, updates of last_name -28.6 ms per 10,000 rows and +97 WAL bytes per row
--   city__in=london,new york,berlin&ordering=last_name&page=1: > 50 -> 2.32 ms
--   city=london&relationship__points__gte=403&ordering=last_name&page=1: > 50 -> 4.69 ms
--   tier=diamond&ordering=last_name&page=1: 28.6 -> 1.74 ms
CREATE INDEX user_list_last_name_user_id_idx ON crmbench.user_list (last_name, user_id);

-- 133 statements faster, 5,991 ms p50 saved in all; 90 MB, built in 2.8 s, inserts +14.0 ms per 10,000 rows and +87 WAL bytes per row, updates of created +17.5 ms per 10,000 rows and +85 WAL bytes per row
--   tier=bronze&ordering=-created&cursor=after-page-20: > 50 -> 6.82 ms
--   city=london&created__gte=2020-06-19&created__lte=2020-06-19&ordering=-created&page=20: > 50 -> 1.70 ms
--   city=london&ordering=created&page=1: > 50 -> 2.01 ms
CREATE INDEX user_list_created_user_id_idx ON crmbench.user_list (created, user_id);

-- 145 statements faster, 5,964 ms p50 saved in all; 90 MB, built in 2.5 s, inserts +47.1 ms per 10,000 rows and +80 WAL bytes per row, updates of points +30.0 ms per 10,000 rows and +87 WAL bytes per row
--   city=london&relationship__points__gte=403&relationship__points__lte=403&ordering=-id&page=1: > 50 -> 4.45 ms
--   relationship__points__gte=403&relationship__points__lte=403&ordering=last_name&page=1: > 50 -> 6.87 ms
--   city=london&relationship__points__gte=467320&ordering=relationship__points&page=1: > 50 -> 1.40 ms
CREATE INDEX user_list_points_user_id_idx ON crmbench.user_list (points, user_id);

-- 135 statements faster, 5,864 ms p50 saved in all; 90 MB, built in 4.4 s, inserts +35.9 ms per 10,000 rows and +78 WAL bytes per row, updates of lifetime_value_key +4.4 ms per 10,000 rows and +80 WAL bytes per row
--   tier=diamond&ordering=relationship__lifetime_value&page=1: 10.4 -> 1.33 ms
--   tier__in=bronze,silver&ordering=-relationship__lifetime_value&page=20: > 50 -> 2.43 ms
--   tier=diamond&ordering=relationship__lifetime_value&page=20: 12.4 -> 2.20 ms
CREATE INDEX user_list_lifetime_value_key_user_id_idx ON crmbench.user_list (lifetime_value_key, user_id);

-- 21 statements faster, 244 ms p50 saved in all; 141 MB, built in 3.4 s, inserts +10.1 ms per 10,000 rows and +98 WAL bytes per row, updates of city_key +2.4 ms per 10,000 rows and +105 WAL bytes per row
--   city=london&created__gte=2020-06-19&ordering=-created&page=20: > 50 -> 1.92 ms
--   city=london&relationship__points__gte=403&ordering=-created&cursor=after-page-20: > 50 -> 1.56 ms
--   city=london&ordering=created&page=20: > 50 -> 2.03 ms
CREATE INDEX user_list_city_key_created_user_id_idx ON crmbench.user_list (city_key, created, user_id);

-- 21 statements faster, 745 ms p50 saved in all; 128 MB, built in 3.7 s, inserts +236.2 ms per 10,000 rows and +76 WAL bytes per row, updates of city_key +605.5 ms per 10,000 rows and +84 WAL bytes per row
--   city=london&ordering=relationship__points&cursor=after-page-20: > 50 -> 2.74 ms
--   city=london&relationship__points__gte=403&relationship__points__lte=403&ordering=-relationship__lifetime_value&page=20: > 50 -> 2.32 ms
--   city=london&relationship__points__gte=403&relationship__points__lte=403&ordering=last_name&page=1: > 50 -> 3.24 ms
CREATE INDEX user_list_city_key_points_user_id_idx ON crmbench.user_list (city_key, points, user_id);

-- 30 statements faster, 921 ms p50 saved in all; 141 MB, built in 8.6 s, inserts +228.1 ms per 10,000 rows and +65 WAL bytes per row, updates of city_key +66.1 ms per 10,000 rows and +96 WAL bytes per row
--   city=london&tier=bronze&ordering=relationship__lifetime_value&page=20: > 50 -> 5.43 ms
--   city=london&relationship__points__gte=403&ordering=-relationship__lifetime_value&page=20: > 50 -> 5.86 ms
--   city=london&created__gte=2020-06-19&ordering=relationship__lifetime_value&page=20: > 50 -> 4.70 ms
CREATE INDEX user_list_city_key_lifetime_value_key_user_id_idx ON crmbench.user_list (city_key, lifetime_value_key, user_id);

-- 21 statements faster, 925 ms p50 saved in all; 140 MB, built in 3.6 s, inserts +38.6 ms per 10,000 rows and +64 WAL bytes per row, updates of city_key +15.6 ms per 10,000 rows and +98 WAL bytes per row
--   city=london&ordering=last_name&page=20: > 50 -> 2.57 ms
--   city=london&relationship__points__gte=403&ordering=-last_name&page=20: > 50 -> 2.62 ms
--   city=london&tier=bronze&ordering=last_name&page=20: > 50 -> 2.18 ms
CREATE INDEX user_list_city_key_last_name_user_id_idx ON crmbench.user_list (city_key, last_name, user_id);

-- 116 statements faster, 4,814 ms p50 saved in all; 120 MB, built in 4.3 s, inserts +86.2 ms per 10,000 rows and +97 WAL bytes per row, updates of last_name_key +37.8 ms per 10,000 rows and +148 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=id&cursor=after-page-20: > 50 -> 1.06 ms
--   last_name=no-such-last_name&ordering=-created&page=1: > 50 -> 1.05 ms
--   last_name=zulauf&first_name=zoe&ordering=created&page=20: > 50 -> 2.54 ms
CREATE INDEX user_list_last_name_key_tier_key_user_id_idx ON crmbench.user_list (last_name_key, tier_key, user_id);

-- 105 statements faster, 3,591 ms p50 saved in all; 118 MB, built in 4.3 s, inserts +94.5 ms per 10,000 rows and +74 WAL bytes per row, updates of first_name_key +116.6 ms per 10,000 rows and +97 WAL bytes per row
--   last_name=smith&first_name=isaias&ordering=-last_name&page=20: > 50 -> 1.88 ms
--   last_name=smith&first_name=agustin&tier=bronze&ordering=relationship__lifetime_value&page=20: > 50 -> 1.55 ms
--   first_name=no-such-first_name&ordering=relationship__lifetime_value&page=20: > 50 -> 1.38 ms
CREATE INDEX user_list_first_name_key_tier_key_user_id_idx ON crmbench.user_list (first_name_key, tier_key, user_id);

-- 119 statements faster, 3,403 ms p50 saved in all; 121 MB, built in 5.8 s, inserts +46.3 ms per 10,000 rows and +90 WAL bytes per row, updates of last_name_key +57.3 ms per 10,000 rows and +168 WAL bytes per row
--   last_name=smith&first_name=clemencia&city=london&ordering=-relationship__lifetime_value&page=20: > 50 -> 2.09 ms
--   last_name=smith&first_name=erwin&ordering=-relationship__points&page=1: > 50 -> 5.30 ms
--   last_name=smith&first_name=clemencia&city=london&ordering=-last_name&page=1: > 50 -> 2.08 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 40 statements faster, 1,352 ms p50 saved in all; 140 MB, built in 3.9 s, inserts +45.3 ms per 10,000 rows and +103 WAL bytes per row, updates of last_name_key +60.0 ms per 10,000 rows and +175 WAL bytes per row
--   last_name=smith&city=london&ordering=last_name&page=20: > 50 -> 3.19 ms
--   last_name=smith&city=london&ordering=-created&page=20: > 50 -> 2.81 ms
--   last_name=smith&city=london&ordering=-relationship__lifetime_value&page=1: > 50 -> 3.48 ms
CREATE INDEX user_list_last_name_key_city_key_user_id_idx ON crmbench.user_list (last_name_key, city_key, user_id);

-- 40 statements faster, 1,589 ms p50 saved in all; 138 MB, built in 4.7 s, inserts +26.8 ms per 10,000 rows and +94 WAL bytes per row, updates of first_name_key +38.3 ms per 10,000 rows and +130 WAL bytes per row
--   first_name=lamar&city=london&ordering=relationship__points&page=1: > 50 -> 3.78 ms
--   first_name=lamar&city=london&ordering=id&page=1: > 50 -> 4.32 ms
--   first_name=lamar&city=london&tier=bronze&ordering=relationship__points&page=1: > 50 -> 1.82 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);

-- 6 statements faster, 174 ms p50 saved in all; 149 MB, built in 7.7 s, inserts +44.3 ms per 10,000 rows and +98 WAL bytes per row, updates of last_name_key +31.2 ms per 10,000 rows and +127 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=last_name&cursor=after-page-20: > 50 -> 1.21 ms
--   last_name=smith&tier=bronze&ordering=last_name&page=20: > 50 -> 1.23 ms
--   last_name=smith&tier=bronze&ordering=-last_name&cursor=after-page-20: > 50 -> 2.48 ms
CREATE INDEX user_list_last_name_key_tier_key_last_name_user_id_idx ON crmbench.user_list (last_name_key, tier_key, last_name, user_id);

-- 6 statements faster, 82.8 ms p50 saved in all; 146 MB, built in 5.6 s, inserts +58.3 ms per 10,000 rows and +97 WAL bytes per row, updates of last_name_key +62.3 ms per 10,000 rows and +104 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=created&page=20: > 50 -> 1.93 ms
--   last_name=smith&tier=bronze&ordering=-created&page=1: > 50 -> 1.23 ms
--   last_name=smith&tier=bronze&ordering=created&page=1: > 50 -> 1.29 ms
CREATE INDEX user_list_last_name_key_tier_key_created_user_id_idx ON crmbench.user_list (last_name_key, tier_key, created, user_id);

-- 6 statements faster, 133 ms p50 saved in all; 139 MB, built in 8.0 s, inserts +41.3 ms per 10,000 rows and +87 WAL bytes per row, updates of last_name_key +65.8 ms per 10,000 rows and +155 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=-relationship__points&cursor=after-page-20: > 50 -> 1.28 ms
--   last_name=smith&tier=bronze&ordering=relationship__points&page=1: > 50 -> 1.80 ms
--   last_name=smith&tier=bronze&ordering=-relationship__points&page=20: > 50 -> 1.31 ms
CREATE INDEX user_list_last_name_key_tier_key_points_user_id_idx ON crmbench.user_list (last_name_key, tier_key, points, user_id);

-- 6 statements faster, 109 ms p50 saved in all; 146 MB, built in 5.3 s, inserts +106.9 ms per 10,000 rows and +89 WAL bytes per row, updates of last_name_key +219.2 ms per 10,000 rows and +176 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 3.15 ms
--   last_name=smith&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: > 50 -> 2.50 ms
--   last_name=smith&tier=bronze&ordering=relationship__lifetime_value&page=1: > 50 -> 2.26 ms
CREATE INDEX user_list_last_name_key_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (last_name_key, tier_key, lifetime_value_key, user_id);

-- 6 statements faster, 139 ms p50 saved in all; 145 MB, built in 9.3 s, inserts +151.1 ms per 10,000 rows and +88 WAL bytes per row, updates of first_name_key +253.7 ms per 10,000 rows and +115 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=last_name&cursor=after-page-20: > 50 -> 16.8 ms
--   first_name=lamar&tier=bronze&ordering=last_name&page=20: > 50 -> 1.52 ms
--   first_name=lamar&tier=bronze&ordering=-last_name&page=1: > 50 -> 3.03 ms
CREATE INDEX user_list_first_name_key_tier_key_last_name_user_id_idx ON crmbench.user_list (first_name_key, tier_key, last_name, user_id);

-- 6 statements faster, 53.2 ms p50 saved in all; 144 MB, built in 4.3 s, inserts +36.8 ms per 10,000 rows and +99 WAL bytes per row, updates of first_name_key +32.2 ms per 10,000 rows and +101 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=-created&page=20: > 50 -> 1.44 ms
--   first_name=lamar&tier=bronze&ordering=created&page=1: > 50 -> 1.21 ms
--   first_name=lamar&tier=bronze&ordering=created&cursor=after-page-20: > 50 -> 1.24 ms
CREATE INDEX user_list_first_name_key_tier_key_created_user_id_idx ON crmbench.user_list (first_name_key, tier_key, created, user_id);

-- 6 statements faster, 179 ms p50 saved in all; 137 MB, built in 4.1 s, inserts +42.0 ms per 10,000 rows and +94 WAL bytes per row, updates of first_name_key +42.6 ms per 10,000 rows and +93 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=relationship__points&page=1: > 50 -> 1.27 ms
--   first_name=lamar&tier=bronze&ordering=-relationship__points&cursor=after-page-20: > 50 -> 1.17 ms
--   first_name=lamar&tier=bronze&ordering=-relationship__points&page=1: > 50 -> 1.23 ms
CREATE INDEX user_list_first_name_key_tier_key_points_user_id_idx ON crmbench.user_list (first_name_key, tier_key, points, user_id);

-- 6 statements faster, 161 ms p50 saved in all; 144 MB, built in 3.8 s, inserts +40.5 ms per 10,000 rows and +97 WAL bytes per row, updates of first_name_key +38.3 ms per 10,000 rows and +122 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=relationship__lifetime_value&page=1: > 50 -> 1.31 ms
--   first_name=lamar&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.17 ms
--   first_name=lamar&tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.24 ms
CREATE INDEX user_list_first_name_key_tier_key_lifetime_value_k_a663784b_idx ON crmbench.user_list (first_name_key, tier_key, lifetime_value_key, user_id);

-- 1 statements faster, 48.4 ms p50 saved in all; 137 MB, built in 3.8 s, inserts +37.6 ms per 10,000 rows and +102 WAL bytes per row, updates of last_name_key +47.1 ms per 10,000 rows and +183 WAL bytes per row
--   last_name=smith&first_name=erwin&ordering=relationship__points&page=20: > 50 -> 1.64 ms
CREATE INDEX user_list_last_name_key_first_name_key_points_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, points, user_id);
