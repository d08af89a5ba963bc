-- crmbench advise, run 20261205-031549 (2026-12-05T03:15:49Z), 3,000,000 rows in crmbench.user_list
-- workload: the list API's surface (bench --surface, page size 50), 1700 statements
-- measured: up to 5 executions after up to 5 warm-up per statement and state (one when the first is over 1.5x the target); cap 50 ms; 65 candidates; 8 min 52 s
-- p50 at or under the target (10 ms; 25 ms for pages over 50 rows): 186 of 1700 statements before, 1420 of 1700 with these indexes built together
-- 23 indexes, 3,094 MB; measure them: crmbench bench --surface --index-sets baseline,THIS_FILE.sql

-- 78 statements faster, 3,471 ms p50 saved in all; 272 MB, built in 48.1 s, inserts +131.5 ms per 10,000 rows and +769 WAL bytes per row, updates of first_name +133.8 ms per 10,000 rows and +879 WAL bytes per row
--   search=lamar smi&ordering=relationship__points&page=1: > 50 -> 10.5 ms
--   search=lamar smi&ordering=-relationship__lifetime_value&page=20: > 50 -> 7.84 ms
--   search=zzqx&ordering=created&page=1: > 50 -> 1.84 ms
CREATE INDEX user_list_lower_first_name_last_name_email_city_trgm_idx ON crmbench.user_list USING gin ((lower((((((((first_name)::text || ' '::text) || (last_name)::text) || ' '::text) || (email)::text) || ' '::text) || (city)::text))) gin_trgm_ops);

-- 254 statements faster, 11,195 ms p50 saved in all; 116 MB, built in 3.8 s, inserts +19.1 ms per 10,000 rows and +82 WAL bytes per row, updates of city_key -42.7 ms per 10,000 rows and +102 WAL bytes per row
--   city=starkview&ordering=-relationship__points&page=20: > 50 -> 2.32 ms
--   first_name=zoraida&city=zulauftown&tier=silver&ordering=-created&page=20: > 50 -> 1.39 ms
--   first_name=zoraida&city=ziemeshire&ordering=created&page=20: > 50 -> 1.76 ms
CREATE INDEX user_list_city_key_user_id_idx ON crmbench.user_list (city_key, user_id);

-- 63 statements faster, 2,676 ms p50 saved in all; 98 MB, built in 4.2 s, inserts +68.9 ms per 10,000 rows and +75 WAL bytes per row, updates of last_name +34.1 ms per 10,000 rows and +80 WAL bytes per row
--   city__in=london,new york,berlin&ordering=last_name&page=1: > 50 -> 2.16 ms
--   city=london&relationship__points__gte=403&ordering=last_name&page=1: > 50 -> 3.91 ms
--   tier=diamond&ordering=last_name&page=1: 33.4 -> 1.21 ms
CREATE INDEX user_list_last_name_user_id_idx ON crmbench.user_list (last_name, user_id);

-- 138 statements faster, 6,379 ms p50 saved in all; 90 MB, built in 1.5 s, inserts +15.8 ms per 10,000 rows and +81 WAL bytes per row, updates of created +27.6 ms per 10,000 rows and +85 WAL bytes per row
--   tier=bronze&ordering=-created&cursor=after-page-20: > 50 -> 1.72 ms
--   city=london&ordering=created&page=1: > 50 -> 2.09 ms
--   created__gte=2025-12-08&ordering=-relationship__lifetime_value&page=1: > 50 -> 1.12 ms
CREATE INDEX user_list_created_user_id_idx ON crmbench.user_list (created, user_id);

-- 139 statements faster, 6,273 ms p50 saved in all; 90 MB, built in 2.4 s, inserts +34.2 ms per 10,000 rows and +73 WAL bytes per row, updates of points +32.4 ms per 10,000 rows and +84 WAL bytes per row
--   relationship__points__gte=403&relationship__points__lte=403&ordering=last_name&page=1: > 50 -> 5.76 ms
--   city=london&relationship__points__gte=467320&ordering=relationship__points&page=1: > 50 -> 1.29 ms
--   tier=bronze&ordering=-relationship__points&cursor=after-page-20: > 50 -> 1.16 ms
CREATE INDEX user_list_points_user_id_idx ON crmbench.user_list (points, user_id);

-- 136 statements faster, 6,073 ms p50 saved in all; 90 MB, built in 3.3 s, inserts +57.6 ms per 10,000 rows and +72 WAL bytes per row, updates of lifetime_value_key +36.9 ms per 10,000 rows and +83 WAL bytes per row
--   tier=diamond&ordering=relationship__lifetime_value&page=1: 14.8 -> 1.22 ms
--   tier__in=bronze,silver&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.96 ms
--   tier=diamond&ordering=relationship__lifetime_value&page=20: 14.2 -> 1.64 ms
CREATE INDEX user_list_lifetime_value_key_user_id_idx ON crmbench.user_list (lifetime_value_key, user_id);

-- 17 statements faster, 230 ms p50 saved in all; 141 MB, built in 4.4 s, inserts +20.2 ms per 10,000 rows and +105 WAL bytes per row, updates of city_key -42.2 ms per 10,000 rows and +108 WAL bytes per row
--   city=london&created__gte=2020-06-19&created__lte=2020-06-19&ordering=-created&page=20: > 50 -> 1.37 ms
--   city=london&created__gte=2020-06-19&ordering=-created&page=20: > 50 -> 2.24 ms
--   city=london&ordering=created&page=20: > 50 -> 2.43 ms
CREATE INDEX user_list_city_key_created_user_id_idx ON crmbench.user_list (city_key, created, user_id);

-- 37 statements faster, 678 ms p50 saved in all; 128 MB, built in 4.4 s, inserts +65.6 ms per 10,000 rows and +84 WAL bytes per row, updates of city_key -37.6 ms per 10,000 rows and +93 WAL bytes per row
--   city=london&relationship__points__gte=403&relationship__points__lte=403&ordering=-id&page=1: > 50 -> 2.59 ms
--   city=london&relationship__points__gte=403&relationship__points__lte=403&ordering=created&page=20: > 50 -> 1.69 ms
--   city=london&relationship__points__gte=403&relationship__points__lte=403&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.72 ms
CREATE INDEX user_list_city_key_points_user_id_idx ON crmbench.user_list (city_key, points, user_id);

-- 38 statements faster, 828 ms p50 saved in all; 141 MB, built in 4.7 s, inserts +124.3 ms per 10,000 rows and +88 WAL bytes per row, updates of city_key +211.2 ms per 10,000 rows and +101 WAL bytes per row
--   city=london&tier=bronze&ordering=relationship__lifetime_value&page=20: > 50 -> 2.46 ms
--   city=london&relationship__lifetime_value__gte=363.45&relationship__lifetime_value__lte=364.45&ordering=-relationship__lifetime_value&page=1: > 50 -> 2.32 ms
--   city=london&search=smi&ordering=-relationship__lifetime_value&page=1: > 50 -> 7.13 ms
CREATE INDEX user_list_city_key_lifetime_value_key_user_id_idx ON crmbench.user_list (city_key, lifetime_value_key, user_id);

-- 20 statements faster, 765 ms p50 saved in all; 140 MB, built in 3.8 s, inserts +12.3 ms per 10,000 rows and +87 WAL bytes per row, updates of city_key -41.4 ms per 10,000 rows and +106 WAL bytes per row
--   city=london&ordering=last_name&page=20: > 50 -> 4.08 ms
--   city=london&relationship__points__gte=403&ordering=-last_name&page=20: > 50 -> 2.40 ms
--   city=london&tier=bronze&ordering=last_name&page=20: > 50 -> 1.85 ms
CREATE INDEX user_list_city_key_last_name_user_id_idx ON crmbench.user_list (city_key, last_name, user_id);

-- 122 statements faster, 4,502 ms p50 saved in all; 120 MB, built in 4.1 s, inserts +30.6 ms per 10,000 rows and +82 WAL bytes per row, updates of last_name_key +31.2 ms per 10,000 rows and +93 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=id&cursor=after-page-20: 3.72 -> 1.06 ms
--   last_name=no-such-last_name&ordering=-created&page=1: > 50 -> 1.09 ms
--   last_name=zulauf&first_name=zoe&ordering=created&page=20: > 50 -> 2.75 ms
CREATE INDEX user_list_last_name_key_tier_key_user_id_idx ON crmbench.user_list (last_name_key, tier_key, user_id);

-- 112 statements faster, 3,439 ms p50 saved in all; 118 MB, built in 3.9 s, inserts +28.2 ms per 10,000 rows and +82 WAL bytes per row, updates of first_name_key +24.4 ms per 10,000 rows and +105 WAL bytes per row
--   first_name=lamar&ordering=relationship__points&cursor=after-page-20: > 50 -> 39.0 ms
--   last_name=smith&first_name=isaias&ordering=-last_name&page=20: > 50 -> 1.34 ms
--   last_name=smith&first_name=agustin&tier=bronze&ordering=relationship__lifetime_value&page=20: > 50 -> 0.936 ms
CREATE INDEX user_list_first_name_key_tier_key_user_id_idx ON crmbench.user_list (first_name_key, tier_key, user_id);

-- 120 statements faster, 2,386 ms p50 saved in all; 121 MB, built in 3.5 s, inserts +40.3 ms per 10,000 rows and +90 WAL bytes per row, updates of last_name_key +49.0 ms per 10,000 rows and +168 WAL bytes per row
--   last_name=smith&first_name=clemencia&city=london&ordering=-relationship__lifetime_value&page=20: > 50 -> 1.44 ms
--   last_name=smith&first_name=erwin&ordering=-relationship__points&page=1: > 50 -> 1.82 ms
--   last_name=smith&first_name=clemencia&city=london&ordering=-last_name&page=1: > 50 -> 1.57 ms
CREATE INDEX user_list_last_name_key_first_name_key_user_id_idx ON crmbench.user_list (last_name_key, first_name_key, user_id);

-- 40 statements faster, 903 ms p50 saved in all; 140 MB, built in 3.7 s, inserts +36.3 ms per 10,000 rows and +103 WAL bytes per row, updates of last_name_key +43.2 ms per 10,000 rows and +175 WAL bytes per row
--   last_name=smith&city=london&ordering=last_name&page=20: > 50 -> 2.01 ms
--   last_name=smith&city=london&ordering=-created&page=20: > 50 -> 1.85 ms
--   last_name=smith&city=london&ordering=-relationship__lifetime_value&page=1: > 50 -> 2.24 ms
CREATE INDEX user_list_last_name_key_city_key_user_id_idx ON crmbench.user_list (last_name_key, city_key, user_id);

-- 40 statements faster, 1,162 ms p50 saved in all; 138 MB, built in 3.3 s, inserts +62.7 ms per 10,000 rows and +103 WAL bytes per row, updates of first_name_key +35.2 ms per 10,000 rows and +129 WAL bytes per row
--   first_name=lamar&city=london&ordering=relationship__points&page=1: > 50 -> 2.24 ms
--   first_name=lamar&city=london&ordering=id&page=1: > 50 -> 2.37 ms
--   first_name=lamar&city=london&tier=bronze&ordering=relationship__points&page=1: > 50 -> 1.48 ms
CREATE INDEX user_list_first_name_key_city_key_user_id_idx ON crmbench.user_list (first_name_key, city_key, user_id);

-- 6 statements faster, 129 ms p50 saved in all; 149 MB, built in 4.9 s, inserts +33.3 ms per 10,000 rows and +92 WAL bytes per row, updates of last_name_key +32.2 ms per 10,000 rows and +136 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=last_name&cursor=after-page-20: > 50 -> 1.19 ms
--   last_name=smith&tier=bronze&ordering=last_name&page=20: > 50 -> 1.20 ms
--   last_name=smith&tier=bronze&ordering=-last_name&cursor=after-page-20: > 50 -> 1.19 ms
CREATE INDEX user_list_last_name_key_tier_key_last_name_user_id_idx ON crmbench.user_list (last_name_key, tier_key, last_name, user_id);

-- 7 statements faster, 66.9 ms p50 saved in all; 146 MB, built in 4.5 s, inserts +95.3 ms per 10,000 rows and +97 WAL bytes per row, updates of last_name_key +138.5 ms per 10,000 rows and +136 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=created&page=20: > 50 -> 1.25 ms
--   last_name=smith&tier=bronze&ordering=-created&page=1: > 50 -> 1.14 ms
--   last_name=smith&tier=bronze&ordering=created&page=1: > 50 -> 1.15 ms
CREATE INDEX user_list_last_name_key_tier_key_created_user_id_idx ON crmbench.user_list (last_name_key, tier_key, created, user_id);

-- 6 statements faster, 71.0 ms p50 saved in all; 139 MB, built in 6.5 s, inserts +94.0 ms per 10,000 rows and +103 WAL bytes per row, updates of last_name_key +213.5 ms per 10,000 rows and +163 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=-relationship__points&cursor=after-page-20: > 50 -> 1.61 ms
--   last_name=smith&tier=bronze&ordering=relationship__points&page=1: > 50 -> 1.23 ms
--   last_name=smith&tier=bronze&ordering=-relationship__points&page=20: > 50 -> 1.72 ms
CREATE INDEX user_list_last_name_key_tier_key_points_user_id_idx ON crmbench.user_list (last_name_key, tier_key, points, user_id);

-- 6 statements faster, 96.2 ms p50 saved in all; 146 MB, built in 4.1 s, inserts +34.6 ms per 10,000 rows and +97 WAL bytes per row, updates of last_name_key +46.8 ms per 10,000 rows and +168 WAL bytes per row
--   last_name=smith&tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.21 ms
--   last_name=smith&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.17 ms
--   last_name=smith&tier=bronze&ordering=relationship__lifetime_value&page=1: > 50 -> 1.22 ms
CREATE INDEX user_list_last_name_key_tier_key_lifetime_value_key_user_id_idx ON crmbench.user_list (last_name_key, tier_key, lifetime_value_key, user_id);

-- 6 statements faster, 107 ms p50 saved in all; 145 MB, built in 4.1 s, inserts +35.0 ms per 10,000 rows and +97 WAL bytes per row, updates of first_name_key +37.9 ms per 10,000 rows and +123 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=last_name&cursor=after-page-20: > 50 -> 1.31 ms
--   first_name=lamar&tier=bronze&ordering=last_name&page=20: > 50 -> 1.32 ms
--   first_name=lamar&tier=bronze&ordering=-last_name&page=1: > 50 -> 1.27 ms
CREATE INDEX user_list_first_name_key_tier_key_last_name_user_id_idx ON crmbench.user_list (first_name_key, tier_key, last_name, user_id);

-- 3 statements faster, 66.5 ms p50 saved in all; 144 MB, built in 3.9 s, inserts +45.2 ms per 10,000 rows and +109 WAL bytes per row, updates of first_name_key +38.0 ms per 10,000 rows and +109 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=-created&page=20: > 50 -> 1.27 ms
--   first_name=lamar&tier=bronze&ordering=created&cursor=after-page-20: > 50 -> 1.31 ms
--   first_name=lamar&tier=bronze&ordering=created&page=20: > 50 -> 1.33 ms
CREATE INDEX user_list_first_name_key_tier_key_created_user_id_idx ON crmbench.user_list (first_name_key, tier_key, created, user_id);

-- 6 statements faster, 105 ms p50 saved in all; 137 MB, built in 4.0 s, inserts +51.5 ms per 10,000 rows and +103 WAL bytes per row, updates of first_name_key +40.5 ms per 10,000 rows and +100 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=relationship__points&page=1: > 50 -> 1.37 ms
--   first_name=lamar&tier=bronze&ordering=-relationship__points&cursor=after-page-20: > 50 -> 1.24 ms
--   first_name=lamar&tier=bronze&ordering=-relationship__points&page=1: > 50 -> 1.24 ms
CREATE INDEX user_list_first_name_key_tier_key_points_user_id_idx ON crmbench.user_list (first_name_key, tier_key, points, user_id);

-- 6 statements faster, 107 ms p50 saved in all; 144 MB, built in 4.0 s, inserts +44.2 ms per 10,000 rows and +105 WAL bytes per row, updates of first_name_key +43.4 ms per 10,000 rows and +122 WAL bytes per row
--   first_name=lamar&tier=bronze&ordering=relationship__lifetime_value&page=1: > 50 -> 1.84 ms
--   first_name=lamar&tier=bronze&ordering=-relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.20 ms
--   first_name=lamar&tier=bronze&ordering=relationship__lifetime_value&cursor=after-page-20: > 50 -> 1.50 ms
CREATE INDEX user_list_first_name_key_tier_key_lifetime_value_k_a663784b_idx ON crmbench.user_list (first_name_key, tier_key, lifetime_value_key, user_id);
