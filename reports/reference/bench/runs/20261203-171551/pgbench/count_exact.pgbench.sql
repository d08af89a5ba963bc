-- crmbench bench scenario count_exact: SELECT count(*) of all users
select count(*) from "crmbench"."user_list" where true;
