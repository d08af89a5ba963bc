#!/usr/bin/env bash
# The lookup endpoint against the database it stands on, in one run on this machine:
#  (a) pgbench, 16 clients, prepared statements, running the exact SQL /api/run-query/ runs
#      (written by crmbench bench), with random user ids: one statement per round trip;
#  (b) wrk against crmbench serve --lookup-batch 1 --pool-size 8 (every lookup its own statement,
#      4 connections per core: the defaults before lookups shared statements) on /api/run-query/
#      with random user ids, at 64 and 1000 connections;
#  (c) the same against crmbench serve with its defaults (lookups waiting together share one
#      statement, a lookup connection per core), at 64 and 1000 connections, and on
#      /api/users/{id}/ at 64;
#  (d) the defaults with --pool-size 8: what the pool size adds to the sharing;
#  (e) list pages: pgbench on the SQL of bench's list scenarios (page 1 by id; last_name=smith with
#      its exact count; page 3 of a city; a random page 1-20 of that city), and wrk on the same
#      pages of serve with --list-batch 1 (each request its own statements) and with its defaults
#      (identical list requests waiting together share one read), 64 connections. wrk sends the same
#      URL on every connection, the case sharing is for (a hot page); the random pages mostly differ.
# For each: requests/s, p50, p99, errors, the ratio to (a), and CPU seconds per 10,000 requests of
# the HTTP server's JVM, of PostgreSQL (the postmaster and every backend, also those that ended)
# and of the load generator, from /proc and bash's time. Needs a generated dataset in the embedded
# database (crmbench generate --n 1000000 or more) and wrk, pgbench and psql.
#
#   scripts/compare-serve.sh [SECONDS]        (default 30 per measurement)
# Output: reports/serve-comparison.txt (or $CRMBENCH_SERVE_OUT)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
port=${CRMBENCH_SERVE_PORT:-8000}
out=${CRMBENCH_SERVE_OUT:-reports/serve-comparison.txt}
for tool in wrk pgbench psql curl bc; do
  command -v $tool >/dev/null || { echo "$tool is needed (apt install wrk postgresql-client curl bc)" >&2; exit 1; }
done

./crmbench db start >/dev/null
url=$(./crmbench db status --url)
users=$(psql -X -At "$url" -c 'select count(*) from crmbench.app_user')
[ "$users" -ge 1000000 ] || { echo "the dataset has $users users; run ./crmbench generate --n 1000000 first" >&2; exit 1; }
postmaster=$(head -1 "$(psql -X -At "$url" -c 'show data_directory')/postmaster.pid")
work=$(mktemp -d /tmp/crmbench-serve.XXXXXX)
server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}
trap 'set +e; stop_server; rm -rf "$work"; true' EXIT

ticks() { # $1 = pid: CPU ticks (user + system) of the process; with $2 = all, also of its ended children
  awk -v all="${2:-}" '{ t = $14 + $15; if (all == "all") t += $16 + $17; print t }' "/proc/$1/stat" 2>/dev/null || echo 0
}
postgres_ticks() { # the postmaster with the backends it reaped, and every backend running now
  local total pid
  total=$(ticks "$postmaster" all)
  for pid in $(cat "/proc/$postmaster/task/$postmaster/children"); do total=$((total + $(ticks "$pid"))); done
  echo "$total"
}
hz=$(getconf CLK_TCK)
TIMEFORMAT='%U %S' # bash's time: user and system CPU seconds of the load generator
per10k() { # $1 = ticks, $2 = requests: CPU seconds per 10,000 requests
  echo "scale=3; $1 / $hz * 10000 / $2" | bc -l | awk '{printf "%.3f", $1}'
}

# the endpoint's own SQL, as a pgbench script (random ids over the whole dataset)
./crmbench bench --scenario lookup_user --repeat 1 --warmup 0 --out "$work" >/dev/null 2>&1
lookup=$(ls "$work"/runs/*/pgbench/lookup_user.pgbench.sql)
list_scenarios=(initial_page filter_last_name city_page3)
./crmbench bench "${list_scenarios[@]/#/--scenario=}" --repeat 1 --warmup 0 --out "$work/lists" >/dev/null 2>&1
for s in "${list_scenarios[@]}"; do cp "$work"/lists/runs/*/pgbench/"$s".pgbench.sql "$work/$s.sql"; done
# the city's pages 1 to 20 at random: the offset bench wrote for page 3, drawn instead
sed 's/^\\set p1 100$/\\set p1 random(0, 19) * 50/' "$work/city_page3.sql" >"$work/city_random.sql"
grep -q 'random(0, 19)' "$work/city_random.sql" || { echo "city_page3's pgbench script changed: update $0" >&2; exit 1; }

percentile() { # $1 = percent; reads latencies (µs), one per line
  sort -n | awk -v p="$1" '{v[NR]=$1} END {i=int(NR*p/100); if (i<1) i=1; printf "%.2f", v[i]/1000}'
}
row() { # label, requests/s, p50, p99, errors, ratio, server s, postgres s, generator s
  printf '%-76s %10s %9s %9s %7s %7s %9s %9s %9s %9s\n' "$@" \
    "$(echo "${7/-/0} + $8 + $9" | bc -l | awk '{printf "%.3f", $1}')"
}

pgbench_run() { # $1 = label, $2 = script: the row; its transactions/s into $work/pgbench.rps
  local pg_before pg_after rps n err gen
  rm -f "$work"/pgb.*
  pg_before=$(postgres_ticks)
  { time pgbench -n -M prepared -c 16 -j 2 -T "$seconds" -l --log-prefix="$work/pgb" -f "$2" "$url" >"$work/pgbench.txt" 2>&1 ; } 2>"$work/pgbench.cpu"
  sleep 1 # pgbench's backends have ended; until the postmaster reaps them their CPU is counted nowhere
  pg_after=$(postgres_ticks)
  rps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/pgbench.txt")
  n=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$work/pgbench.txt")
  err=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$work/pgbench.txt")
  gen=$(awk -v hz="$hz" '{printf "%d", ($1 + $2) * hz}' "$work/pgbench.cpu")
  echo "$rps" >"$work/pgbench.rps"
  row "$1" "$(printf %.0f "$rps")" \
    "$(cat "$work"/pgb.* | awk '{print $3}' | percentile 50)ms" "$(cat "$work"/pgb.* | awk '{print $3}' | percentile 99)ms" \
    "${err:-0}" "1.00" "-" "$(per10k $((pg_after - pg_before)) "$n")" "$(per10k "$gen" "$n")"
}

# (a) pgbench
a_row=$(pgbench_run "(a) pgbench -c 16 -M prepared, lookup SQL" "$lookup")
a_rps=$(cat "$work/pgbench.rps")
declare -A list_rps list_rows
for s in "${list_scenarios[@]}" city_random; do
  list_rows[$s]=$(pgbench_run "(e) pgbench -c 16 -M prepared, $s SQL" "$work/$s.sql")
  list_rps[$s]=$(cat "$work/pgbench.rps")
done

start_server() { # crmbench serve options
  ./crmbench serve --port "$port" "$@" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  jvm=$(pgrep -P "$server_pid" java || echo "$server_pid") # ./crmbench execs java: the same pid
  wrk -t2 -c64 -d10s -s "$work/run-query.lua" "http://127.0.0.1:$port" >/dev/null 2>&1 # JIT warm-up
}
cat >"$work/run-query.lua" <<LUA
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/run-query/?count=1&type=get&user_id=" .. math.random(1, $users))
end
LUA
declare -A list_path=([initial_page]="/api/users/" [filter_last_name]="/api/users/?last_name=smith"
  [city_page3]="/api/users/?city=vienna&page=3")
for s in "${list_scenarios[@]}"; do
  printf 'request = function() return wrk.format("GET", "%s") end\n' "${list_path[$s]}" >"$work/$s.lua"
done
cat >"$work/city_random.lua" <<LUA
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/users/?city=vienna&page=" .. math.random(1, 20))
end
LUA
cat >"$work/detail.lua" <<LUA
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/users/" .. math.random(1, $users) .. "/")
end
LUA
wrk_run() { # $1 = label, $2 = connections, $3 = script, $4 = the requests/s its ratio is to (default (a)'s)
  local jvm_before pg_before jvm_after pg_after rps n errors
  jvm_before=$(ticks "$jvm"); pg_before=$(postgres_ticks)
  { time wrk -t2 -c"$2" -d"${seconds}s" --latency --timeout 10s -s "$work/$3" "http://127.0.0.1:$port" >"$work/wrk.txt" 2>&1 ; } 2>"$work/wrk.cpu"
  jvm_after=$(ticks "$jvm"); pg_after=$(postgres_ticks)
  rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' "$work/wrk.txt")
  n=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
  errors=$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10} /Non-2xx/ {n+=$NF} END {print n+0}' "$work/wrk.txt" | paste -sd+ | bc)
  row "$1, $2 connections" "$(printf %.0f "$rps")" \
    "$(awk '$1=="50%" {print $2}' "$work/wrk.txt")" "$(awk '$1=="99%" {print $2}' "$work/wrk.txt")" "$errors" \
    "$(echo "$rps / ${4:-$a_rps}" | bc -l | awk '{printf "%.2f", $1}')" \
    "$(per10k $((jvm_after - jvm_before)) "$n")" "$(per10k $((pg_after - pg_before)) "$n")" \
    "$(per10k "$(awk -v hz="$hz" '{printf "%d", ($1 + $2) * hz}' "$work/wrk.cpu")" "$n")"
}
shared() { # the server's shared-statement counters: "statements lookups"
  curl -s "http://127.0.0.1:$port/metrics" | awk '/^crmbench_db_shared_statements_total/ {s=$2} /^crmbench_db_shared_lookups_total/ {l=$2} END {printf "%d %d", s, l}'
}
shared_lists() { # the server's shared list reads: "reads requests"
  curl -s "http://127.0.0.1:$port/metrics" | awk '/^crmbench_db_shared_list_reads_total/ {s=$2} /^crmbench_db_shared_list_requests_total/ {l=$2} END {printf "%d %d", s, l}'
}
list_runs() { # $1 = label: a row per list page, 64 connections, its ratio to pgbench on the same SQL
  local s
  wrk -t2 -c64 -d5s -s "$work/city_random.lua" "http://127.0.0.1:$port" >/dev/null 2>&1 # the list path's warm-up
  for s in "${list_scenarios[@]}" city_random; do
    wrk_run "$1, ${list_path[$s]:-/api/users/?city=vienna&page=<1-20>}" 64 "$s.lua" "${list_rps[$s]}"
  done
}

start_server --lookup-batch 1 --pool-size 8
b64=$(wrk_run "(b) --lookup-batch 1 --pool-size 8, run-query" 64 run-query.lua)
b1000=$(wrk_run "(b) --lookup-batch 1 --pool-size 8, run-query" 1000 run-query.lua)
stop_server
start_server --list-batch 1
e_alone=$(list_runs "(e) --list-batch 1")
stop_server
start_server --pool-size 8
d64=$(wrk_run "(d) --pool-size 8, run-query" 64 run-query.lua)
d1000=$(wrk_run "(d) --pool-size 8, run-query" 1000 run-query.lua)
stop_server
start_server
connections=$(curl -s "http://127.0.0.1:$port/metrics" | awk '/state="total"/ {printf "%d", $2}')
list_connections=$(( $(nproc) / 2 > 1 ? $(nproc) / 2 : 1 ))
read -r s0 l0 <<<"$(shared)"
c64=$(wrk_run "(c) serve (defaults), run-query" 64 run-query.lua)
c1000=$(wrk_run "(c) serve (defaults), run-query" 1000 run-query.lua)
read -r s1 l1 <<<"$(shared)"
cdetail=$(wrk_run "(c) serve (defaults), /api/users/{id}/" 64 detail.lua)
read -r r0 q0 <<<"$(shared_lists)"
e_shared=$(list_runs "(e) serve (defaults)")
read -r r1 q1 <<<"$(shared_lists)"
stop_server

{
  echo "# crmbench serve vs pgbench on the lookup — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); PostgreSQL $(psql -X -At "$url" -c 'show server_version') (crmbench embedded); $users users"
  echo "command: scripts/compare-serve.sh $seconds   (each measurement ${seconds} s; load generators run on the same 2 cores)"
  echo
  printf '%-76s %10s %9s %9s %7s %7s %39s\n' "" "" "" "" "" "" "CPU seconds per 10,000 requests"
  printf '%-76s %10s %9s %9s %7s %7s %9s %9s %9s %9s\n' "" "requests/s" "p50" "p99" "errors" "x(a)" "server" "postgres" "loadgen" "total"
  echo "$a_row"
  echo "$b64"
  echo "$b1000"
  echo "$c64"
  echo "$c1000"
  echo "$cdetail"
  echo "$d64"
  echo "$d1000"
  for s in "${list_scenarios[@]}" city_random; do echo "${list_rows[$s]}"; done
  echo "$e_alone"
  echo "$e_shared"
  echo
  echo "(e): x(a) is to the pgbench row of the same SQL; wrk sends one URL on every connection except for the"
  echo "  random pages. In (e) with the defaults, identical list requests waiting together shared $((r1 - r0)) reads"
  echo "  for $((q1 - q0)) requests ($(echo "scale=1; ($q1 - $q0) / ($r1 - $r0 + 0.000001)" | bc -l) per shared read; the others ran alone); lists run on"
  echo "  their own connections ($list_connections here: --list-connections' default, half the cores) while pgbench has 16."
  echo "server: crmbench serve --port $port: Jetty 12; requests that query the dataset run in arrival order on"
  echo "  platform threads, one per database connection ($connections by default here). In (c), lookups waiting together shared"
  echo "  $((s1 - s0)) statements for $((l1 - l0)) lookups over its two /api/run-query/ measurements"
  echo "  ($(echo "scale=1; ($l1 - $l0) / ($s1 - $s0 + 0.000001)" | bc -l) per shared statement; the other lookups ran alone)."
  echo "server CPU: the serve JVM; postgres: the postmaster, the backends it reaped and those running;"
  echo "loadgen: wrk or pgbench (bash's time)."
} | tee "$out"
