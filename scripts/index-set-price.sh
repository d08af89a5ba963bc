#!/usr/bin/env bash
# The price of each index set at USERS users (default 3,000,000): `crmbench generate` wall time
# with the set against the same data without it, the number of secondary indexes, and their size
# next to the tables'. Each set is generated ROUNDS times (default 2) so the spread shows.
#
#   scripts/index-set-price.sh [USERS] [ROUNDS]
# Output: reports/index-set-price.txt. Replaces the embedded database's dataset (ends with tuned).
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-3000000}
rounds=${2:-2}
out=reports/index-set-price.txt
. scripts/find-jdk.sh
./crmbench db start >/dev/null
url=$(./crmbench db status --url)
psql_() { psql "$url" -Atq -c "$1"; }
{
  echo "# price of the index sets at $users users — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2)"
  echo "command per set: crmbench generate --n $users --index-set SET   (wall time, JVM start included)"
  echo
  printf '%-9s %5s %12s %12s %14s %14s %14s\n' set round seconds indexes "index MB" "tables MB" "key index MB"
  for round in $(seq 1 "$rounds"); do
    for set in baseline seed tuned; do
      start=$(date +%s.%N)
      ./crmbench generate --n "$users" --index-set "$set" >/dev/null 2>&1
      end=$(date +%s.%N)
      secondary=$(psql_ "select count(*), round(coalesce(sum(pg_relation_size(i.indexrelid)), 0) / 1e6)
        from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'crmbench' and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)")
      keys=$(psql_ "select round(sum(pg_relation_size(i.indexrelid)) / 1e6)
        from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'crmbench' and exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)")
      tables=$(psql_ "select round(sum(pg_table_size(c.oid)) / 1e6) from pg_class c
        join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'crmbench' and c.relkind = 'r'")
      printf '%-9s %5s %12.1f %12s %14s %14s %14s\n' "$set" "$round" "$(echo "$end - $start" | bc)" \
        "${secondary%%|*}" "${secondary##*|}" "$tables" "$keys"
    done
  done
  echo
  echo "indexes: secondary indexes of the set; index MB: their size; tables MB: the four tables' heaps"
  echo "(app_user, address, customer_relationship and the read table user_list); key index MB: the"
  echo "primary and unique keys every set has. 1 MB = 10^6 bytes."
} | tee "$out"
