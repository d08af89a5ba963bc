#!/usr/bin/env bash
# Cheap lookups beside expensive lists. Three servers on the dataset in the embedded database
# (3,000,000 users for the reference run), one after the other:
#   before       BEFORE_REV built from git (default: the commit before the hostile-traffic work),
#                looping on the request of the original incident (a page 59,000 deep);
#   lanes only   the working tree's server with --list-connections <cores> --list-share 100
#                (separate lookup and list workers, a list connection per core, no rest for lists:
#                the server of the first hostile-traffic commit);
#   after        the working tree's server with its defaults;
#   then one more server for each OPTIONS given: the working tree's with those serve options.
# The request the last two loop on is the dearest list request that answers 200, found by a sweep
# (below) of filter pairs x orderings x pages at page_size 500 on the working tree's server.
# For each server: 10 s of warm-up (both requests), then
#   alone   wrk: 16 connections on /api/run-query/ with random user ids, SECONDS long;
#   loaded  the same, while 16 more connections loop on the expensive list request;
# then pg_stat_activity right after killing the list clients (kill -9), and after stopping the
# server with SIGTERM and with kill -9 under the list loop. CPU seconds of the server JVM and of
# PostgreSQL are read from /proc around each phase.
#
# Both wrk clients run at nice -10 when the script may raise priority (root): on 2 cores shared
# with the server and PostgreSQL, a client descheduled for 100 ms would count its own delay as the
# server's latency; a client on another machine would not.
#
#   scripts/hostile-serve.sh [SECONDS] [BEFORE_REV] [OPTIONS]...
#   e.g. scripts/hostile-serve.sh 30 e851c56 "--list-connections 1" "--list-share 25"
# Output: reports/hostile-serve.txt. Needs wrk, psql, curl, bc and python3; builds BEFORE_REV in /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
before_rev=${2:-e851c56}
extra=("${@:3}")
port=8011
out=reports/hostile-serve.txt
for tool in wrk psql curl bc python3; do command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
. scripts/find-jdk.sh
. scripts/jvm-options.sh
crmbench_jvm_options # both servers get the launcher's JVM options, as ./crmbench serve would
./crmbench db start >/dev/null
url=$(./crmbench db status --url)
users=$(psql "$url" -Atc "select count(*) from crmbench.app_user")
work=$(mktemp -d /tmp/crmbench-hostile.XXXXXX)
server_pid=
loop_pids=()
stop_loops() { # the background list loops this script started, and the wrk each one runs
  local pid
  for pid in "${loop_pids[@]}"; do pkill -9 -P "$pid" 2>/dev/null; kill -9 "$pid" 2>/dev/null; done
  loop_pids=()
  return 0
}
cleanup() {
  if [ -n "$server_pid" ]; then kill -9 "$server_pid" 2>/dev/null || true; fi
  stop_loops
  git worktree remove --force "$work/before" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
client_priority=""
if nice -n -10 true 2>/dev/null; then client_priority="nice -n -10"; fi
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "port $port is in use (another run of this script?): stop that first" >&2; exit 1
fi

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
done = function(summary, latency, requests)
  io.write(string.format("tail %.2fms %.2fms\n", latency:percentile(99.9) / 1000, latency.max / 1000))
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
start_server() { # $1 = jar, then serve's options
  local jar=$1
  shift
  # shellcheck disable=SC2086 # one option a word
  "$JAVA_HOME/bin/java" $crmbench_vm_options ${CRMBENCH_JAVA_OPTS:-} -jar "$jar" serve --port "$port" "$@" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && return; sleep 0.5; done
  echo "the server did not start: $(tail -5 "$work/serve.log")" >&2; exit 1
}
stop_server() {
  kill -9 "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}
lookups() { # $1 = output file: 16 connections of lookups for SECONDS
  $client_priority wrk -t1 -c16 -d"${seconds}s" --timeout 30s --latency -s "$work/lookup.lua" \
    "http://127.0.0.1:$port" >"$1" 2>&1
}
list_loop() { # $1 = path, $2 = duration, $3 = output file: 16 connections looping on one list request
  $client_priority wrk -t1 -c16 -d"$2" --timeout 60s --latency "http://127.0.0.1:$port$1" >"$3" 2>&1
}
columns='%-40s %9s %9s %8s %8s %9s %9s %7s %8s %8s %9s\n'
wrk_line() { # $1 = label, $2 = wrk output file, $3 = cpu jvm, $4 = cpu pg
  local rps p50 p99 p999 max errors requests per10k
  rps=$(awk '/Requests\/sec/ {print $2}' "$2")
  requests=$(awk '/requests in/ {print $1}' "$2")
  p50=$(awk '$1 == "50%" {print $2}' "$2")
  p99=$(awk '$1 == "99%" {print $2}' "$2")
  p999=$(awk '$1 == "tail" {print $2}' "$2")
  max=$(awk '$1 == "tail" {print $3}' "$2")
  errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$2")
  per10k=—
  if [ "${requests:-0}" -gt 0 ]; then per10k=$(echo "scale=3; ($3 + $4) * 10000 / $requests" | bc); fi
  printf "$columns" "$1" "$requests" "$rps" "$p50" "$p99" "$p999" "$max" "$errors" "$3" "$4" "$per10k"
}

phase() { # $1 = label, $2 = expensive path or "" for lookups alone
  local label=$1 expensive=$2
  local jvm0 pg0 jvm1 pg1 list_pid=
  if [ -n "$expensive" ]; then
    list_loop "$expensive" "$((seconds + 5))s" "$work/list.txt" &
    list_pid=$!
    loop_pids+=("$list_pid")
    sleep 5
  fi
  jvm0=$(cpu "$server_pid"); pg0=$(cpu $(pg_pids))
  lookups "$work/lookup.txt"
  jvm1=$(cpu "$server_pid"); pg1=$(cpu $(pg_pids))
  wrk_line "$label, lookups $([ -n "$expensive" ] && echo 'beside the list loop' || echo 'alone')" \
    "$work/lookup.txt" "$(echo "$jvm1 - $jvm0" | bc)" "$(echo "$pg1 - $pg0" | bc)"
  if [ -n "$list_pid" ]; then
    sleep 1
    stop_loops; wait "$list_pid" 2>/dev/null || true
    printf '%-40s %s\n' "$label, the list loop" \
      "$(awk '/Requests\/sec/ {r=$2} /requests in/ {n=$1} /Non-2xx/ {e=$NF} END {print n " requests (" e + 0 " not 2xx), " r " req/s"}' "$work/list.txt"), p50 $(awk '$1 == "50%" {print $2}' "$work/list.txt")"
    echo "$label, pg_stat_activity after kill -9 of the list clients: active statements now $(running), after 1 s $(sleep 1; running), after 3 s $(sleep 2; running)"
  fi
}

stop_checks() { # $1 = label, $2 = signal
  kill "-$2" "$server_pid" || true
  local now one three
  now=$(running)
  sleep 1; one=$(running)
  sleep 2; three=$(running)
  wait "$server_pid" 2>/dev/null || true; server_pid=
  echo "$1, pg_stat_activity after kill -$2 of the server under the list loop: active statements now $now, after 1 s $one, after 3 s $three"
}

# The dearest list request that answers 200: each filter pair with the filters' two most common
# values, every ordering, pages 1, 10 and 20 of 500 rows; timed once, the slowest ten again.
dearest_list_request() {
  local values
  values=$(psql "$url" -At -F' ' -c "
    (select 'first_name', first_name_key from crmbench.user_list group by 2 order by count(*) desc limit 2)
    union all (select 'last_name', last_name_key from crmbench.user_list group by 2 order by count(*) desc limit 2)
    union all (select 'city', city_key from crmbench.user_list group by 2 order by count(*) desc limit 2)
    union all (select 'tier', tier_key from crmbench.user_list group by 2 order by count(*) desc limit 2)")
  VALUES="$values" python3 - "http://127.0.0.1:$port" <<'PY'
import itertools, os, sys, time, urllib.error, urllib.parse, urllib.request
base = sys.argv[1]
values = {}
for line in os.environ["VALUES"].splitlines():
    name, value = line.split(" ", 1)
    values.setdefault(name, []).append(value)
orderings = [sign + key for key in ("id", "last_name", "created", "relationship__points",
                                     "relationship__lifetime_value") for sign in ("", "-")]
def timed(query):
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(base + "/api/users/?" + query) as r:
            r.read(); status = r.status
    except urllib.error.HTTPError as e:
        e.read(); status = e.code
    return time.perf_counter() - start, status
queries = []
for a, b in itertools.combinations(sorted(values), 2):
    for va, vb in itertools.product(values[a], values[b]):
        for ordering in orderings:
            for page in (1, 10, 20):
                queries.append(urllib.parse.urlencode(
                    {a: va, b: vb, "ordering": ordering, "page": page, "page_size": 500}))
times = sorted(((timed(q), q) for q in queries), reverse=True)
slowest = [q for (t, status), q in times if status == 200][:10]
again = sorted(((sorted(timed(q)[0] for _ in range(3))[1], q) for q in slowest), reverse=True)
print(f"/api/users/?{again[0][1]} {again[0][0] * 1000:.0f} {len(queries)}")
PY
}

# the report goes to the terminal and the file; no pipeline, so the EXIT trap sees the server's pid
exec > >(tee "$out")
echo "# hostile-serve: cheap lookups beside expensive lists — $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2); $users users"
echo "command: scripts/hostile-serve.sh $seconds $before_rev$([ ${#extra[@]} -gt 0 ] && printf ' "%s"' "${extra[@]}")   (before = $before_rev, after = $(git rev-parse --short HEAD)$([ -n "$(git status --porcelain -- . ':!reports/hostile-serve.txt')" ] && echo ' + working tree'))"
echo "lookups: wrk -t1 -c16 -d${seconds}s, /api/run-query/?count=1&type=get&user_id=<random 1..$users>; clients ${client_priority:-at normal priority}"

start_server "$work/after.jar"
dearest_list_request >"$work/dearest.txt" || { echo "the sweep for the dearest list request failed" >&2; exit 1; }
read -r dearest dearest_ms swept <"$work/dearest.txt"
stop_server
incident="/api/users/?page=59000&ordering=relationship__lifetime_value"
echo "the dearest list request answering 200 among $swept swept (filter pairs x orderings x pages 1/10/20 of 500 rows): $dearest, median of 3: $dearest_ms ms"
echo
printf "$columns" "" requests "req/s" p50 p99 "p99.9" max errors "JVM cpu s" "PG cpu s" "cpu s/10k"
for which in before "lanes only" after "${extra[@]}"; do
  case $which in
    before) jar="$work/before/cli/target/crmbench.jar"; expensive=$incident; options=() ;;
    "lanes only") jar="$work/after.jar"; expensive=$dearest; options=(--list-connections "$(nproc)" --list-share 100) ;;
    after) jar="$work/after.jar"; expensive=$dearest; options=() ;;
    *) jar="$work/after.jar"; expensive=$dearest; read -ra options <<<"$which"; which="after $which" ;;
  esac
  start_server "$jar" "${options[@]}"
  echo "$which (serve ${options[*]:-with its defaults}): the list request $expensive -> HTTP $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' "http://127.0.0.1:$port$expensive")"
  # warm-up: lookups and 500-row list pages compiled before anything is measured (a cheap page:
  # the before server cannot cancel the expensive one, which would outlive the warm-up)
  list_loop "/api/users/?page_size=500" 10s /dev/null &
  warm=$!
  loop_pids+=("$warm")
  $client_priority wrk -t1 -c16 -d10s -s "$work/lookup.lua" "http://127.0.0.1:$port" >/dev/null 2>&1
  wait "$warm" || true
  phase "$which" ""
  phase "$which" "$expensive"
  list_loop "$expensive" 60s /dev/null &
  loop_pids+=($!)
  sleep 3
  stop_checks "$which" TERM
  stop_loops
  start_server "$jar" "${options[@]}"
  list_loop "$expensive" 60s /dev/null &
  loop_pids+=($!)
  sleep 3
  stop_checks "$which" 9
  stop_loops
  echo
done
echo "list loop not 2xx: 503 for a request still queued at the server's deadline (before: 10 s after a worker frees up; after: --queue-timeout 2 s)."
echo "p99.9, max: from wrk's latency histogram. errors: non-2xx responses plus socket errors (connect, read, write, timeout) as wrk counts them."
echo "JVM/PG cpu s: user+system CPU seconds of the server JVM and of all PostgreSQL processes during the lookup run; cpu s/10k: their sum per 10,000 lookups."
echo "requests 0: no lookup was answered within the run (each waited behind the list requests)."
