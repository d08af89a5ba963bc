#!/usr/bin/env bash
# What a deep page of a common search term costs, and what each way of storing the search text
# would buy, at the dataset in the embedded database (`crmbench generate --n 3000000`, default set).
# Issue 24 asks p50 <= 20 ms for every search combination; page 20 of a term matching ~1% of users
# needs its first 1,000 matches in the page's order, and this measures the ways PostgreSQL can find
# them:
#   1. the heap's own pace: a sequential count of user_list (time per 1,000 heap pages);
#   2. page 20 as the planner plans it, then with the trigram bitmap forced (every match fetched
#      from the table and rechecked, then sorted);
#   3. the same on a narrow copy holding the search text as a column (no lower(concat) per recheck),
#      first in id order as generate loads it, then ordered by last name (a surname's matches
#      packed on fewer pages);
#   4. a B-tree on the sort key that INCLUDEs the text: walked in order, each entry checked inside
#      the index (no table access), and what that index costs in MB.
# The copies live in a schema of their own, dropped at the end. No parallel workers (serve's pool
# runs one statement per connection). Each figure is the median of 3 executions after one warm-up.
#
#   scripts/search-limits.sh [TERM]      (default conn)
# Output: reports/search-limits.txt
set -euo pipefail
cd "$(dirname "$0")/.."
term=${1:-conn}
case $term in *[!a-z]*|'') echo "TERM: lower-case letters only (it is put into SQL as is)" >&2; exit 2 ;; esac
out=reports/search-limits.txt
command -v psql >/dev/null || { echo "psql is needed (apt install postgresql-client)" >&2; exit 1; }
. scripts/find-jdk.sh
./crmbench db start >/dev/null
url=$(./crmbench db status --url)
probe=crmbench_search_probe
q() { psql "$url" -v ON_ERROR_STOP=1 -qAtX "$@"; }
cleanup() { q -c "drop schema if exists $probe cascade" >/dev/null 2>&1 || true; }
trap cleanup EXIT

if [ "$(q -c "select count(*) from pg_indexes where schemaname = 'crmbench' and indexname = 'user_list_search_idx'")" != 1 ]; then
  echo "the search index is missing: run crmbench generate (default index set) first" >&2; exit 1
fi
text="lower(first_name || ' ' || last_name || ' ' || email || ' ' || city)"
like="'%$term%'"

median_ms() { # $1 = settings, $2 = statement: the median of 3 executions' time, after a warm-up
  local times=()
  for i in 0 1 2 3; do
    local t
    t=$(q -c "set max_parallel_workers_per_gather = 0; $1" -c "explain (analyze, format json) $2" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])')
    [ "$i" -gt 0 ] && times+=("$t")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n 2p
}
shape() { # $1 = settings, $2 = statement: the plan's scans, with rows, heap blocks and rows filtered out
  q -c "set max_parallel_workers_per_gather = 0; $1" -c "explain (analyze, format json) $2" | python3 -c '
import json, sys
def walk(n, out):
    if "Scan" in n["Node Type"]:
        bits = [n["Node Type"] + (" on " + n["Index Name"] if "Index Name" in n else "")]
        bits.append("%d rows" % (n["Actual Rows"] * n["Actual Loops"]))
        if n.get("Exact Heap Blocks"): bits.append("%d heap blocks" % n["Exact Heap Blocks"])
        if n.get("Rows Removed by Filter"): bits.append("%d entries filtered out" % n["Rows Removed by Filter"])
        out.append(", ".join(bits))
    for c in n.get("Plans", []): walk(c, out)
out = []; walk(json.load(sys.stdin)[0]["Plan"], out)
scans = sorted(set(out), key=out.index)
print("; ".join(scans[:3]) + (" (+%d more scans)" % (len(scans) - 3) if len(scans) > 3 else ""))'
}
row() { # $1 = label, $2 = settings, $3 = statement
  printf '%-64s %9.1f ms   %s\n' "$1" "$(median_ms "$2" "$3")" "$(shape "$2" "$3")"
}
page20() { # $1 = table, $2 = text expression: page 20 at page_size 50 by last name, as the API sorts it
  echo "select user_id, last_name from $1 where $2 like $like order by last_name, user_id limit 50 offset 950"
}

echo "building the narrow copies (3 of them; a few minutes at 3,000,000 users) ..." >&2
q -c "drop schema if exists $probe cascade" -c "create schema $probe" >/dev/null 2>&1
q -c "set maintenance_work_mem = '1GB'" \
  -c "create table $probe.by_id as select user_id, last_name, $text as text from crmbench.user_list order by user_id" \
  -c "create index on $probe.by_id using gin (text gin_trgm_ops)" \
  -c "create table $probe.by_name as select * from $probe.by_id order by last_name, user_id" \
  -c "create index on $probe.by_name using gin (text gin_trgm_ops)" \
  -c "create index walk on $probe.by_id (last_name, user_id) include (text) with (fillfactor = 100)" \
  -c "vacuum analyze $probe.by_id" -c "vacuum analyze $probe.by_name" >/dev/null

users=$(q -c "select count(*) from crmbench.user_list")
matches=$(q -c "select count(*) from crmbench.user_list where $text like $like")
pages=$(q -c "select sum(relpages) from pg_class where relname like 'user_list\_%' and relkind = 'r'")
seq=$(median_ms "" "select count(*) from crmbench.user_list")
{
  echo "# search=$term, page 20 by last name: what finding it costs — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; embedded PostgreSQL $(q -c 'show server_version')"
  echo "command: scripts/search-limits.sh $term; $users users, $matches match '$term' ($(echo "scale=2; 100 * $matches / $users" | bc)%)"
  echo
  printf '%-64s %9.1f ms   (%d heap pages: %.1f ms per 1,000)\n' "user_list read whole (sequential count)" "$seq" "$pages" \
    "$(echo "$seq * 1000 / $pages" | bc -l)"
  row "user_list, as planned" "" "$(page20 crmbench.user_list "$text")"
  row "user_list, trigram bitmap forced" "set enable_indexscan = off; set enable_indexonlyscan = off;" \
    "$(page20 crmbench.user_list "$text")"
  row "narrow copy, text stored, id order, trigram bitmap" "set enable_indexscan = off; set enable_indexonlyscan = off;" \
    "$(page20 $probe.by_id text)"
  row "narrow copy, text stored, last-name order, trigram bitmap" "set enable_indexscan = off; set enable_indexonlyscan = off;" \
    "$(page20 $probe.by_name text)"
  row "B-tree (last_name, user_id) INCLUDE (text), walked" "set enable_bitmapscan = off; set enable_seqscan = off;" "$(page20 $probe.by_id text)"
  echo
  echo "sizes: trigram index on user_list $(q -c "select pg_size_pretty(sum(pg_relation_size(indexrelid))) from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname like 'user_list\_%lower%idx'"),"
  echo "       B-tree (last_name, user_id) INCLUDE (text) $(q -c "select pg_size_pretty(pg_relation_size('$probe.walk'))") (one such index per sort key: last_name, created, points, lifetime_value, id)"
  echo
  echo "Median of 3 executions after a warm-up execution, no parallel workers."
  echo "The planner's own choice on user_list is the list statement's inner query (the API's adds the page's rows by key)."
} | tee "$out"
