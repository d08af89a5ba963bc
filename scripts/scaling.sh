#!/usr/bin/env bash
# How cost grows with the dataset: for each size, `crmbench generate --n N` with the default index
# set (wall time, users per second, secondary index and table size) and then the list API's whole
# surface (`crmbench bench --surface`, page_size 50): combinations, how many meet p50 <= 10 ms,
# the median and the worst p50.
#
#   scripts/scaling.sh [SIZES] [REPEAT]      (defaults: "1000000 3000000 10000000", 5)
# Output: reports/scaling.txt (and each size's surface run under reports/scaling/N/). Replaces the
# embedded database's dataset (ends with the last size).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-1000000 3000000 10000000}
repeat=${2:-5}
out=reports/scaling.txt
. scripts/find-jdk.sh
./crmbench db start >/dev/null
url=$(./crmbench db status --url)
psql_() { psql "$url" -Atq -c "$1"; }
work=$(mktemp -d /tmp/crmbench-scaling.XXXXXX)
trap 'rm -rf "$work"' EXIT
{
  echo "# cost by dataset size — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2)"
  echo "per size: crmbench generate --n N; crmbench bench --surface --repeat $repeat (page_size 50, default index set)"
  echo
  printf '%11s %10s %9s %10s %10s %13s %13s %12s %12s\n' users "gen s" "users/s" "index MB" "tables MB" \
    combinations "p50<=10 ms" "median p50" "worst p50"
  for n in $sizes; do
    start=$(date +%s.%N)
    ./crmbench generate --n "$n" >/dev/null 2>&1
    seconds=$(echo "$(date +%s.%N) - $start" | bc)
    index=$(psql_ "select round(coalesce(sum(pg_relation_size(i.indexrelid)), 0) / 1e6)
      from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'crmbench' and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)")
    tables=$(psql_ "select round(sum(pg_table_size(c.oid)) / 1e6) from pg_class c
      join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'crmbench' and c.relkind = 'r'")
    ./crmbench bench --surface --repeat "$repeat" --out "$work/$n" >"$work/$n.console" 2>/dev/null
    run_dir=$(ls -d "$work/$n"/runs/* | tail -1)
    rm -rf "reports/scaling/$n" && mkdir -p "reports/scaling/$n"
    cp "$run_dir/benchmarks.csv" "$work/$n.console" "reports/scaling/$n/"
    stats=$(python3 - "$run_dir/benchmarks.csv" <<'EOF'
import csv, statistics, sys
p50 = [float(r["p50_ms"]) for r in csv.DictReader(open(sys.argv[1]))]
print(len(p50), sum(1 for v in p50 if v <= 10), "%.2f" % statistics.median(p50), "%.1f" % max(p50))
EOF
)
    read -r combos under median worst <<<"$stats"
    printf '%11s %10.1f %9.0f %10s %10s %13s %13s %12s %12s\n' "$n" "$seconds" "$(echo "$n / $seconds" | bc)" \
      "$index" "$tables" "$combos" "$under" "$median" "$worst"
  done
  echo
  echo "gen s: wall time of generate (JVM start included); users/s: users divided by it (each user is"
  echo "four rows: app_user, address, customer_relationship, user_list); index MB: secondary indexes;"
  echo "tables MB: the four tables; combinations: the surface's filter subsets x values x orderings x"
  echo "pages that bench measured (a cursor page only where page 20 is full); median and worst p50 in"
  echo "ms over them. 1 MB = 10^6 bytes."
} | tee "$out"
