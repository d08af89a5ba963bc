#!/usr/bin/env bash
# crmbench load against real Locust, in one run on this machine:
#  1. the same trivial endpoint (/health of crmbench serve) driven by (a) Locust, FastHttpUser,
#     one process per core, and (b) crmbench load, with the same users:
#     requests/s and CPU seconds per 10,000 requests of each load generator;
#  2. both against /api/run-query/ at 1000 users, spawn rate 100, for RUN_SECONDS.
# Needs Debian's python3-locust and a generated dataset in the embedded database. Debian's Locust
# (2.12) has no --processes and its workers fail to connect to a master here, so "one process per
# core" is that many independent headless Locust processes, each with its share of the users;
# their requests and CPU are added up (a master would only add to Locust's CPU).
#
#   scripts/compare-load.sh [HEALTH_SECONDS] [RUN_SECONDS] [USERS]     (defaults 30 60 100)
# Output: reports/load-comparison.txt (and the CSV files of each run under reports/load/)
set -euo pipefail
cd "$(dirname "$0")/.."
health_seconds=${1:-30}
run_seconds=${2:-60}
users=${3:-100}
port=${CRMBENCH_SERVE_PORT:-8000}
host="http://127.0.0.1:$port"
out=reports/load-comparison.txt
csv=reports/load
command -v locust >/dev/null || { echo "locust is needed (apt install python3-locust)" >&2; exit 1; }
workers=$(nproc)
mkdir -p "$csv"
work=$(mktemp -d /tmp/crmbench-load.XXXXXX)
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; pkill -f "locust -f" 2>/dev/null; rm -rf "$work"; true' EXIT

./crmbench serve --port "$port" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do curl -sf "$host/health" >/dev/null && break; sleep 0.5; done

cpu_seconds() { awk '{printf "%.2f", $1 + $2}' "$1"; }

locust_run() { # $1 = locustfile, $2 = users, $3 = spawn rate, $4 = seconds, $5 = csv prefix; CPU into $5.cpu
  TIMEFORMAT='%U %S'
  { time (
      for i in $(seq 1 "$workers"); do
        locust -f "$1" --headless --host "$host" -u $(($2 / workers)) -r "$(echo "$3 / $workers" | bc -l)" \
          -t "${4}s" --csv "$5.$i" --only-summary >"$5.$i.log" 2>&1 &
      done
      wait
    ) ; } 2>"$5.cpu"
  python3 - "$5" "$workers" "$4" <<'PY'
import csv, sys
prefix, n, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
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

crmbench_run() { # $1 = scenario, $2 = users, $3 = spawn rate, $4 = seconds, $5 = csv prefix; CPU into $5.cpu
  TIMEFORMAT='%U %S'
  { time ./crmbench load --host "$host" --scenario "$1" --users "$2" --spawn-rate "$3" --run-time "${4}s" \
      --csv "$5" >"$5.log" 2>&1 || true ; } 2>"$5.cpu"
}

aggregated() { # $1 = stats csv, $2 = column name -> value of the Aggregated row
  python3 -c 'import csv,sys; r=[x for x in csv.DictReader(open(sys.argv[1])) if x["Name"]=="Aggregated"][0]; print(r[sys.argv[2]])' "$1" "$2"
}

line() { # $1 = label, $2 = csv prefix
  local rps requests failures cpu p50 p99
  rps=$(aggregated "$2_stats.csv" "Requests/s"); requests=$(aggregated "$2_stats.csv" "Request Count")
  failures=$(aggregated "$2_stats.csv" "Failure Count"); p50=$(aggregated "$2_stats.csv" "50%")
  p99=$(aggregated "$2_stats.csv" "99%"); cpu=$(cpu_seconds "$2.cpu")
  printf '%-44s %11.0f %9s %9s %9s %9.1f %14.2f\n' "$1" "$rps" "$failures" "$p50" "$p99" "$cpu" \
    "$(echo "$cpu * 10000 / $requests" | bc -l)"
  echo "$cpu $requests" >"$2.summary"
}

crmbench_run health "$users" "$users" 5 "$work/warmup" # JIT and server warm-up, not reported
locust_run examples/locustfile_health.py "$users" "$users" "$health_seconds" "$csv/locust_health"
crmbench_run health "$users" "$users" "$health_seconds" "$csv/crmbench_health"
locust_run examples/locustfile_fast.py 1000 100 "$run_seconds" "$csv/locust_run_query"
crmbench_run run-query 1000 100 "$run_seconds" "$csv/crmbench_run_query"

{
  echo "# crmbench load vs Locust — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); Locust $(dpkg-query -W -f='${Version}' python3-locust 2>/dev/null || locust --version); server: crmbench serve on the same machine"
  echo "command: scripts/compare-load.sh $health_seconds $run_seconds $users   (Locust: FastHttpUser, $workers processes, users split between them)"
  echo
  printf '%-44s %11s %9s %9s %9s %9s %14s\n' "" "requests/s" "failures" "p50 ms" "p99 ms" "CPU s" "CPU s / 10k req"
  line "/health, $users users: Locust" "$csv/locust_health"
  line "/health, $users users: crmbench load" "$csv/crmbench_health"
  read -r lc lr <"$csv/locust_health.summary"; read -r cc cr <"$csv/crmbench_health.summary"
  printf '%-44s %11.1fx   (goal: at least 5x)\n' "requests per CPU-second, crmbench / Locust" \
    "$(echo "($cr / $cc) / ($lr / $lc)" | bc -l)"
  echo
  line "/api/run-query/, 1000 users, ${run_seconds}s: Locust" "$csv/locust_run_query"
  line "/api/run-query/, 1000 users, ${run_seconds}s: crmbench" "$csv/crmbench_run_query"
  echo
  echo "CPU s: user + system CPU seconds of the load generator's processes (all Locust processes; crmbench's JVM)."
  echo "The server and PostgreSQL share the same cores; Locust percentiles are rounded to 2 significant digits."
} | tee "$out"
rm -f "$csv"/*.summary "$csv"/*.cpu
