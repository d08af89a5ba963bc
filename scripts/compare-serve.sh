#!/usr/bin/env bash
# The lookup endpoint against the database it stands on, in one run on this machine:
#  (a) pgbench, 16 clients, prepared statements, running the exact SQL /api/run-query/ runs
#      (written by crmbench bench), with random user ids;
#  (b) wrk against crmbench serve's /api/run-query/ with random user ids, at 64 and 1000
#      connections.
# Prints requests/s, p50, p99, errors and the ratio (b)/(a). Needs a generated dataset in the
# embedded database (crmbench generate --n 1000000 or more) and wrk, pgbench and psql.
#
#   scripts/compare-serve.sh [SECONDS]        (default 30 per measurement)
# Output: reports/serve-comparison.txt (or $CRMBENCH_SERVE_OUT)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
port=${CRMBENCH_SERVE_PORT:-8000}
out=${CRMBENCH_SERVE_OUT:-reports/serve-comparison.txt}
for tool in wrk pgbench psql curl; do
  command -v $tool >/dev/null || { echo "$tool is needed (apt install wrk postgresql-client curl)" >&2; exit 1; }
done

./crmbench db start >/dev/null
url=$(./crmbench db status --url)
users=$(psql -X -At "$url" -c 'select count(*) from crmbench.app_user')
[ "$users" -ge 1000000 ] || { echo "the dataset has $users users; run ./crmbench generate --n 1000000 first" >&2; exit 1; }
work=$(mktemp -d /tmp/crmbench-serve.XXXXXX)
server_pid=
trap 'set +e; [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; true' EXIT

# the endpoint's own SQL, as a pgbench script (random ids over the whole dataset)
./crmbench bench --scenario lookup_user --repeat 1 --warmup 0 --out "$work" >/dev/null 2>&1
lookup=$(ls "$work"/runs/*/pgbench/lookup_user.pgbench.sql)

percentile() { # $1 = percent; reads latencies (µs), one per line
  sort -n | awk -v p="$1" '{v[NR]=$1} END {i=int(NR*p/100); if (i<1) i=1; printf "%.2f", v[i]/1000}'
}

# (a) pgbench
pgbench -n -M prepared -c 16 -j 2 -T "$seconds" -l --log-prefix="$work/pgb" -f "$lookup" "$url" >"$work/pgbench.txt" 2>&1
a_rps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/pgbench.txt")
a_p50=$(cat "$work"/pgb.* | awk '{print $3}' | percentile 50)
a_p99=$(cat "$work"/pgb.* | awk '{print $3}' | percentile 99)
a_err=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$work/pgbench.txt")

# (b) crmbench serve + wrk
./crmbench serve --port "$port" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
cat >"$work/run-query.lua" <<LUA
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/run-query/?count=1&type=get&user_id=" .. math.random(1, $users))
end
LUA
wrk -t2 -c64 -d10s -s "$work/run-query.lua" "http://127.0.0.1:$port" >/dev/null 2>&1 # JIT warm-up
wrk_run() { # $1 = connections
  wrk -t2 -c"$1" -d"${seconds}s" --latency --timeout 10s -s "$work/run-query.lua" "http://127.0.0.1:$port" >"$work/wrk$1.txt" 2>&1
  local rps p50 p99 errors
  rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' "$work/wrk$1.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/wrk$1.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk$1.txt")
  errors=$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10} /Non-2xx/ {n+=$NF} END {print n+0}' "$work/wrk$1.txt" | paste -sd+ | bc)
  printf '%-46s %12.0f %10s %10s %8s %8.2f\n' "(b) wrk, $1 connections, /api/run-query/" "$rps" "$p50" "$p99" "$errors" "$(echo "$rps / $a_rps" | bc -l)"
}
{
  echo "# crmbench serve vs pgbench on the lookup — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); PostgreSQL $(psql -X -At "$url" -c 'show server_version') (crmbench embedded); $users users"
  echo "command: scripts/compare-serve.sh $seconds   (each measurement ${seconds} s; load generators run on the same 2 cores)"
  echo
  printf '%-46s %12s %10s %10s %8s %8s\n' "" "requests/s" "p50" "p99" "errors" "(b)/(a)"
  printf '%-46s %12.0f %8sms %8sms %8s %8s\n' "(a) pgbench -c 16 -M prepared, lookup SQL" "$a_rps" "$a_p50" "$a_p99" "${a_err:-0}" "1.00"
  wrk_run 64
  wrk_run 1000
  echo
  echo "server: crmbench serve --port $port (defaults: Jetty 12; requests that query the dataset run in arrival order on $(curl -s "http://127.0.0.1:$port/metrics" | awk '/state="total"/ {print $2}') platform threads, one per database connection)"
} | tee "$out"
