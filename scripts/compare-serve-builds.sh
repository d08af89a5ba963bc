#!/usr/bin/env bash
# crmbench serve of this build against the build of BASE (a git revision, built here in a temporary
# git worktree), in rounds: each round starts each build's server in turn on the same port, warms
# it with wrk for 5 s, then runs wrk (-t1, CONNECTIONS) for SECONDS on /api/users/1/ and stops it;
# which build goes first alternates from round to round.
# The machine drifts by more between minutes than a small change moves a server's cost, so the
# ratios to quote are the medians of each round's this-build / BASE pairs, runs a few seconds apart.
# For every run: the server JVM's CPU seconds (user + system) per 10,000 requests wrk completed
# during the measured run, and wrk's requests/s and p99.
#
#   scripts/compare-serve-builds.sh BASE [ROUNDS] [SECONDS] [CONNECTIONS]     (defaults 5 20 64)
# Output: reports/serve-builds.txt, or $CRMBENCH_SERVE_BUILDS_OUT
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: scripts/compare-serve-builds.sh BASE [ROUNDS] [SECONDS] [CONNECTIONS]}
rounds=${2:-5}
seconds=${3:-20}
connections=${4:-64}
[[ $rounds =~ ^[1-9][0-9]*$ && $seconds =~ ^[1-9][0-9]*$ && $connections =~ ^[1-9][0-9]*$ ]] \
  || { echo "ROUNDS, SECONDS and CONNECTIONS are whole numbers of at least 1" >&2; exit 2; }
port=${CRMBENCH_SERVE_PORT:-8000}
host="http://127.0.0.1:$port"
out=${CRMBENCH_SERVE_BUILDS_OUT:-reports/serve-builds.txt}
for tool in wrk curl bc; do command -v $tool >/dev/null || { echo "$tool is needed (apt install wrk curl bc)" >&2; exit 1; }; done
work=$(mktemp -d /tmp/crmbench-serve-builds.XXXXXX)
. scripts/serve-here.sh
build_base "$base"

served_by() { # $1 = a launcher: starts its serve, warms it, measures one wrk run, stops it; leaves
  # the server's CPU s per 10k requests, wrk's requests/s and its p99 in ms in $work/result
  local c0 c1 requests p99
  serve_launcher=$1
  start_serve
  wrk -t1 -c"$connections" -d5s "$host/api/users/1/" >/dev/null
  c0=$(process_cpu "$server_pid")
  wrk -t1 -c"$connections" -d"${seconds}s" --latency "$host/api/users/1/" >"$work/wrk.txt"
  c1=$(process_cpu "$server_pid")
  stop_server
  requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {v = $2; if (v ~ /us$/) v = v / 1000; else if (v ~ /ms$/) v = v + 0; else if (v ~ /s$/) v = v * 1000; print v}' "$work/wrk.txt")
  echo "$(echo "($c1 - $c0) * 10000 / $requests" | bc -l) $(echo "$requests / $seconds" | bc -l) $p99" >"$work/result"
}

# each launcher's cache for serve made by two starts (one records, the next assembles), before any
# measured run; and the report written as it goes, from this shell, whose EXIT trap stops the server
for launcher in ./crmbench "$worktree/crmbench"; do
  for _ in 1 2; do serve_launcher=$launcher; start_serve; stop_server; done
done
exec > >(tee "$out")

echo "# crmbench serve, this build against $base — $(date -u +%Y-%m-%dT%H:%MZ)"
machine_line "each build's crmbench serve in turn"
echo "command: scripts/compare-serve-builds.sh $base $rounds $seconds $connections"
echo "this build: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ":(exclude)reports" 2>/dev/null || echo ' with uncommitted changes'); $base: $(git rev-parse --short "$base_commit")"
echo
printf '%5s  %-18s %14s %12s %10s\n' round build "server CPU s/10k" requests/s "p99 ms"
for r in $(seq 1 "$rounds"); do
  # which build goes first alternates, so that what the first run of a round meets (the other's
  # shutdown, the cores' state) falls on both alike
  if [ $((r % 2)) = 1 ]; then
    served_by ./crmbench; read -r ac ar ap <"$work/result"
    served_by "$worktree/crmbench"; read -r bc br bp <"$work/result"
  else
    served_by "$worktree/crmbench"; read -r bc br bp <"$work/result"
    served_by ./crmbench; read -r ac ar ap <"$work/result"
  fi
  printf '%5s  %-18s %14.3f %12.0f %10.2f\n' "$r" "this build" "$ac" "$ar" "$ap" "$r" "$base" "$bc" "$br" "$bp"
  divide "$ac" "$bc" >>"$work/r_cpu"; divide "$ar" "$br" >>"$work/r_rate"; divide "$ap" "$bp" >>"$work/r_p99"
done
echo "  medians over $rounds rounds (smallest–largest), this build / $base:"
printf '    server CPU per request %s   requests/s %s   p99 %s\n' "$(spread "$work/r_cpu")" "$(spread "$work/r_rate")" \
  "$(spread "$work/r_p99")"
echo
echo "server CPU s/10k: the serve JVM's user + system CPU seconds during wrk's measured run per 10,000"
echo "requests wrk completed (after a 5 s wrk warm-up of the same server). wrk -t1 -c$connections on"
echo "/api/users/1/. Each build's server is started afresh for its run; wrk, the server and PostgreSQL"
echo "share the cores."
