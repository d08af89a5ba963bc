-- The "tuned" set (first draft, to be measured).
-- Every list request sorts and limits on the read table user_list: an index (filter keys..., sort
-- key, user_id) answers "filter, then sort" as one range scan, read forwards or backwards for the
-- two directions, and serves the keyset cursor (sort key, user_id) > (value, id) too.

-- no filter, by each sort key (by id: the primary key)
CREATE INDEX user_list_last_name_idx ON crmbench.user_list (last_name, user_id);
CREATE INDEX user_list_created_idx ON crmbench.user_list (created, user_id);
CREATE INDEX user_list_points_idx ON crmbench.user_list (points, user_id);
CREATE INDEX user_list_lifetime_value_idx ON crmbench.user_list (lifetime_value_key, user_id);

-- last_name
CREATE INDEX user_list_ln_id_idx ON crmbench.user_list (last_name_key, user_id);
CREATE INDEX user_list_ln_last_name_idx ON crmbench.user_list (last_name_key, last_name, user_id);
CREATE INDEX user_list_ln_created_idx ON crmbench.user_list (last_name_key, created, user_id);
CREATE INDEX user_list_ln_points_idx ON crmbench.user_list (last_name_key, points, user_id);
CREATE INDEX user_list_ln_lifetime_value_idx ON crmbench.user_list (last_name_key, lifetime_value_key, user_id);

-- first_name
CREATE INDEX user_list_fn_id_idx ON crmbench.user_list (first_name_key, user_id);
CREATE INDEX user_list_fn_last_name_idx ON crmbench.user_list (first_name_key, last_name, user_id);
CREATE INDEX user_list_fn_created_idx ON crmbench.user_list (first_name_key, created, user_id);
CREATE INDEX user_list_fn_points_idx ON crmbench.user_list (first_name_key, points, user_id);
CREATE INDEX user_list_fn_lifetime_value_idx ON crmbench.user_list (first_name_key, lifetime_value_key, user_id);

-- city
CREATE INDEX user_list_city_id_idx ON crmbench.user_list (city_key, user_id);
CREATE INDEX user_list_city_last_name_idx ON crmbench.user_list (city_key, last_name, user_id);
CREATE INDEX user_list_city_created_idx ON crmbench.user_list (city_key, created, user_id);
CREATE INDEX user_list_city_points_idx ON crmbench.user_list (city_key, points, user_id);
CREATE INDEX user_list_city_lifetime_value_idx ON crmbench.user_list (city_key, lifetime_value_key, user_id);

-- tier
CREATE INDEX user_list_tier_id_idx ON crmbench.user_list (tier_key, user_id);
CREATE INDEX user_list_tier_last_name_idx ON crmbench.user_list (tier_key, last_name, user_id);
CREATE INDEX user_list_tier_created_idx ON crmbench.user_list (tier_key, created, user_id);
CREATE INDEX user_list_tier_points_idx ON crmbench.user_list (tier_key, points, user_id);
CREATE INDEX user_list_tier_lifetime_value_idx ON crmbench.user_list (tier_key, lifetime_value_key, user_id);

-- last_name + city: the pair is small (at most a few hundred users), so one index finds it and a
-- sort of those rows serves every ordering
CREATE INDEX user_list_ln_city_idx ON crmbench.user_list (last_name_key, city_key, user_id);

-- city + tier
CREATE INDEX user_list_city_tier_id_idx ON crmbench.user_list (city_key, tier_key, user_id);
CREATE INDEX user_list_city_tier_last_name_idx ON crmbench.user_list (city_key, tier_key, last_name, user_id);
CREATE INDEX user_list_city_tier_created_idx ON crmbench.user_list (city_key, tier_key, created, user_id);
CREATE INDEX user_list_city_tier_points_idx ON crmbench.user_list (city_key, tier_key, points, user_id);
CREATE INDEX user_list_city_tier_lifetime_value_idx ON crmbench.user_list (city_key, tier_key, lifetime_value_key, user_id);
