#!/usr/bin/env bash
# The committed reference reports: real runs of generate, bench --baseline and load on USERS
# users (default 3,000,000), each with the command that produced it, the machine, and the HTML
# page crmbench report makes of it (plus a PNG of that page when Debian's chromium is there).
#
#   scripts/reference-reports.sh [USERS]
# Output: reports/reference/ (see reports/README.md). Replaces the embedded database's dataset.
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-3000000}
port=${CRMBENCH_SERVE_PORT:-8000}
out=reports/reference
command -v curl >/dev/null || { echo "curl is needed (apt install curl)" >&2; exit 1; }
. scripts/find-jdk.sh
machine="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2)"
server_pid=
trap 'set +e; [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; true' EXIT

rm -rf "$out" && mkdir -p "$out/bench" "$out/load"
./crmbench db start >/dev/null
header() { # $1 = what, $2 = command
  echo "# $1 — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $machine; embedded PostgreSQL $(./crmbench db status | awk '/^Server/ {print $3; exit}')"
  echo "command: $2"
  echo
}
screenshot() { # $1 = html, $2 = png
  command -v chromium >/dev/null || return 0
  local profile; profile=$(mktemp -d)
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$profile" --window-size=1150,"$3" --screenshot="$2" "file://$(realpath "$1")" >/dev/null 2>&1 || true
  rm -rf "$profile"
}

# 1. generate
cmd="crmbench generate --n $users"
{ header "crmbench generate" "$cmd"; ./crmbench generate --n "$users" 2>/dev/null; } | tee "$out/generate.txt"

# 2. bench, baseline then indexed: at least 20 executions and 10 s per scenario and mode
cmd="crmbench bench --baseline --repeat 20 --duration 10s --out $out/bench"
{ header "crmbench bench" "$cmd"; ./crmbench bench --baseline --repeat 20 --duration 10s --out "$out/bench" 2>/dev/null; } \
  | tee "$out/bench/console.txt"
run=$(ls -d "$out"/bench/runs/* | tail -1)
./crmbench report "$run" --html "$out/bench/report.html" >/dev/null
./crmbench report "$run" --format markdown >"$out/bench/report.md"
screenshot "$out/bench/report.html" "$out/bench/report.png" 4600

# 3. load: the original Locust test (1000 users, spawn rate 100, 60 s) against crmbench serve
./crmbench serve --port "$port" >"$out/load/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
cmd="crmbench load --host http://127.0.0.1:$port --users 1000 --spawn-rate 100 --run-time 60s --max-user-id $users --csv $out/load/run_query"
{ header "crmbench load (crmbench serve on the same machine)" "$cmd"; ./crmbench load --host "http://127.0.0.1:$port" --users 1000 --spawn-rate 100 --run-time 60s --max-user-id "$users" --csv "$out/load/run_query" 2>/dev/null; } \
  | tee "$out/load/console.txt"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
./crmbench report "$out/load/run_query_stats.csv" --html "$out/load/report.html" >/dev/null
./crmbench report "$out/load/run_query_stats.csv" --format markdown >"$out/load/report.md"
screenshot "$out/load/report.html" "$out/load/report.png" 1900
echo "reference reports in $out"
