#!/usr/bin/env bash
# crmbench load against wrk in rounds, on /health of a crmbench serve started here: each round runs
# wrk (-t1, CONNECTIONS), then crmbench's closed model (CONNECTIONS users) and its open model at
# the rate wrk just reached (--max-in-flight CONNECTIONS --when-busy wait), SECONDS each. The
# machine's speed drifts by more between minutes than the tools differ (scripts/compare-load.sh
# runs each tool once, minutes apart), so each round's ratios compare runs a few seconds apart,
# and the medians over the rounds are what to quote, with their smallest and largest.
# For every run: the load generator's CPU seconds (user + system) per 10,000 requests the server
# counted for /health, over the whole run (JVM start-up included) and in its steady window
# (second 5 to a second before the end); for the open model, the rate it reached over wrk's.
#
#   scripts/compare-load-rounds.sh [ROUNDS] [SECONDS] [CONNECTIONS ...]     (defaults 5 20 100 1000)
# Output: reports/load-rounds.txt, or $CRMBENCH_ROUNDS_OUT
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
seconds=${2:-20}
shift $(($# > 2 ? 2 : $#))
connections=("$@")
[ ${#connections[@]} -gt 0 ] || connections=(100 1000)
[ "$seconds" -ge 8 ] || { echo "runs of at least 8 seconds: the steady window starts at second 5" >&2; exit 2; }
port=${CRMBENCH_SERVE_PORT:-8000}
host="http://127.0.0.1:$port"
out=${CRMBENCH_ROUNDS_OUT:-reports/load-rounds.txt}
for tool in wrk curl bc; do command -v $tool >/dev/null || { echo "$tool is needed (apt install wrk curl bc)" >&2; exit 1; }; done
work=$(mktemp -d /tmp/crmbench-rounds.XXXXXX)
. scripts/serve-here.sh
trap stop_serve EXIT
start_serve

warm=5


load=(./crmbench load --host "$host" --scenario health --run-time "${seconds}s") # run as is: its PID is the JVM's

warm_launcher # and the server's JIT
{
  echo "# crmbench load against wrk in rounds — $(date -u +%Y-%m-%dT%H:%MZ)"
  machine_line "crmbench serve"
  echo "command: scripts/compare-load-rounds.sh $rounds $seconds ${connections[*]}"
  echo
  printf '%-12s %5s  %-8s %10s %12s %12s\n' connections round run requests/s "CPU s/10k" "steady"
  for c in "${connections[@]}"; do
    rm -f "$work"/r_*
    for r in $(seq 1 "$rounds"); do
      read -r ww ws wr <<<"$(measured wrk -t1 -c"$c" -d"${seconds}s" --timeout 30s "$host/health")"
      read -r cw cs cr <<<"$(measured "${load[@]}" --users "$c" --spawn-rate "$c")"
      read -r ow os orate <<<"$(measured "${load[@]}" --rate "$(printf '%.0f' "$wr")" --max-in-flight "$c" --when-busy wait)"
      printf '%-12s %5s  %-8s %10.0f %12.3f %12.3f\n' "$c" "$r" wrk "$wr" "$ww" "$ws" "$c" "$r" closed "$cr" "$cw" "$cs" \
        "$c" "$r" open "$orate" "$ow" "$os"
      divide "$cw" "$ww" >>"$work/r_closed"; divide "$cs" "$ws" >>"$work/r_closed_steady"
      divide "$ow" "$ww" >>"$work/r_open"; divide "$os" "$ws" >>"$work/r_open_steady"
      divide "$orate" "$wr" >>"$work/r_reached"
    done
    echo "  $c connections, medians over $rounds rounds (smallest–largest), crmbench / wrk:"
    echo "    CPU per request, closed model:                  $(spread "$work/r_closed")   steady $(spread "$work/r_closed_steady")"
    echo "    CPU per request, open model at wrk's rate:      $(spread "$work/r_open")   steady $(spread "$work/r_open_steady")"
    echo "    requests/s reached, open model at wrk's rate:   $(spread "$work/r_reached")"
    echo
  done
  echo "Goals (issue 25): the open model at wrk's rate within 1.5x wrk's CPU per request and reaching its"
  echo "rate, the closed model within 1.3x. CPU s/10k: the generator's user + system CPU seconds per 10,000"
  echo "requests the server counted for /health during the run (crmbench's JVM start-up included); steady:"
  echo "the same from second $warm to a second before the end. open: --rate at the rate wrk reached just"
  echo "before, on as many connections (--when-busy wait). The server and PostgreSQL share the cores."
} | tee "$out"
