#!/usr/bin/env bash
# Where crmbench load's CPU goes, down to the kernel: wrk (-t1) and then crmbench's closed model,
# USERS connections each, SECONDS each, on /health of a crmbench serve started here. wrk's user and
# system CPU per 10,000 requests (the requests the server counted), beside load's, sampled every
# millisecond of CPU by async-profiler (perf events: kernel frames too), thread group by thread
# group (as scripts/load-threads.sh), and its event loop split into the system calls it waits in
# and the user-space code around them (scripts/load-profile.py). The profiler is
# tools.profiler:async-profiler from Maven Central, fetched by Maven into target/async-profiler;
# it needs perf events (root, or kernel.perf_event_paranoid at most 1).
#
#   scripts/load-profile.sh [SECONDS] [USERS]     (defaults 20 100)
# Output: reports/load-profile.txt, or $CRMBENCH_PROFILE_OUT
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
users=${2:-100}
for v in "$seconds" "$users"; do
  case $v in *[!0-9]*|''|0) echo "usage: scripts/load-profile.sh [SECONDS] [USERS], whole numbers above 0, not '$v'" >&2; exit 2 ;; esac
done
port=${CRMBENCH_SERVE_PORT:-8000}
host="http://127.0.0.1:$port"
out=${CRMBENCH_PROFILE_OUT:-reports/load-profile.txt}
for tool in wrk curl unzip python3; do command -v $tool >/dev/null || { echo "$tool is needed (apt install wrk curl unzip python3)" >&2; exit 1; }; done
profiler_version=4.0
library=target/async-profiler/linux-x64/libasyncProfiler.so
if [ ! -f "$library" ]; then
  ./mvnw -q dependency:copy "-Dartifact=tools.profiler:async-profiler:$profiler_version" -DoutputDirectory=target/async-profiler \
    || { echo "could not fetch tools.profiler:async-profiler:$profiler_version from Maven" >&2; exit 1; }
  unzip -q -o "target/async-profiler/async-profiler-$profiler_version.jar" 'linux-x64/*' -d target/async-profiler
fi
work=$(mktemp -d /tmp/crmbench-profile.XXXXXX)
. scripts/serve-here.sh
trap stop_serve EXIT
start_serve
warm_launcher
interval_ms=1

timed() { # rest = a command: prints its user and system CPU seconds and the /health requests the server counted
  local n0 n1
  n0=$(served /health)
  /usr/bin/time -o "$work/cpu" -f '%U %S' "$@" >"$work/run.log" 2>&1 || { echo "failed: $*" >&2; cat "$work/run.log" >&2; exit 1; }
  n1=$(served /health)
  echo "$(cat "$work/cpu") $((n1 - n0))"
}

read -r wu ws wn <<<"$(timed wrk -t1 -c"$users" -d"${seconds}s" --timeout 30s "$host/health")"
read -r lu ls ln <<<"$(CRMBENCH_JAVA_OPTS="-agentpath:$PWD/$library=start,event=cpu,interval=${interval_ms}ms,threads,collapsed,file=$work/load.collapsed" \
  timed ./crmbench load --host "$host" --scenario health --users "$users" --spawn-rate "$users" --run-time "${seconds}s")"
if [ ! -s "$work/load.collapsed" ]; then
  echo "async-profiler wrote no profile; the load run's output follows (perf events need root or" \
    "kernel.perf_event_paranoid at most 1, here $(cat /proc/sys/kernel/perf_event_paranoid 2>/dev/null || echo unknown)):" >&2
  cat "$work/run.log" >&2
  exit 1
fi
{
  echo "# Where crmbench load's CPU goes, down to the kernel — $(date -u +%Y-%m-%dT%H:%MZ)"
  machine_line "crmbench serve"
  echo "command: scripts/load-profile.sh $seconds $users   (closed model, /health; async-profiler $profiler_version, cpu every ${interval_ms} ms)"
  echo
  printf '%-34s %10s %10s %12s\n' run requests "CPU s" "CPU s/10k"
  for row in "wrk, user:$wu:$wn" "wrk, system:$ws:$wn" "crmbench load, user:$lu:$ln" "crmbench load, system:$ls:$ln"; do
    IFS=: read -r name cpu n <<<"$row"
    printf '%-34s %10d %10.2f %12.4f\n' "$name" "$n" "$cpu" "$(echo "$cpu * 10000 / $n" | bc -l)"
  done
  echo
  echo "crmbench load, sampled (the profiler's own cost is in the run's CPU above, not in these):"
  python3 scripts/load-profile.py "$work/load.collapsed" "$interval_ms" "$ln"
  echo
  echo "requests: what the server counted for /health during each run. CPU s: /usr/bin/time's user and"
  echo "system seconds of the whole process (load: JVM start-up and exit included). Sampled: each sample"
  echo "is ${interval_ms} ms of a thread's CPU; kernel rows are samples whose leaf is in the kernel under that"
  echo "system call of the event loop, user rows those in user space under the JDK's socket calls"
  echo "(SocketChannelImpl, IOUtil), its selector (EPollSelectorImpl and the rest of sun.nio.ch's selector),"
  echo "crmbench's own code, or elsewhere. The server and PostgreSQL share the cores."
} | tee "$out"
