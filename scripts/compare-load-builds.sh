#!/usr/bin/env bash
# crmbench load of this build against the build of BASE (a git revision, built here in a temporary
# git worktree), in rounds, on /health of a crmbench serve started here (this build's). Each round
# runs wrk (-t1, CONNECTIONS) for the rate to ask, then for each build in turn the open model at
# that rate (--max-in-flight CONNECTIONS --when-busy wait) and the closed model (CONNECTIONS
# users), SECONDS each. The machine drifts by more between minutes than a change moves a load
# generator's cost, so the ratios to quote are the medians of each round's this-build / BASE pairs,
# runs a few seconds apart.
# For every run: the load generator's CPU seconds (user + system) per 10,000 requests the server
# counted for /health, over the whole run (JVM start-up included) and in its steady window (second
# 5 to a second before the end), and its requests/s.
#
#   scripts/compare-load-builds.sh BASE [ROUNDS] [SECONDS] [CONNECTIONS ...]     (defaults 3 20 100)
# Output: reports/load-builds.txt, or $CRMBENCH_LOAD_BUILDS_OUT
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: scripts/compare-load-builds.sh BASE [ROUNDS] [SECONDS] [CONNECTIONS ...]}
rounds=${2:-3}
seconds=${3:-20}
shift $(($# > 3 ? 3 : $#))
connections=("$@")
[ ${#connections[@]} -gt 0 ] || connections=(100)
[ "$seconds" -ge 8 ] || { echo "runs of at least 8 seconds: the steady window starts at second 5" >&2; exit 2; }
port=${CRMBENCH_SERVE_PORT:-8000}
host="http://127.0.0.1:$port"
out=${CRMBENCH_LOAD_BUILDS_OUT:-reports/load-builds.txt}
for tool in wrk curl bc; do command -v $tool >/dev/null || { echo "$tool is needed (apt install wrk curl bc)" >&2; exit 1; }; done
work=$(mktemp -d /tmp/crmbench-load-builds.XXXXXX)
. scripts/serve-here.sh
build_base "$base"
start_serve

warm=5

warm_launcher; warm_launcher "$worktree/crmbench"
{
  echo "# crmbench load, this build against $base — $(date -u +%Y-%m-%dT%H:%MZ)"
  machine_line "crmbench serve (this build)"
  echo "command: scripts/compare-load-builds.sh $base $rounds $seconds ${connections[*]}"
  echo "this build: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ":(exclude)reports" 2>/dev/null || echo ' with uncommitted changes'); $base: $(git rev-parse --short "$base_commit")"
  echo
  printf '%-12s %5s  %-18s %10s %12s %12s\n' connections round run requests/s "CPU s/10k" "steady"
  for c in "${connections[@]}"; do
    rm -f "$work"/r_*
    for r in $(seq 1 "$rounds"); do
      read -r _ _ rate <<<"$(measured wrk -t1 -c"$c" -d"${seconds}s" --timeout 30s "$host/health")"
      rate=$(printf '%.0f' "$rate")
      for model in open closed; do
        args=(load --host "$host" --scenario health --run-time "${seconds}s")
        if [ $model = open ]; then
          args+=(--rate "$rate" --max-in-flight "$c" --when-busy wait)
        else
          args+=(--users "$c" --spawn-rate "$c")
        fi
        # each launcher run as is: its PID is the JVM's
        read -r aw as ar <<<"$(measured ./crmbench "${args[@]}")"
        read -r bw bs br <<<"$(measured "$worktree/crmbench" "${args[@]}")"
        printf '%-12s %5s  %-18s %10.0f %12.3f %12.3f\n' "$c" "$r" "$model, this build" "$ar" "$aw" "$as" \
          "$c" "$r" "$model, $base" "$br" "$bw" "$bs"
        divide "$aw" "$bw" >>"$work/r_${model}_whole"; divide "$as" "$bs" >>"$work/r_${model}_steady"
        divide "$ar" "$br" >>"$work/r_${model}_rate"
      done
    done
    echo "  $c connections (open model at $rate/s in the last round), medians over $rounds rounds (smallest–largest), this build / $base:"
    for model in open closed; do
      printf '    %-7s CPU per request %s   steady %s   requests/s %s\n' "$model" "$(spread "$work/r_${model}_whole")" \
        "$(spread "$work/r_${model}_steady")" "$(spread "$work/r_${model}_rate")"
    done
    echo
  done
  echo "CPU s/10k: the generator's user + system CPU seconds per 10,000 requests the server counted for"
  echo "/health during the run (its JVM start-up included); steady: the same from second $warm to a second"
  echo "before the end. open: --rate at the rate wrk reached at the start of the round, on as many"
  echo "connections (--when-busy wait). Each build with its launcher's cache, made by runs before the"
  echo "rounds. The server (this build) and PostgreSQL share the cores."
} | tee "$out"
