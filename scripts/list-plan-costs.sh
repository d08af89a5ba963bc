#!/usr/bin/env bash
# What two design choices of the list's deepest pages cost, on the dataset in the embedded
# database (crmbench generate --n 3000000 for the committed figures), each measured with pgbench
# (one client, the same statement again and again), in turn, for each round:
#   1. parallel workers: the inner sort of a deep page (page 20) of the commonest first name at
#      page_size 50 and 500, with max_parallel_workers_per_gather 2 (PostgreSQL's default) and 0
#      (what crmbench's pool sets, Database.SERIAL_PLANS);
#   2. the sort key's type, and an index in its order: page 20 at page_size 500 (rows 9,501 to
#      10,000) of the commonest city's rows by lifetime value, sorted as a numeric (the column), as a
#      bigint in cents (lifetime_value_key, what the list sorts on), and read in order from an index
#      on (lifetime_value_key, user_id) (what lean's big-city indexes give), all from a scratch copy
#      of those rows, so that the three read the same rows.
#
#   scripts/list-plan-costs.sh [TRANSACTIONS] [ROUNDS]     (defaults: 200 2)
# Output: reports/list-plan-costs.txt
set -euo pipefail
cd "$(dirname "$0")/.."
transactions=${1:-200}
rounds=${2:-2}
./crmbench db start >/dev/null
url=$(./crmbench db status --url)
work=$(mktemp -d /tmp/crmbench-plan-costs.XXXXXX)
cleanup() {
  set +e
  psql -X -q "$url" -c "drop table if exists public.crmbench_sort_cost" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

users=$(psql -X -At "$url" -c "select count(*) from crmbench.user_list")
name=$(psql -X -At "$url" -c "select first_name_key from crmbench.user_list group by 1 order by count(*) desc limit 1")
city=$(psql -X -At "$url" -c "select city_key from crmbench.user_list group by 1 order by count(*) desc limit 1")
psql -X -q "$url" -c "set client_min_messages = warning" -c "drop table if exists public.crmbench_sort_cost" \
  -c "create table public.crmbench_sort_cost as select user_id, lifetime_value, lifetime_value_key
      from crmbench.user_list where city_key = '$city'" \
  -c "vacuum analyze public.crmbench_sort_cost" >/dev/null

page() { # $1 = filter column, $2 = value, $3 = page size: the inner select of page 20
  echo "select user_id, tier_key from crmbench.user_list where $1 = '$2'
        order by lifetime_value_key desc, user_id desc offset $((19 * $3)) limit $3;"
}
page first_name_key "$name" 50 >"$work/name-50.sql"
page first_name_key "$name" 500 >"$work/name-500.sql"
echo "select user_id from public.crmbench_sort_cost order by lifetime_value desc, user_id desc
      offset 9500 limit 500;" >"$work/numeric.sql"
echo "select user_id from public.crmbench_sort_cost order by lifetime_value_key desc, user_id desc
      offset 9500 limit 500;" >"$work/bigint.sql"

latency() { # $1 = script, $2 = workers per gather
  PGOPTIONS="-c max_parallel_workers_per_gather=$2" \
    pgbench -n -c 1 -t "$transactions" -f "$1" "$url" 2>/dev/null | awk '/latency average/ {print $4}'
}
{
  echo "# deep list pages: parallel workers and the sort key's type, $users users — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); pgbench -c 1 -t $transactions per cell, ms per statement"
  echo
  printf "%-58s %6s %10s %10s\n" "statement" "round" "workers 2" "workers 0"
  for round in $(seq "$rounds"); do
    for s in name-50 name-500; do
      label="first_name=$name by -lifetime value, page 20 of ${s#name-}"
      printf "%-58s %6s %10s %10s\n" "$label" "$round" "$(latency "$work/$s.sql" 2)" "$(latency "$work/$s.sql" 0)"
    done
  done
  echo
  printf "%-58s %6s %10s %10s %10s\n" "city=$city by -lifetime value, page 20 of 500" "round" "numeric" "bigint" "in order"
  for round in $(seq "$rounds"); do
    numeric=$(latency "$work/numeric.sql" 0)
    bigint=$(latency "$work/bigint.sql" 0)
    psql -X -q "$url" -c "create index crmbench_sort_cost_idx on public.crmbench_sort_cost (lifetime_value_key, user_id)"
    printf "%-58s %6s %10s %10s %10s\n" "" "$round" "$numeric" "$bigint" "$(latency "$work/bigint.sql" 0)"
    psql -X -q "$url" -c "drop index public.crmbench_sort_cost_idx"
  done
  echo
  echo "workers 2 / 0: max_parallel_workers_per_gather for the session; numeric: sorted on"
  echo "lifetime_value (numeric(14,2)); bigint: sorted on lifetime_value_key (the same amount in"
  echo "cents); in order: read from an index on (lifetime_value_key, user_id), no sort."
} | tee reports/list-plan-costs.txt
