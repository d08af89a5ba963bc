#!/usr/bin/env bash
# Cheap lookups beside expensive lists, before and after: for each server (BEFORE_REV built from
# git, default the commit before the hostile-traffic work, and the working tree's), on the dataset
# in the embedded database (3,000,000 users for the reference run):
#   alone   wrk: 16 connections on /api/run-query/ with random user ids, SECONDS long;
#   loaded  the same, while 16 more connections loop on the most expensive list request that
#           server accepts (before: a page 59,000 deep by lifetime value; after: page 20 of 500
#           rows by -created, the slowest combination of bench --surface --page-size 500);
# then pg_stat_activity right after killing the list clients (kill -9), and after stopping the
# server with SIGTERM and with kill -9. CPU seconds of the server JVM and of PostgreSQL are read
# from /proc around each phase.
#
#   scripts/hostile-serve.sh [SECONDS] [BEFORE_REV]
# Output: reports/hostile-serve.txt. Needs wrk, psql and curl; builds BEFORE_REV in /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
before_rev=${2:-e851c56}
port=8011
out=reports/hostile-serve.txt
for tool in wrk psql curl; do command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
. scripts/find-jdk.sh
./crmbench db start >/dev/null
url=$(./crmbench db status --url)
users=$(psql "$url" -Atc "select count(*) from crmbench.app_user")
work=$(mktemp -d /tmp/crmbench-hostile.XXXXXX)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null
  pkill -f "wrk.*127.0.0.1:$port" 2>/dev/null || true
  git worktree remove --force "$work/before" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

[ -f cli/target/crmbench.jar ] || { echo "build the working tree first: ./mvnw -q package -DskipTests" >&2; exit 1; }
cp cli/target/crmbench.jar "$work/after.jar" # a rebuild during the run must not change the server under test
echo "building $before_rev ..." >&2
git worktree add --detach -q "$work/before" "$before_rev"
(cd "$work/before" && ./mvnw -q package -DskipTests >/dev/null 2>&1)

cat >"$work/lookup.lua" <<LUA
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/run-query/?count=1&type=get&user_id=" .. math.random(1, $users))
end
LUA

cpu() { # user+system seconds of the PIDs given
  local ticks=0
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo "scale=2; $ticks / $(getconf CLK_TCK)" | bc
}
pg_pids() { pgrep -f "postgres" | tr '\n' ' '; }
running() { # active statements of crmbench serve
  psql "$url" -Atc "select count(*) from pg_stat_activity where application_name = 'crmbench'
    and state = 'active' and pid <> pg_backend_pid()"
}
start_server() { # $1 = jar
  "$JAVA_HOME/bin/java" -XX:+UseParallelGC -jar "$1" serve --port "$port" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && return; sleep 0.5; done
  echo "the server did not start: $(tail -5 "$work/serve.log")" >&2; exit 1
}
wrk_line() { # $1 = label, $2 = wrk output file, $3 = cpu jvm, $4 = cpu pg
  local rps p50 p99 errors requests
  rps=$(awk '/Requests\/sec/ {print $2}' "$2")
  requests=$(awk '/requests in/ {print $1}' "$2")
  p50=$(awk '$1 == "50%" {print $2}' "$2")
  p99=$(awk '$1 == "99%" {print $2}' "$2")
  errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$2")
  printf '%-44s %10s %10s %9s %9s %8s %9s %9s\n' "$1" "$requests" "$rps" "$p50" "$p99" "$errors" "$3" "$4"
}

phase() { # $1 = server label, $2 = expensive URL or "", $3 = jar
  local label=$1 expensive=$2
  local jvm0 pg0 jvm1 pg1 list_pid=
  jvm0=$(cpu "$server_pid"); pg0=$(cpu $(pg_pids))
  if [ -n "$expensive" ]; then
    wrk -t1 -c16 -d"$((seconds + 5))s" --timeout 60s --latency "http://127.0.0.1:$port$expensive" >"$work/list.txt" 2>&1 &
    list_pid=$!
    sleep 5
  fi
  wrk -t1 -c16 -d"${seconds}s" --timeout 30s --latency -s "$work/lookup.lua" "http://127.0.0.1:$port" >"$work/lookup.txt" 2>&1
  jvm1=$(cpu "$server_pid"); pg1=$(cpu $(pg_pids))
  wrk_line "$label lookups$([ -n "$expensive" ] && echo ', beside the list loop' || echo ', alone')" \
    "$work/lookup.txt" "$(echo "$jvm1 - $jvm0" | bc)" "$(echo "$pg1 - $pg0" | bc)"
  if [ -n "$list_pid" ]; then
    sleep 1
    kill -9 "$list_pid" 2>/dev/null || true; wait "$list_pid" 2>/dev/null || true
    printf '%-44s %s\n' "$label list loop (16 connections)" \
      "$(awk '/Requests\/sec/ {r=$2} /requests in/ {n=$1} END {print n " requests, " r " req/s"}' "$work/list.txt"), p50 $(awk '$1 == "50%" {print $2}' "$work/list.txt")"
    echo "$label pg_stat_activity after kill -9 of the list clients: active statements now $(running), after 1 s $(sleep 1; running), after 3 s $(sleep 2; running)"
  fi
}

stop_checks() { # $1 = label, $2 = signal
  kill "-$2" "$server_pid" || true
  local t0; t0=$(date +%s.%N)
  local now; now=$(running)
  sleep 1; local one; one=$(running)
  sleep 2; local three; three=$(running)
  wait "$server_pid" 2>/dev/null || true; server_pid=
  echo "$1 pg_stat_activity after kill -$2 of the server under the list loop: active statements now $now, after 1 s $one, after 3 s $three"
}

# the report goes to the terminal and the file; no pipeline, so the EXIT trap sees the server's pid
exec > >(tee "$out")
{
  echo "# hostile-serve: cheap lookups beside expensive lists — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2); $users users"
  echo "command: scripts/hostile-serve.sh $seconds $before_rev   (before = $before_rev, after = $(git rev-parse --short HEAD)$([ -n "$(git status --porcelain)" ] && echo ' + working tree'))"
  echo "lookups: wrk -t1 -c16 -d${seconds}s, /api/run-query/?count=1&type=get&user_id=<random 1..$users>"
  echo
  printf '%-44s %10s %10s %9s %9s %8s %9s %9s\n' "" requests "req/s" p50 p99 errors "JVM cpu s" "PG cpu s"
  for which in before after; do
    if [ $which = before ]; then
      jar="$work/before/cli/target/crmbench.jar"
      expensive="/api/users/?page=59000&ordering=relationship__lifetime_value"
    else
      jar="$work/after.jar"
      expensive="/api/users/?ordering=-created&page=20&page_size=500"
    fi
    start_server "$jar"
    echo "$which: the expensive list request: $expensive -> HTTP $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' "http://127.0.0.1:$port$expensive")"
    phase "$which" "" "$jar"
    phase "$which" "$expensive" "$jar"
    wrk -t1 -c16 -d60s --timeout 60s "http://127.0.0.1:$port$expensive" >/dev/null 2>&1 &
    sleep 3
    stop_checks "$which" TERM
    pkill -9 -f "wrk.*127.0.0.1:$port" 2>/dev/null || true
    start_server "$jar"
    wrk -t1 -c16 -d60s --timeout 60s "http://127.0.0.1:$port$expensive" >/dev/null 2>&1 &
    sleep 3
    stop_checks "$which" 9
    pkill -9 -f "wrk.*127.0.0.1:$port" 2>/dev/null || true
    echo
  done
  echo "errors: non-2xx responses plus socket errors (connect, read, write, timeout) as wrk counts them."
  echo "JVM/PG cpu s: user+system CPU seconds of the server JVM and of all PostgreSQL processes during the lookup run."
  echo "requests 0: no lookup was answered within the run (each waited behind the list requests)."
}
