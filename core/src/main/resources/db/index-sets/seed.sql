-- The "seed" set: the original Django project's indexes (last_name, first_name, city, points,
-- (customer_id, created DESC)), one column each, on the columns the list query reads today: the
-- read table's lower-cased filter keys and sort keys. The last one is kept as it was, on app_user:
-- no request of the API filters or sorts by customer_id, which is what measuring it shows.

CREATE INDEX user_list_seed_last_name_idx ON crmbench.user_list (last_name_key);
CREATE INDEX user_list_seed_first_name_idx ON crmbench.user_list (first_name_key);
CREATE INDEX user_list_seed_city_idx ON crmbench.user_list (city_key);
CREATE INDEX user_list_seed_points_idx ON crmbench.user_list (points);
CREATE INDEX app_user_seed_customer_created_idx ON crmbench.app_user (customer_id, created DESC);
