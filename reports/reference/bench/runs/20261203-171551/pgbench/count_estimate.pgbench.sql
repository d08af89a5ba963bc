-- crmbench bench scenario count_estimate: the planner's row estimate of all users
select reltuples::bigint from pg_class where oid = 'crmbench.user_list'::regclass;
