#!/usr/bin/env bash
# What the statistics target of the search index's expression changes, at the dataset in the
# embedded database (`crmbench generate --n 3000000`, default set). The planner estimates a search
# term's rows by matching the pattern against the expression's histogram (default 100 entries); a
# term on ~1% of the rows meets one entry or none, and the estimate falls to a guess. For each
# target: how long ANALYZE of the read table takes (generate pays it once), each term's estimated
# and actual rows per tier partition, and the time of search pages with the commonest city and at
# page 20 (the list statement's inner query, median of 3 after a warm-up).
# The target is put back to the default at the end (and the table analyzed again).
#
#   scripts/search-statistics.sh [TARGET...]      (default 100 1000)
# Output: reports/search-statistics.txt
set -euo pipefail
cd "$(dirname "$0")/.."
targets=("${@:-100 1000}")
read -r -a targets <<<"${targets[*]}"
for t in "${targets[@]}"; do
  case $t in *[!0-9]*|'') echo "TARGET: a whole number from 1 to 10000, not '$t'" >&2; exit 2 ;; esac
done
out=reports/search-statistics.txt
command -v psql >/dev/null || { echo "psql is needed (apt install postgresql-client)" >&2; exit 1; }
. scripts/find-jdk.sh
./crmbench db start >/dev/null
url=$(./crmbench db status --url)
q() { psql "$url" -v ON_ERROR_STOP=1 -qAtX "$@"; }
text="lower(first_name || ' ' || last_name || ' ' || email || ' ' || city)"
indexes=$(q -c "select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid join pg_opclass o on o.oid = i.indclass[0]
  join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'crmbench' and c.relkind = 'i' and o.opcname = 'gin_trgm_ops' order by 1")
[ -n "$indexes" ] || { echo "the search index is missing: run crmbench generate (default index set) first" >&2; exit 1; }
set_target() { # $1 = target (-1: the default)
  for i in $indexes; do q -c "alter index crmbench.$i alter column 1 set statistics $1"; done
}
restore() { set_target -1 >/dev/null 2>&1 && q -c "analyze crmbench.user_list" >/dev/null 2>&1 || true; }
trap restore EXIT
common=$(q -c "select last_name_key from crmbench.user_list group by 1 order by count(*) desc, 1 limit 1")
terms=("${common:0:3}" conn)
city=$(q -c "select city_key from crmbench.user_list group by 1 order by count(*) desc, 1 limit 1")

median_ms() { # $1 = statement: the median of 3 executions' time after a warm-up (no parallel workers)
  local i t
  for i in 0 1 2 3; do
    t=$(q -c "set max_parallel_workers_per_gather = 0" -c "explain (analyze, format json) $1" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])')
    if [ "$i" -gt 0 ]; then echo "$t"; fi
  done | sort -g | sed -n 2p
}
estimates() { # $1 = term: estimated / actual matching rows per partition
  q -c "explain (analyze, format json) select 1 from crmbench.user_list where $text like '%$1%'" | python3 -c '
import json, sys
def walk(n, out):
    if n["Node Type"] == "Bitmap Heap Scan" or n["Node Type"] == "Seq Scan":
        out.append("%s %d/%d" % (n["Relation Name"].replace("user_list_", ""), n["Plan Rows"], n["Actual Rows"] * n["Actual Loops"]))
    for c in n.get("Plans", []): walk(c, out)
out = []; walk(json.load(sys.stdin)[0]["Plan"], out); print(", ".join(out))'
}
inner() { # $1 = term, $2 = extra condition, $3 = order, $4 = offset: the page's inner query
  echo "select user_id, tier_key from crmbench.user_list where $text like '%$1%' $2 order by $3 limit 50 offset $4"
}

{
  echo "# the search expression's statistics target — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; embedded PostgreSQL $(q -c 'show server_version')"
  echo "command: scripts/search-statistics.sh ${targets[*]}; $(q -c 'select count(*) from crmbench.user_list') users; terms ${terms[*]}; city $city"
  for t in "${targets[@]}"; do
    set_target "$t"
    start=$(date +%s.%N); q -c "analyze crmbench.user_list"; end=$(date +%s.%N)
    echo
    echo "## statistics target $t: ANALYZE crmbench.user_list $(printf '%.1f' "$(echo "$end - $start" | bc -l)") s"
    for term in "${terms[@]}"; do
      echo "estimated/actual rows of '$term': $(estimates "$term")"
    done
    for term in "${terms[@]}"; do
      for order in "user_id" "last_name, user_id"; do
        printf '  %-58s %9.1f ms\n' "search=$term&city=$city by ${order%%,*}, page 1" \
          "$(median_ms "$(inner "$term" "and city_key = '$city'" "$order" 0)")"
      done
      printf '  %-58s %9.1f ms\n' "search=$term by last_name, page 20" "$(median_ms "$(inner "$term" "" "last_name, user_id" 950)")"
    done
  done
  echo
  echo "Median of 3 executions after a warm-up, no parallel workers; the inner query of the list statement"
  echo "(the page's keys; the API then reads the page's 50 rows by key, and may count the matches)."
  echo "estimated/actual: the planner's rows against the rows found, per tier partition."
} | tee "$out"
