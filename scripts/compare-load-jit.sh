#!/usr/bin/env bash
# What the JIT compilers cost crmbench load: the same closed-model run on /health of crmbench serve
# (USERS users) with the JVM's default tiered compilation (-XX:TieredStopAtLevel=4, given
# explicitly, so that the comparison holds whatever the launcher chooses) and with C1 only
# (-XX:TieredStopAtLevel=1: no C2, which compiles the hot path a second time, on the same cores),
# for each run length, in turn, ROUNDS times (the order swapped every round, as the machine's speed
# drifts). Per run: requests, CPU seconds of the load JVM (user + system, start-up included) and
# CPU seconds per 10,000 requests; per length, the median of C1's figure over the default's.
#
#   scripts/compare-load-jit.sh [ROUNDS] [USERS] [LENGTHS]     (defaults 3 100 "20 60")
# Output: reports/load-jit.txt, or $CRMBENCH_JIT_OUT
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
users=${2:-100}
read -r -a lengths <<<"${3:-20 60}"
port=${CRMBENCH_SERVE_PORT:-8000}
host="http://127.0.0.1:$port"
out=${CRMBENCH_JIT_OUT:-reports/load-jit.txt}
for v in "$rounds" "$users" "${lengths[@]}"; do
  case $v in *[!0-9]*|''|0) echo "ROUNDS, USERS and LENGTHS are whole numbers above 0, not '$v'" >&2; exit 2 ;; esac
done
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }
work=$(mktemp -d /tmp/crmbench-jit.XXXXXX)
. scripts/serve-here.sh
trap stop_serve EXIT
start_serve

one_run() { # $1 = JVM options, $2 = seconds: "requests cpu" of one load run
  TIMEFORMAT='%U %S'
  local cpu
  cpu=$( { time CRMBENCH_JAVA_OPTS="$1" ./crmbench load --host "$host" --scenario health --users "$users" \
      --spawn-rate "$users" --run-time "${2}s" >"$work/load.log" 2>&1 ; } 2>&1 | awk '{print $1 + $2}')
  echo "$(sed -nE 's/^load run: ([0-9,]+) requests.*/\1/p' "$work/load.log" | tr -d ,) $cpu"
}

one_run "" 5 >/dev/null # the server's own warm-up (the launcher's choice of flags); the launcher's
one_run "" 3 >/dev/null # cache for load: one run records it, the next assembles it
{
  echo "# crmbench load with and without C2 — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; server: crmbench serve on the same machine"
  echo "command: scripts/compare-load-jit.sh $rounds $users \"${lengths[*]}\"   (load --scenario health --users $users, closed model)"
  echo
  printf '%-8s %-6s %-28s %10s %8s %14s\n' length round JVM requests "CPU s" "CPU s / 10k"
  for length in "${lengths[@]}"; do
    : >"$work/ratios"
    for round in $(seq 1 "$rounds"); do
      order=(-XX:TieredStopAtLevel=4 -XX:TieredStopAtLevel=1)
      if [ $((round % 2)) = 0 ]; then order=(-XX:TieredStopAtLevel=1 -XX:TieredStopAtLevel=4); fi
      declare -A per10k=()
      for opts in "${order[@]}"; do
        read -r requests cpu <<<"$(one_run "$opts" "$length")"
        per10k[$opts]=$(echo "$cpu * 10000 / $requests" | bc -l)
        printf '%-8s %-6s %-28s %10s %8.2f %14.3f\n' "${length}s" "$round" "$opts" "$requests" "$cpu" "${per10k[$opts]}"
      done
      echo "${per10k[-XX:TieredStopAtLevel=1]} / ${per10k[-XX:TieredStopAtLevel=4]}" | bc -l >>"$work/ratios"
      unset per10k
    done
    printf '%-8s median CPU per request, C1 only / tiered: %.2f\n' "${length}s" "$(sort -g "$work/ratios" | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')"
  done
  echo
  echo "CPU s: user + system CPU seconds of the load JVM, start-up included (the launcher's own flags"
  echo "beside the option shown, which comes last and wins). TieredStopAtLevel=4 is the JVM's default (C1"
  echo "then C2), =1 C1 only. The server and PostgreSQL share the cores."
} | tee "$out"
