#!/usr/bin/env bash
# Where crmbench load's CPU goes, thread by thread: closed-model runs on /health of a crmbench serve
# started here (USERS users), ROUNDS of each run length. Each run's threads are read from /proc half
# a second before its end (they are gone after it): the event loop, the JIT compilers, the main
# thread (JVM start-up, the command line, the run's setup), the reporter, the collector, the rest.
# The loop's share grows with the run; what the others take is paid once per run, and is what puts
# a short run's CPU per request above wrk's (scripts/compare-load-rounds.sh). Per run length: the
# median of each thread group over the rounds, and the requests of the run.
#
#   scripts/load-threads.sh [ROUNDS] [USERS] [LENGTHS]     (defaults 3 100 "3 20")
# Output: reports/load-threads.txt, or $CRMBENCH_THREADS_OUT
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
users=${2:-100}
read -r -a lengths <<<"${3:-3 20}"
for v in "$rounds" "$users" "${lengths[@]}"; do
  case $v in *[!0-9]*|''|0) echo "ROUNDS, USERS and LENGTHS are whole numbers above 0, not '$v'" >&2; exit 2 ;; esac
done
for v in "${lengths[@]}"; do
  [ "$v" -ge 2 ] || { echo "run lengths of at least 2 seconds: the threads are read half a second before the end" >&2; exit 2; }
done
port=${CRMBENCH_SERVE_PORT:-8000}
host="http://127.0.0.1:$port"
out=${CRMBENCH_THREADS_OUT:-reports/load-threads.txt}
for tool in curl bc; do command -v $tool >/dev/null || { echo "$tool is needed (apt install curl bc)" >&2; exit 1; }; done
work=$(mktemp -d /tmp/crmbench-threads.XXXXXX)
. scripts/serve-here.sh
trap stop_serve EXIT
start_serve
warm_launcher

groups=(load-loop C2 C1 main reporter GC other)
group_of() { # $1 = a thread's name as /proc shows it
  case $1 in
    load-loop*) echo load-loop ;; "C2 Compiler"*) echo C2 ;; "C1 Compiler"*) echo C1 ;; java) echo main ;;
    load-reporter*) echo reporter ;; "GC Thread"* | "VM Thread" | "ParGC"*) echo GC ;; *) echo other ;;
  esac
}

one_run() { # $1 = seconds: "requests" then one "group cpu" line per thread with CPU
  local pid name cpu
  ./crmbench load --host "$host" --scenario health --users "$users" --spawn-rate "$users" \
    --run-time "${1}s" >"$work/run.log" 2>&1 &
  pid=$! # the launcher exec's its JVM: the same process
  sleep "$(echo "$1 - 0.5" | bc)"
  # one awk for every thread at once (a program per thread took longer than the half second left);
  # the name is between the first "(" and the last ")", and may hold spaces; utime and stime are
  # the 12th and 13th fields after it
  awk -v hz="$(getconf CLK_TCK)" '{
    name = substr($0, index($0, "(") + 1); name = substr(name, 1, match(name, /\) [A-Z] /) - 1)
    split(substr($0, match($0, /\) [A-Z] /) + 2), f, " ")
    print name "\t" (f[12] + f[13]) / hz
  }' /proc/"$pid"/task/*/stat 2>/dev/null >"$work/threads" || true
  wait "$pid" || { echo "load failed:" >&2; cat "$work/run.log" >&2; exit 1; }
  grep -o '[0-9,]* requests in' "$work/run.log" | head -1 | tr -d ', a-z'
  while IFS=$'\t' read -r name cpu; do echo "$(group_of "$name") $cpu"; done <"$work/threads" \
    | awk '{cpu[$1] += $2} END {for (g in cpu) print g, cpu[g]}'
}

{
  echo "# Where crmbench load's CPU goes, thread by thread — $(date -u +%Y-%m-%dT%H:%MZ)"
  machine_line "crmbench serve"
  echo "command: scripts/load-threads.sh $rounds $users \"${lengths[*]}\"   (load --scenario health --users $users, closed model)"
  echo
  printf '%-7s %-6s %10s' length round requests
  printf ' %9s' "${groups[@]}" total
  echo
  for s in "${lengths[@]}"; do
    rm -f "$work"/g_*
    for r in $(seq 1 "$rounds"); do
      one_run "$s" >"$work/one"
      requests=$(head -1 "$work/one")
      printf '%-7s %-6s %10s' "${s}s" "$r" "$requests"
      total=0
      for g in "${groups[@]}"; do
        cpu=$(awk -v g="$g" '$1 == g {printf "%.2f", $2; found = 1} END {if (!found) printf "0.00"}' "$work/one")
        printf ' %9s' "$cpu"
        echo "$cpu" >>"$work/g_$g"
        total=$(echo "$total + $cpu" | bc -l)
      done
      printf ' %9.2f\n' "$total"
      echo "$total" >>"$work/g_total"
      echo "$requests" >>"$work/g_requests"
    done
    printf '%-7s %-6s %10s' "${s}s" median "$(median <"$work/g_requests")"
    for g in "${groups[@]}" total; do printf ' %9.2f' "$(median <"$work/g_$g")"; done
    echo
  done
  echo
  echo "CPU seconds (user + system) of each group of the load JVM's threads, read from /proc/PID/task"
  echo "half a second before the run's end (so the exit, and the last half second, are not in them):"
  echo "load-loop the event loop(s) sending and reading, C2 and C1 the JIT compilers, main the thread"
  echo "that starts the JVM, parses the command line and sets the run up, reporter the thread that"
  echo "writes each second's figures, GC the collector's threads, other the rest (start-up threads of"
  echo "the AOT cache, signal and service threads). The server and PostgreSQL share the cores."
} | tee "$out"
