#!/usr/bin/env bash
# crmbench load against Locust and wrk, in one run on this machine, against crmbench serve:
#  1. /health (a trivial endpoint, so the load generator is what is measured) with USERS and with
#     1000 connections: Locust (FastHttpUser, one process per core), crmbench load, and wrk, each as
#     fast as it goes; then crmbench in the open model at the rate wrk reached ("same rate") and at
#     0.9 of it, on as many connections as wrk, a request due while all are busy sent when one ends
#     (--when-busy wait, as wrk2; at wrk's own rate the server is saturated, and an open model's
#     queue grows: what still waits at the end of the run is counted);
#  2. /api/run-query/ with random ids, 1000 users, spawn rate 100, RUN_SECONDS: Locust and crmbench.
# For each: requests/s, failures, p50/p99, CPU seconds of the load generator's processes and CPU
# seconds per 10,000 requests, over the whole run (JVM and Python start-up included) and in its
# steady window (see steady_window below; wrk and crmbench). Debian's Locust (2.12) has no
# --processes, so "one process per core" is that many independent headless Locust processes, each
# with its share of the users; their requests and CPU are added up.
#
#   scripts/compare-load.sh [HEALTH_SECONDS] [RUN_SECONDS] [USERS]     (defaults 30 60 100)
# Output: reports/load-comparison.txt (and the CSV files of each run under reports/load/), or
# $CRMBENCH_LOAD_OUT and $CRMBENCH_LOAD_CSV for a second run beside the first
set -euo pipefail
cd "$(dirname "$0")/.."
health_seconds=${1:-30}
run_seconds=${2:-60}
users=${3:-100}
if [ "$health_seconds" -lt 8 ] || [ "$run_seconds" -lt 8 ]; then
  echo "runs of at least 8 seconds: the steady window starts at second 5 and ends a second before the end" >&2; exit 2
fi
port=${CRMBENCH_SERVE_PORT:-8000}
host="http://127.0.0.1:$port"
out=${CRMBENCH_LOAD_OUT:-reports/load-comparison.txt}
csv=${CRMBENCH_LOAD_CSV:-reports/load}
if [ -n "${CRMBENCH_LOAD_OUT:-}" ] && [ -z "${CRMBENCH_LOAD_CSV:-}" ]; then # a second run would overwrite the first's CSV files
  echo "CRMBENCH_LOAD_OUT is set: set CRMBENCH_LOAD_CSV too (e.g. reports/load-run2), or the CSV files of reports/load are replaced" >&2; exit 2
fi
for tool in locust wrk curl bc; do command -v $tool >/dev/null || { echo "$tool is needed (apt install python3-locust wrk curl bc)" >&2; exit 1; }; done
workers=$(nproc)
mkdir -p "$csv"
work=$(mktemp -d /tmp/crmbench-load.XXXXXX)
. scripts/serve-here.sh
cleanup() { # every step whatever the one before did; only the processes this script started
  set +e
  [ -f "$work/locust.pids" ] && xargs -r kill <"$work/locust.pids" 2>/dev/null
  stop_serve
}
trap cleanup EXIT
start_serve
max_id=$(highest_user_id)

locust_run() { # $1 = locustfile, $2 = users, $3 = spawn rate, $4 = seconds, $5 = csv prefix; CPU into $5.cpu
  TIMEFORMAT='%U %S'
  { time (
      for i in $(seq 1 "$workers"); do
        /usr/bin/python3 -m locust -f "$1" --headless --host "$host" -u $(($2 / workers)) \
          -r "$(echo "$3 / $workers" | bc -l)" -t "${4}s" --csv "$5.$i" --only-summary >"$5.$i.log" 2>&1 &
        echo $! >>"$work/locust.pids"
      done
      wait
    ) ; } 2>"$5.cpu"
  /usr/bin/python3 - "$5" "$workers" <<'PY'
import csv, sys
prefix, n = sys.argv[1], int(sys.argv[2])
rows = [[r for r in csv.DictReader(open(f"{prefix}.{i}_stats.csv")) if r["Name"] == "Aggregated"][0] for i in range(1, n + 1)]
out = dict(rows[0])
out["Request Count"] = sum(int(r["Request Count"]) for r in rows)
out["Failure Count"] = sum(int(r["Failure Count"]) for r in rows)
out["Requests/s"] = sum(float(r["Requests/s"]) for r in rows)
for p in ["50%", "99%"]:  # the slower process's percentile
    out[p] = max(float(r[p]) for r in rows)
with open(f"{prefix}_stats.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
    w.writeheader()
    w.writerow(out)
PY
}

# The steady window: from second $warm of a run to a second before its end, the load generator's CPU
# seconds (/proc/PID/stat) and the requests the server counted for the route (its /metrics), so that
# a JVM's start-up and JIT warm-up, paid once per run, are left out; wrk's and crmbench's alike.
warm=5
steady_window() { # $1 = csv prefix, $2 = route, $3 = run seconds, $4 = PID of /usr/bin/time: CPU and requests into $1.steady
  local c0 n0 pid
  sleep "$warm"
  pid=$(pgrep -P "$4") && c0=$(process_cpu "$pid") && n0=$(served "$2") || return 0
  sleep $(($3 - warm - 1))
  echo "$(echo "$(process_cpu "$pid") - $c0" | bc) $(($(served "$2") - n0))" >"$1.steady" 2>/dev/null || true
}
timed() { # $1 = csv prefix, $2 = route ("" for no steady window), $3 = seconds, rest = command; CPU into $1.cpu
  local prefix=$1 route=$2 seconds=$3 timer sampler=; shift 3
  # /usr/bin/time counts the command alone, not the steady sampler's curl and bc beside it
  /usr/bin/time -o "$prefix.cpu" -f '%U %S' "$@" >"$prefix.log" 2>&1 &
  timer=$!
  if [ -n "$route" ]; then steady_window "$prefix" "$route" "$seconds" "$timer" & sampler=$!; fi
  wait "$timer" || true
  if [ -n "$sampler" ]; then wait "$sampler" || true; fi
}

crmbench_run() { # $1 = csv prefix, $2 = route, $3 = seconds, rest = crmbench load options; CPU into $1.cpu
  local prefix=$1 route=$2 seconds=$3; shift 3
  timed "$prefix" "$route" "$seconds" ./crmbench load --host "$host" "$@" --run-time "${seconds}s" --csv "$prefix"
}

wrk_run() { # $1 = connections, $2 = seconds, $3 = path or lua script, $4 = csv prefix, $5 = route: a Locust-style stats file
  local target="$host/health" script=()
  if [ "$3" != "/health" ]; then target="$host"; script=(-s "$3"); fi
  timed "$4" "$5" "$2" wrk -t1 -c"$1" -d"$2s" --timeout 30s --latency "${script[@]}" "$target"
  awk -v prefix="$4" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /requests in/ { requests = $1 } /Requests\/sec/ { rps = $2 }
    /Non-2xx/ { failures += $NF } /Socket errors/ { gsub(",", ""); failures += $4 + $6 + $8 + $10 }
    END {
      print "Type,Name,Request Count,Failure Count,Requests/s,50%,99%" > (prefix "_stats.csv")
      printf ",Aggregated,%d,%d,%s,%s,%s\n", requests, failures, rps, p50, p99 >> (prefix "_stats.csv")
    }' "$4.log"
}

cpu_seconds() { awk '{printf "%.2f", $1 + $2}' "$1"; }

aggregated() { # $1 = stats csv, $2 = column name -> value of the Aggregated row
  /usr/bin/python3 -c 'import csv,sys; r=[x for x in csv.DictReader(open(sys.argv[1])) if x["Name"]=="Aggregated"][-1]; print(r[sys.argv[2]])' "$1" "$2"
}

line() { # $1 = label, $2 = csv prefix
  local rps requests failures cpu p50 p99
  rps=$(aggregated "$2_stats.csv" "Requests/s"); requests=$(aggregated "$2_stats.csv" "Request Count")
  failures=$(aggregated "$2_stats.csv" "Failure Count"); p50=$(aggregated "$2_stats.csv" "50%")
  p99=$(aggregated "$2_stats.csv" "99%"); cpu=$(cpu_seconds "$2.cpu")
  local steady=— steady_cpu steady_requests
  if [ -f "$2.steady" ]; then
    read -r steady_cpu steady_requests <"$2.steady"
    steady=$(printf '%.3f' "$(echo "$steady_cpu * 10000 / $steady_requests" | bc -l)")
  fi
  printf '%-52s %11.0f %9s %9.2f %9.2f %9.1f %14.3f %9s\n' "$1" "$rps" "$failures" "$p50" "$p99" "$cpu" \
    "$(echo "$cpu * 10000 / $requests" | bc -l)" "$steady"
  echo "$cpu $requests $rps $steady" >"$2.summary"
}

dropped() { # $1 = csv prefix of an open-model run: requests never sent (still waiting for a lane at the end)
  local n; n=$(sed -nE 's/.* ([0-9,]+) dropped .*/\1/p' "$1.log" | tr -d ,)
  echo "${n:-0}"
}

steady_ratio() { # $1 = label, $2 = csv prefix of crmbench, $3 = of wrk: CPU per request in the steady window
  local cs ws
  read -r _ _ _ cs <"$2.summary"; read -r _ _ _ ws <"$3.summary"
  if [ "$cs" = — ] || [ "$ws" = — ]; then printf '%-52s %12s\n' "$1" —; return; fi
  printf '%-52s %11.1fx\n' "$1" "$(echo "$cs / $ws" | bc -l)"
}

ratio() { # $1 = label, $2 = csv prefix of crmbench, $3 = of the other; requests per CPU-second, crmbench / other
  local cc cr lc lr
  read -r cc cr _ <"$2.summary"; read -r lc lr _ <"$3.summary"
  printf '%-52s %11.1fx\n' "$1" "$(echo "($cr / $cc) / ($lr / $lc)" | bc -l)"
}

warm_launcher
crmbench_run "$work/warmup" "" 5 --scenario health --users "$users" --spawn-rate "$users" # JIT and server warm-up
crmbench_run "$work/startup" "" 1 --scenario health --users 1 --spawn-rate 1 # what every crmbench figure includes
for connections in "$users" 1000; do
  locust_run examples/locustfile_health.py "$connections" "$connections" "$health_seconds" "$csv/locust_health_$connections"
  crmbench_run "$csv/crmbench_health_$connections" /health "$health_seconds" --scenario health --users "$connections" \
    --spawn-rate "$connections"
  wrk_run "$connections" "$health_seconds" /health "$csv/wrk_health_$connections" /health
  line "x" "$csv/wrk_health_$connections" >/dev/null # writes the summary: requests/s is the third value
  read -r _ _ wrk_rate _ <"$csv/wrk_health_$connections.summary"
  crmbench_run "$csv/crmbench_health_rate_$connections" /health "$health_seconds" --scenario health \
    --rate "$(printf '%.0f' "$wrk_rate")" --max-in-flight "$connections" --when-busy wait
  crmbench_run "$csv/crmbench_health_rate90_$connections" /health "$health_seconds" --scenario health \
    --rate "$(printf '%.0f' "$(echo "0.9 * $wrk_rate" | bc -l)")" --max-in-flight "$connections" --when-busy wait
done
cat >"$work/lookup.lua" <<LUA
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/run-query/?count=1&type=get&user_id=" .. math.random(1, $max_id))
end
LUA
locust_run examples/locustfile_fast.py 1000 100 "$run_seconds" "$csv/locust_run_query"
crmbench_run "$csv/crmbench_run_query" /api/run-query/ "$run_seconds" --scenario run-query --users 1000 --spawn-rate 100
wrk_run 1000 "$run_seconds" "$work/lookup.lua" "$csv/wrk_run_query" /api/run-query/

{
  echo "# crmbench load vs Locust and wrk — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); Locust $(dpkg-query -W -f='${Version}' python3-locust 2>/dev/null); wrk $(dpkg-query -W -f='${Version}' wrk 2>/dev/null); server: crmbench serve on the same machine"
  echo "command: scripts/compare-load.sh $health_seconds $run_seconds $users   (Locust: FastHttpUser, $workers processes, users split between them; wrk -t1)"
  echo
  printf '%-52s %11s %9s %9s %9s %9s %14s %9s\n' "" "requests/s" "failures" "p50 ms" "p99 ms" "CPU s" "CPU s / 10k req" "steady"
  for connections in "$users" 1000; do
    line "/health, $connections users: Locust" "$csv/locust_health_$connections"
    line "/health, $connections users: crmbench load" "$csv/crmbench_health_$connections"
    line "/health, $connections connections: wrk" "$csv/wrk_health_$connections"
    line "/health, crmbench open model at wrk's rate" "$csv/crmbench_health_rate_$connections"
    line "/health, crmbench open model at 0.9 of wrk's rate" "$csv/crmbench_health_rate90_$connections"
    ratio "  requests per CPU-second, crmbench / Locust" "$csv/crmbench_health_$connections" "$csv/locust_health_$connections"
    read -r cc cr _ <"$csv/crmbench_health_rate_$connections.summary"; read -r wc wr _ <"$csv/wrk_health_$connections.summary"
    printf '%-52s %11.1fx\n' "  CPU per request at wrk's rate, crmbench / wrk" "$(echo "($cc / $cr) / ($wc / $wr)" | bc -l)"
    read -r _ _ crate _ <"$csv/crmbench_health_rate_$connections.summary"; read -r _ _ wrate _ <"$csv/wrk_health_$connections.summary"
    printf '%-52s %11.2f\n' "  requests/s reached at wrk's rate, crmbench / wrk" "$(echo "$crate / $wrate" | bc -l)"
    printf '%-52s %11s\n' "  at wrk's rate, still waiting at the end" "$(dropped "$csv/crmbench_health_rate_$connections")"
    read -r c9 r9 rate9 _ <"$csv/crmbench_health_rate90_$connections.summary"
    printf '%-52s %11.2f\n' "  at 0.9 of wrk's rate, requests/s reached / asked" "$(echo "$rate9 / (0.9 * $wrate)" | bc -l)"
    printf '%-52s %11s\n' "  at 0.9 of wrk's rate, still waiting at the end" "$(dropped "$csv/crmbench_health_rate90_$connections")"
    printf '%-52s %11.1fx\n' "  CPU per request at 0.9 of wrk's rate, crmbench / wrk" "$(echo "($c9 / $r9) / ($wc / $wr)" | bc -l)"
    steady_ratio "  steady window, at 0.9 of wrk's rate, crmbench / wrk" "$csv/crmbench_health_rate90_$connections" "$csv/wrk_health_$connections"
    read -r cc cr _ <"$csv/crmbench_health_$connections.summary"
    printf '%-52s %11.1fx\n' "  CPU per request as fast as it goes, crmbench / wrk" "$(echo "($cc / $cr) / ($wc / $wr)" | bc -l)"
    steady_ratio "  steady window, at wrk's rate, crmbench / wrk" "$csv/crmbench_health_rate_$connections" "$csv/wrk_health_$connections"
    steady_ratio "  steady window, as fast as it goes, crmbench / wrk" "$csv/crmbench_health_$connections" "$csv/wrk_health_$connections"
    echo
  done
  line "/api/run-query/, 1000 users, ${run_seconds}s: Locust" "$csv/locust_run_query"
  line "/api/run-query/, 1000 users, ${run_seconds}s: crmbench" "$csv/crmbench_run_query"
  line "/api/run-query/, 1000 connections, ${run_seconds}s: wrk" "$csv/wrk_run_query"
  ratio "  requests per CPU-second, crmbench / Locust" "$csv/crmbench_run_query" "$csv/locust_run_query"
  steady_ratio "  steady window, CPU per request, crmbench / wrk" "$csv/crmbench_run_query" "$csv/wrk_run_query"
  echo
  echo "Goals: at least 5x Locust's requests per CPU-second on /health at $users and 1000 users (issue 13); the open"
  echo "model at wrk's rate reaching it within 1.5x wrk's CPU per request, the closed model within 1.3x (issue 25)."
  echo "CPU s: user + system CPU seconds of the load generator's processes; a JVM's start-up is part of every crmbench"
  echo "figure (crmbench load --users 1 --run-time 1s used $(cpu_seconds "$work/startup.cpu") CPU s)"
  echo "(all Locust processes; crmbench's JVM, start-up included; wrk). The server and PostgreSQL share the cores."
  echo "steady: CPU s per 10,000 requests from second $warm of the run to a second before its end (the generator's"
  echo "CPU from /proc, the requests from the server's /metrics counter of the route): what a longer run costs per"
  echo "request once the JVM has started and compiled; — for Locust (several processes, not sampled)."
  echo "Locust percentiles are rounded to 2 significant digits; wrk's and crmbench's are exact."
} | tee "$out"
rm -f "$csv"/*.summary "$csv"/*.cpu "$csv"/*.steady
