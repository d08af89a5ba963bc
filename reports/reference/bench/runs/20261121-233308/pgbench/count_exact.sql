-- crmbench bench scenario count_exact: SELECT count(*) of all users
select count(*) from "crmbench"."app_user" where true;
