#!/usr/bin/env bash
# Times `crmbench generate --n N --index-set SET` against psql \copy of the same rows (exported to
# CSV first, not timed) into the same empty tables, the read table user_list and its tier
# partitions included (both COPY it), followed by the same keys,
# foreign keys, the set's indexes, ANALYZE (VACUUM ANALYZE of user_list), on the same server in the
# same run. The \copy reference runs twice: one psql after another (how a script usually does it)
# and with the same parallelism as crmbench (--threads). Each \copy runs in the transaction that
# creates its table, as crmbench's COPY does.
#
#   scripts/compare-generate.sh [N] [THREADS] [SET]   (defaults: 3000000 4 baseline)
# Output: reports/generate-comparison.txt
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3000000}
threads=${2:-4}
set_name=${3:-baseline}
out=reports/generate-comparison${3:+-$3}.txt
command -v psql >/dev/null || { echo "psql is needed (apt install postgresql-client)" >&2; exit 1; }

./crmbench db start >/dev/null
url=$(./crmbench db status --url)
work=$(mktemp -d /tmp/crmbench-compare.XXXXXX)
trap 'rm -rf "$work"; psql -X -q "$url" -c "drop schema if exists crmbench_ref cascade" >/dev/null 2>&1 || true' EXIT
export PGOPTIONS="-c client_min_messages=warning"
q() { psql -X -q -v ON_ERROR_STOP=1 "$url" "$@"; }
now() { date +%s.%N; }
tables="app_user address customer_relationship user_list"

# --- (a) crmbench generate -------------------------------------------------------------------
t0=$(now)
./crmbench generate --n "$n" --threads "$threads" --index-set "$set_name" >"$work/generate.txt" 2>/dev/null
t_crmbench=$(echo "$(now) - $t0" | bc)

# --- export the same rows as CSV (not timed) ---------------------------------------------------
for t in $tables; do
  key=id; [ "$t" = user_list ] && key=user_id
  q -c "\\copy (select * from crmbench.$t order by $key) to '$work/$t.csv' csv"
done

# --- the same DDL, in schema crmbench_ref, one statement per line --------------------------------
statements() { # schema.sql or an index set -> one statement per line, comments dropped
  sed 's/--.*$//' "$1" | tr '\n' ' ' | tr ';' '\n' | sed 's/^ *//; s/  */ /g' | grep -v '^$' \
    | grep -v '^CREATE SCHEMA' | sed 's/crmbench\./crmbench_ref./g'
}
statements core/src/main/resources/db/schema.sql >"$work/schema.lines"
if [ "$set_name" = baseline ]; then : >"$work/indexes.lines"; else
  statements "core/src/main/resources/db/index-sets/$set_name.sql" >"$work/indexes.lines"; fi
for t in $tables; do
  { echo "BEGIN;"; grep -E "^CREATE TABLE crmbench_ref\.$t( |_[a-z]+ PARTITION OF )" "$work/schema.lines" | sed 's/$/;/'
    echo "\\copy crmbench_ref.$t from '$work/$t.csv' csv"; echo "COMMIT;"; } >"$work/load-$t.sql"
  grep "^ALTER TABLE crmbench_ref\.$t " "$work/schema.lines" | grep -v 'FOREIGN KEY' | sed 's/$/;/' >"$work/keys-$t.sql"
  if [ "$t" = user_list ]; then echo "VACUUM (ANALYZE) crmbench_ref.$t;"; else echo "ANALYZE crmbench_ref.$t;"; fi >"$work/analyze-$t.sql"
done
i=0
{ grep 'FOREIGN KEY' "$work/schema.lines"; cat "$work/indexes.lines"; } | while read -r s; do
  i=$((i + 1)); echo "$s;" >"$work/later-$i.sql"
done

reference() { # $1 = parallelism; prints seconds
  q -c "drop schema if exists crmbench_ref cascade" -c "create schema crmbench_ref" >/dev/null
  local start; start=$(now)
  for step in load keys later analyze; do
    ls "$work"/$step-*.sql | xargs -P "$1" -I{} psql -X -q -v ON_ERROR_STOP=1 "$url" -f {} >/dev/null
  done
  echo "$(now) - $start" | bc
}

# --- (b) psql \copy, sequential and parallel -----------------------------------------------------
t_copy_seq=$(reference 1)
t_copy_par=$(reference "$threads")
rows=$(q -At -c "select (select count(*) from crmbench_ref.app_user) || ' / ' || (select count(*) from crmbench.app_user)")

{
  echo "# crmbench generate vs psql \\copy — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); server: $(q -At -c 'show server_version') (crmbench embedded)"
  echo "command: scripts/compare-generate.sh $n $threads $set_name   (users: $n, rows per table in ref / crmbench: $rows)"
  echo
  printf '%-52s %8.2f s\n' "(a) crmbench generate --n $n --threads $threads --index-set $set_name" "$t_crmbench"
  printf '%-52s %8.2f s\n' "(b1) psql \\copy + same DDL, one after another" "$t_copy_seq"
  printf '%-52s %8.2f s\n' "(b2) psql \\copy + same DDL, $threads at a time" "$t_copy_par"
  printf '%-52s %8.2f\n' "ratio (a)/(b1)" "$(echo "$t_crmbench / $t_copy_seq" | bc -l)"
  printf '%-52s %8.2f   (goal: <= 1.25)\n' "ratio (a)/(b2)" "$(echo "$t_crmbench / $t_copy_par" | bc -l)"
  echo
  echo "crmbench's own summary (it includes JVM start and the value pools; the wall time above includes those too):"
  cat "$work/generate.txt"
} | tee "$out"
