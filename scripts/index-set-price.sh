#!/usr/bin/env bash
# The price of index sets at USERS users (default 3,000,000): `crmbench generate` wall time with
# each set, side by side with the same data without indexes (baseline) in the same round, the CPU
# seconds of crmbench and of the PostgreSQL server, the number of secondary indexes and their
# size next to the tables'. The sets are generated in turn, ROUNDS times (default 2), so the
# spread shows.
#
#   scripts/index-set-price.sh [USERS] [ROUNDS] [SETS]     (SETS default: "baseline lean tuned")
# Output: reports/index-set-price.txt. Replaces the embedded database's dataset (ends with the
# last set).
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-3000000}
rounds=${2:-2}
sets=${3:-baseline lean tuned}
out=reports/index-set-price.txt
. scripts/find-jdk.sh
./crmbench db start >/dev/null
url=$(./crmbench db status --url)
psql_() { psql "$url" -Atq -c "$1"; }
postmaster=$(psql_ "select pid from pg_stat_activity where backend_type = 'checkpointer'" | xargs ps -o ppid= -p | tr -d ' ')
ticks=$(getconf CLK_TCK)
# CPU seconds of the server so far: the postmaster's own and its finished children's (backends)
server_cpu() { awk -v t="$ticks" '{print ($14 + $15 + $16 + $17) / t}' "/proc/$postmaster/stat"; }
# secondary indexes: not backing a key, counted once per table (not per partition), sized with them
secondary="from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'crmbench' and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)"
{
  echo "# price of the index sets at $users users — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2)"
  echo "command per set: crmbench generate --n $users --index-set SET   (wall time, JVM start included)"
  echo
  printf '%-9s %5s %9s %9s %9s %9s %8s %10s %10s %13s\n' set round seconds "vs base" "cli cpu" "pg cpu" indexes \
    "index MB" "tables MB" "key index MB"
  for round in $(seq 1 "$rounds"); do
    base=""
    for set in $sets; do
      cpu_before=$(server_cpu)
      start=$(date +%s.%N)
      /usr/bin/time -f '%U %S' -o "/tmp/index-set-price.$$" ./crmbench generate --n "$users" --index-set "$set" >/dev/null 2>&1
      end=$(date +%s.%N)
      seconds=$(echo "$end - $start" | bc)
      cli=$(awk '{print $1 + $2}' "/tmp/index-set-price.$$")
      pg=$(echo "$(server_cpu) - $cpu_before" | bc)
      [ "$set" = baseline ] && base=$seconds
      ratio=$([ -n "$base" ] && echo "scale=2; $seconds / $base" | bc || echo "-")
      count=$(psql_ "select count(*) $secondary and not exists (select 1 from pg_inherits h where h.inhrelid = i.indexrelid)")
      size=$(psql_ "select round(coalesce(sum(pg_relation_size(i.indexrelid)), 0) / 1e6) $secondary")
      keys=$(psql_ "select round(sum(pg_relation_size(i.indexrelid)) / 1e6)
        from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'crmbench' and exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)")
      tables=$(psql_ "select round(sum(pg_table_size(c.oid)) / 1e6) from pg_class c
        join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'crmbench' and c.relkind = 'r'")
      printf '%-9s %5s %9.1f %9s %9.1f %9.1f %8s %10s %10s %13s\n' "$set" "$round" "$seconds" "$ratio" "$cli" "$pg" \
        "$count" "$size" "$tables" "$keys"
    done
  done
  rm -f "/tmp/index-set-price.$$"
  echo
  echo "seconds: wall time of the command; vs base: that divided by the same round's baseline (no"
  echo "secondary indexes); cli cpu / pg cpu: CPU seconds (user + system) of the crmbench JVM and of the"
  echo "PostgreSQL server's processes during the command; indexes: secondary indexes of the set (an"
  echo "index on the partitioned read table counts once, its copies on the tier partitions are in its"
  echo "size); index MB: their size; tables MB: the four tables' heaps (app_user, address,"
  echo "customer_relationship and the read table user_list's partitions); key index MB: the primary and"
  echo "unique keys every set has. 1 MB = 10^6 bytes."
} | tee "$out"
