-- Secondary indexes: the "indexed" state. Dropping exactly these gives the "baseline" state.
-- The seed project's set (last_name, first_name, city, points, (customer_id, created DESC)),
-- written for the queries crmbench runs: filters are case-insensitive, so they index lower(...).

CREATE INDEX app_user_last_name_idx ON crmbench.app_user (lower(last_name), id);
CREATE INDEX app_user_first_name_idx ON crmbench.app_user (lower(first_name), id);
CREATE INDEX address_city_idx ON crmbench.address (lower(city), user_id);
CREATE INDEX customer_relationship_points_idx ON crmbench.customer_relationship (points DESC, user_id);
CREATE INDEX app_user_customer_created_idx ON crmbench.app_user (customer_id, created DESC);
