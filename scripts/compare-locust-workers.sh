#!/usr/bin/env bash
# One Locust master (Debian's Locust 2.12.1, headless, --expect-workers 2) run twice against
# crmbench serve on the same dataset: once with two Python workers (FastHttpUser, the
# examples/locustfile_workers.py task) and once with two crmbench workers (crmbench load
# --locust-master, scenario run-query: the same URL and success rule). For each: the master's
# requests/s, requests and failures (its --csv), the workers' CPU seconds and CPU seconds per
# 10,000 requests; for crmbench also the exact p50/p99 of the two workers' .hlog files merged.
#
#   scripts/compare-locust-workers.sh [SECONDS] [USERS] [SPAWN_RATE]      (defaults 60 1000 100)
# Output: reports/locust-workers-comparison.txt (the CSV files under reports/locust-workers/), or
# $CRMBENCH_WORKERS_OUT and $CRMBENCH_WORKERS_CSV for a second run beside the first
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
users=${2:-1000}
rate=${3:-100}
port=${CRMBENCH_SERVE_PORT:-8000}
master_port=${LOCUST_MASTER_PORT:-5557}
host="http://127.0.0.1:$port"
out=${CRMBENCH_WORKERS_OUT:-reports/locust-workers-comparison.txt}
csv=${CRMBENCH_WORKERS_CSV:-reports/locust-workers}
if [ -n "${CRMBENCH_WORKERS_OUT:-}" ] && [ -z "${CRMBENCH_WORKERS_CSV:-}" ]; then # a second run would overwrite the first's CSV files
  echo "CRMBENCH_WORKERS_OUT is set: set CRMBENCH_WORKERS_CSV too (e.g. reports/locust-workers-run2), or the CSV files of reports/locust-workers are replaced" >&2; exit 2
fi
python=/usr/bin/python3
$python -c 'import locust' 2>/dev/null || { echo "Debian's python3-locust is needed (apt install python3-locust)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }
mkdir -p "$csv"
rm -f "$csv"/*
work=$(mktemp -d /tmp/crmbench-workers.XXXXXX)
. scripts/serve-here.sh
started=() # the Locust master and workers this script started, for the trap
cleanup() { # every step whatever the one before did; only the processes this script started
  set +e
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null; done
  stop_serve
}
trap cleanup EXIT
start_serve
warm_launcher
max_id=$(highest_user_id)

# Debian's Locust reports an empty version, and its master turns away workers that send one
# ("an old (pre 2.0) worker"): its Python workers run with the version set, as Locust's own would.
cat >"$work/python_worker.py" <<'PY'
import sys
import locust.runners
locust.runners.__version__ = "2.12.1"
from locust.main import main
sys.argv = ["locust"] + sys.argv[1:]
main()
PY

master() { # $1 = csv prefix; runs in the background, its pid in $master_pid
  $python -m locust -f examples/locustfile_workers.py --master --master-bind-port "$master_port" --headless \
    --expect-workers 2 -u "$users" -r "$rate" -t "${seconds}s" --host "$host" --csv "$1" --only-summary \
    >"$1.log" 2>&1 &
  master_pid=$!
  started+=("$master_pid")
  sleep 2
}

timed() { # $1 = file for "user system" CPU seconds, rest = the command
  local file=$1; shift
  /usr/bin/time -f '%U %S' -o "$file" "$@"
}

python_round() {
  master "$csv/python_master"
  local pids=("$master_pid")
  for w in 1 2; do
    timed "$work/python_$w.cpu" $python "$work/python_worker.py" -f examples/locustfile_workers.py --worker \
      --master-port "$master_port" >"$csv/python_worker_$w.log" 2>&1 &
    pids+=($!)
    started+=($!)
  done
  wait "${pids[@]}" || true # not the server's; a worker's failures are in the master's figures
}

crmbench_round() {
  master "$csv/crmbench_master"
  local pids=("$master_pid")
  for w in 1 2; do
    timed "$work/crmbench_$w.cpu" ./crmbench load --locust-master "127.0.0.1:$master_port" --scenario run-query \
      --max-user-id "$max_id" --csv "$csv/crmbench_worker_$w" >"$csv/crmbench_worker_$w.log" 2>&1 &
    pids+=($!)
    started+=($!)
  done
  wait "${pids[@]}" || true # a worker exits 1 when requests failed: the table shows them
}

aggregated() { # $1 = stats csv, $2 = column -> value of the Aggregated row
  $python -c 'import csv,sys; r=[x for x in csv.DictReader(open(sys.argv[1])) if x["Name"]=="Aggregated"][-1]; print(r[sys.argv[2]])' "$1" "$2"
}

cpu() { cat "$work/$1_1.cpu" "$work/$1_2.cpu" | awk '{s += $1 + $2} END {printf "%.2f", s}'; }

line() { # $1 = label, $2 = round name
  local stats="$csv/$2_master_stats.csv" requests failures rps p50 p99 cpu_s
  requests=$(aggregated "$stats" "Request Count"); failures=$(aggregated "$stats" "Failure Count")
  rps=$(aggregated "$stats" "Requests/s"); p50=$(aggregated "$stats" "50%"); p99=$(aggregated "$stats" "99%")
  cpu_s=$(cpu "$2")
  printf '%-34s %10s %10.0f %9s %12s %12s %8s %12.3f\n' "$1" "$requests" "$rps" "$failures" "$p50" "$p99" "$cpu_s" \
    "$(echo "$cpu_s * 10000 / $requests" | bc -l)"
}

python_round
crmbench_round
./crmbench report --merge "$csv/crmbench_worker_1_api_run_query.hlog" "$csv/crmbench_worker_2_api_run_query.hlog" \
  --out "$csv/crmbench_workers_merged.hlog" >"$csv/crmbench_workers_merged.txt"

{
  echo "# one Locust master, two Python workers vs two crmbench workers — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); Locust $(dpkg-query -W -f='${Version}' python3-locust 2>/dev/null); highest user id $max_id; server: crmbench serve on the same machine"
  echo "command: scripts/compare-locust-workers.sh $seconds $users $rate   (master: headless, --expect-workers 2, -u $users -r $rate -t ${seconds}s)"
  echo "request: /api/run-query/?count=1&type=get&user_id=<random>, success = status 200 and no \"error\" in the body"
  echo
  printf '%-34s %10s %10s %9s %12s %12s %8s %12s\n' "workers (the master's totals)" "requests" "req/s" "failures" \
    "p50 ms (L)" "p99 ms (L)" "CPU s" "CPU s / 10k"
  line "2 Python workers (FastHttpUser)" python
  line "2 crmbench workers" crmbench
  echo
  echo "crmbench workers' own exact histograms, merged (crmbench report --merge):"
  cat "$csv/crmbench_workers_merged.txt"
  echo
  echo "(L): as the master reports it: Locust rounds response times to 2 significant digits before it"
  echo "counts them. CPU s: user + system CPU seconds of the two worker processes (JVM or Python, start-up"
  echo "included), not the master's. The server, PostgreSQL, the master and the workers share the 2 cores."
} | tee "$out"
