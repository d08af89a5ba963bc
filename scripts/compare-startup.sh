#!/usr/bin/env bash
# What class data sharing (the launcher's per-command archive, see ./crmbench) saves at start-up:
# each command below with the archive and without it (CRMBENCH_CDS=off), in turn, ROUNDS times,
# against a crmbench serve started here. CPU s = user + system seconds of the command's process.
#
#   scripts/compare-startup.sh [ROUNDS]     (default 7)
# Output: reports/startup-cds.txt, or $CRMBENCH_STARTUP_OUT
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
port=${CRMBENCH_SERVE_PORT:-8000}
host="http://127.0.0.1:$port"
out=${CRMBENCH_STARTUP_OUT:-reports/startup-cds.txt}
command -v curl >/dev/null || { echo "curl is needed (apt install curl)" >&2; exit 1; }
work=$(mktemp -d /tmp/crmbench-startup.XXXXXX)
. scripts/serve-here.sh
trap stop_serve EXIT
start_serve

commands=(
  "--version"
  "report --help"
  "load --host $host --scenario health --users 1 --spawn-rate 1 --run-time 1s"
  "load --host $host --scenario run-query --users 10 --spawn-rate 10 --run-time 5s"
)
cpu() { # $1 = on|off, rest = crmbench arguments: the run's user + system CPU seconds
  local mode=$1; shift
  local TIMEFORMAT='%U %S'
  { time CRMBENCH_CDS=$mode ./crmbench "$@" >/dev/null 2>&1; } 2>&1 | awk '{printf "%.3f", $1 + $2}'
}
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

{
  echo "# crmbench start-up with and without class data sharing — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); $(./crmbench --version | tail -1)"
  echo "command: scripts/compare-startup.sh $rounds   (each command with the archive, then without, $rounds rounds, after one of each)"
  echo
  printf '%-86s %9s %9s %9s %18s\n' "crmbench ..." "CPU s on" "CPU s off" "on/off" "pairs on/off"
  for c in "${commands[@]}"; do
    read -ra args <<<"$c"
    cpu on "${args[@]}" >/dev/null; cpu off "${args[@]}" >/dev/null # the archive is made by the first run
    : >"$work/on"; : >"$work/off"; : >"$work/ratio"
    for _ in $(seq 1 "$rounds"); do
      on=$(cpu on "${args[@]}"); off=$(cpu off "${args[@]}")
      echo "$on" >>"$work/on"; echo "$off" >>"$work/off"; echo "$on / $off" | bc -l >>"$work/ratio"
    done
    on=$(median <"$work/on"); off=$(median <"$work/off")
    printf '%-86s %9.2f %9.2f %9.2f %8.2f–%-8.2f\n' "${c//$host/\$host}" "$on" "$off" "$(median <"$work/ratio")" \
      "$(sort -g "$work/ratio" | head -1)" "$(sort -g "$work/ratio" | tail -1)"
  done
  echo
  echo "CPU s: medians of user + system CPU seconds of the crmbench process (its JVM, start-up included)."
  echo "on/off: the median of the pairs' ratios (a pair = one run with, one without, one after the other),"
  echo "then their smallest and largest. on: the launcher's archive for that command (made by the run before"
  echo "the rounds); off: CRMBENCH_CDS=off, the JDK's own archive of its classes only. The server and"
  echo "PostgreSQL share the cores."
} | tee "$out"
