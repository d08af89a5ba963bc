#!/usr/bin/env bash
# serve reading from streaming replicas, on this machine: an embedded primary made for the run
# (temporary data directory, free ports) with `db start --replicas 2`, USERS users generated
# into it, then:
#  1. `crmbench load` (closed model, 64 users) on lookups (run-query) and on lists (users-list)
#     against serve with the primary only, with 1 replica and with 2: requests/s, p50, p99, CPU
#     seconds per 10,000 requests of serve and of every PostgreSQL process together, and which
#     host ran the requests (serve's /metrics), ROUNDS times;
#  2. a replica killed as `pg_ctl -m immediate` does (SIGQUIT to its postmaster) 8 s into a 32 s
#     lookup run and started again at 16 s (after a checkpoint, so its crash recovery is short),
#     while pgbench writes 10,000 rows/s to a scratch table on the primary (so the replicas have
#     WAL to replay): requests/s per second by status and by host, from serve's /metrics sampled
#     every second, and the replay lag serve measured.
# All of it on the same 2 cores: no capacity gain is expected; the figures show the routing and
# what it costs per request. The user's own ~/.crmbench dataset is not touched.
#
#   scripts/compare-replicas.sh [USERS] [SECONDS] [ROUNDS]     (default 1000000, 20, 2)
# Output: reports/replicas.txt
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-1000000}
seconds=${2:-20}
rounds=${3:-2}
out=reports/replicas.txt
for tool in psql pgbench curl python3; do
  command -v $tool >/dev/null || { echo "$tool is needed (apt install postgresql-client curl)" >&2; exit 1; }
done
work=$(mktemp -d /tmp/crmbench-replicas.XXXXXX)
db_port=$(scripts/free-ports.py 4)
http_port=$((db_port + 3))
db=(--data-dir "$work/pgdata" --db-port "$db_port")
server_pid=
sampler_pid=
cleanup() {
  set +e # every step, whatever the one before did
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  ./crmbench db stop "${db[@]}" >/dev/null 2>&1 || true
  [ -z "${CRMBENCH_KEEP_WORK:-}" ] && rm -rf "$work"
  true
}
trap cleanup EXIT

./crmbench db start "${db[@]}" --replicas 2 >/dev/null
./crmbench generate --n "$users" "${db[@]}" >/dev/null 2>&1
url=$(./crmbench db status "${db[@]}" --url)
primary_jdbc="jdbc:postgresql://127.0.0.1:$db_port/postgres"
replica_jdbc() { echo "jdbc:postgresql://127.0.0.1:$((db_port + $1))/postgres"; }
export CRMBENCH_PASSWORD
CRMBENCH_PASSWORD=$(grep -v "^#" "$work/pgdata.pgpass" | cut -d: -f5)
lsn=$(psql -X -At "$url" -c 'select pg_current_wal_lsn()')
replica_libpq() { echo "postgresql://postgres@127.0.0.1:$((db_port + $1))/postgres?passfile=$work/pgdata-replica-$1.pgpass"; }
for n in 1 2; do
  until [ "$(psql -X -At "$(replica_libpq "$n")" -c "select pg_last_wal_replay_lsn() >= '$lsn'")" = t ]; do sleep 0.2; done
done

ticks=$(getconf CLK_TCK)
serve_cpu() { awk -v t="$ticks" '{print ($14 + $15) / t}' "/proc/$server_pid/stat"; }
postmasters() { for dir in pgdata pgdata-replica-1 pgdata-replica-2; do head -1 "$work/$dir/postmaster.pid"; done; }
# every PostgreSQL process: the postmasters, their ended children (cutime) and their live ones
pg_cpu() {
  local total=0 pm child
  for pm in $(postmasters); do
    total=$(awk -v s="$total" -v t="$ticks" '{print s + ($14 + $15 + $16 + $17) / t}' "/proc/$pm/stat")
    for child in $(pgrep -P "$pm"); do
      total=$(awk -v s="$total" -v t="$ticks" '{print s + ($14 + $15) / t}' "/proc/$child/stat" 2>/dev/null || echo "$total")
    done
  done
  echo "$total"
}
host_requests() { # primary, replica 1, replica 2 requests from /metrics
  curl -sf "http://127.0.0.1:$http_port/metrics" | python3 -c "
import re, sys
text = sys.stdin.read()
counts = {int(p): int(v) for p, v in re.findall(r'crmbench_db_host_requests_total\{host=\"127.0.0.1:(\d+)\"[^}]*\} (\d+)', text)}
print(*[counts.get($db_port + n, 0) for n in (0, 1, 2)])"
}

start_server() { # $@ = serve's replica options
  ./crmbench serve --port "$http_port" --jdbc-url "$primary_jdbc" --user postgres "$@" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 60); do
    if curl -sf "http://127.0.0.1:$http_port/health" >/dev/null; then
      server_pid=$(pgrep -P "$server_pid" -x java || echo "$server_pid")
      return
    fi
    sleep 0.5
  done
  echo "serve did not start: $(cat "$work/serve.log")" >&2; exit 1
}
stop_server() { # the JVM is not this shell's child when bash ran the launcher in a subshell: wait for it to go
  kill "$server_pid"
  while kill -0 "$server_pid" 2>/dev/null; do sleep 0.2; done
  server_pid=
}

run_load() { # $1 = scenario, $2 = seconds
  ./crmbench load --host "http://127.0.0.1:$http_port" --scenario "$1" -u 64 -r 10000 -t "${2}s" \
    --max-user-id "$users" --csv "$work/load" >"$work/load.txt" 2>&1 || true
}

measure() { # $1 = topology label, $2 = scenario
  run_load "$2" 5 # warm-up: JIT, pools, the replicas' caches
  local s0 p0 h0 s1 p1 h1
  s0=$(serve_cpu); p0=$(pg_cpu); h0=$(host_requests)
  run_load "$2" "$seconds"
  s1=$(serve_cpu); p1=$(pg_cpu); h1=$(host_requests)
  python3 - "$work/load_stats.csv" "$1" "$2" "$seconds" "$s0" "$s1" "$p0" "$p1" "$h0" "$h1" <<'PY'
import csv, sys
stats, label, scenario, seconds, s0, s1, p0, p1, h0, h1 = sys.argv[1:]
row = [r for r in csv.DictReader(open(stats)) if r["Name"] == "Aggregated"][0]
ok = int(row["Request Count"]) - int(row["Failure Count"])
hosts = [b - a for a, b in zip(map(int, h0.split()), map(int, h1.split()))]
share = "/".join(f"{100 * h / max(1, sum(hosts)):.0f}" for h in hosts)
print("%-16s %-10s %8.0f %7s %7s %6s %9.2f %9.2f   %s" % (label, scenario, ok / int(seconds), row["50%"], row["99%"],
      row["Failure Count"], (float(s1) - float(s0)) / ok * 10000, (float(p1) - float(p0)) / ok * 10000, share))
PY
}

# every second: requests by status and by host, and each replica's lag, from serve's own counters
sample() {
  python3 - "$http_port" "$db_port" <<'PY' &
import re, sys, time, urllib.request, json
http, db = int(sys.argv[1]), int(sys.argv[2])
last, t0 = None, time.time()
while True:
    try:
        m = urllib.request.urlopen(f"http://127.0.0.1:{http}/metrics", timeout=2).read().decode()
        h = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{http}/health", timeout=2).read())
    except Exception:
        time.sleep(1); continue
    status = {}
    for route, code, n in re.findall(r'crmbench_http_requests_total\{route="([^"]+)",status="(\d+)"\} (\d+)', m):
        if route.startswith("/api/"):
            status[code] = status.get(code, 0) + int(n)
    hosts = {int(p): int(v) for p, v in re.findall(r'crmbench_db_host_requests_total\{host="127.0.0.1:(\d+)"[^}]*\} (\d+)', m)}
    now = [status.get("200", 0), status.get("503", 0), sum(v for k, v in status.items() if k.startswith("5") and k != "503")] \
        + [hosts.get(db + n, 0) for n in (0, 1, 2)]
    lag = {x["host"].split(":")[1]: x.get("replay_lag_seconds") for x in h.get("hosts", []) if x["role"] == "replica"}
    reads = "".join("+" if x["reads"] else "-" for x in h.get("hosts", []) if x["role"] == "replica")
    if last is not None:
        d = [b - a for a, b in zip(last, now)]
        lags = " ".join("-" if lag.get(str(db + n)) is None else f"{lag[str(db + n)]:.3f}" for n in (1, 2))
        print(f"{time.time() - t0:5.0f} {d[0]:7d} {d[1]:5d} {d[2]:5d} {d[3]:8d} {d[4]:9d} {d[5]:9d}   {reads:>5}   {lags}", flush=True)
    last = now
    time.sleep(1 - (time.time() - t0) % 1)
PY
  sampler_pid=$!
}

exec > >(tee "$out") # not a pipe into tee: the servers' pids must stay in this shell for the trap
echo "# serve reading from streaming replicas — $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); primary, replicas, serve and load on the same cores"
echo "dataset: $users users (crmbench generate --n $users), embedded PostgreSQL, db start --replicas 2"
echo "command: scripts/compare-replicas.sh $users $seconds $rounds   (crmbench load -u 64, $seconds s after a 5 s warm-up)"
echo
for round in $(seq 1 "$rounds"); do
  echo "round $round"
  printf '%-16s %-10s %8s %7s %7s %6s %9s %9s   %s\n' topology scenario "req/s" "p50 ms" "p99 ms" errors \
    "serve s/10k" "pg s/10k" "primary/r1/r2 %"
  for topology in 0 1 2; do
    options=()
    for n in $(seq 1 "$topology"); do options+=(--replica-url "$(replica_jdbc "$n")"); done
    start_server "${options[@]}"
    labels=("primary only" "+ 1 replica" "+ 2 replicas")
    label=${labels[$topology]}
    measure "$label" run-query
    measure "$label" users-list
    stop_server
  done
  echo
done

echo "## a replica killed under load (pg_ctl -m immediate: SIGQUIT to its postmaster) at 8 s, started again at 16 s"
echo "serve with both replicas; crmbench load --scenario run-query -u 64 -t 32s; pgbench -R 10 writing 1,000 rows per"
echo "transaction to the primary meanwhile; one line per second from serve's /metrics"
echo
printf '%5s %7s %5s %5s %8s %9s %9s   %5s   %s\n' s 200 503 "5xx" primary replica1 replica2 reads "lag r1 r2 (s)"
start_server --replica-url "$(replica_jdbc 1)" --replica-url "$(replica_jdbc 2)"
run_load run-query 5
psql -X -q "$url" -c 'create table if not exists scratch_writes (id bigint, at timestamptz, note text)'
echo 'insert into scratch_writes select g, now(), repeat($$x$$, 100) from generate_series(1, 1000) g;' >"$work/write.sql"
psql -X -q "$url" -c checkpoint
for n in 1 2; do psql -X -q "$(replica_libpq "$n")" -c checkpoint; done # the killed one recovers from here
pgbench -n -c 1 -R 10 -T 34 -f "$work/write.sql" "$url" >"$work/pgbench.txt" 2>&1 &
writer_pid=$!
sample
./crmbench load --host "http://127.0.0.1:$http_port" --scenario run-query -u 64 -r 10000 -t 32s \
  --max-user-id "$users" --csv "$work/kill" >"$work/kill.txt" 2>&1 &
load_pid=$!
sleep 8
kill -QUIT "$(head -1 "$work/pgdata-replica-1/postmaster.pid")"
sleep 8
./crmbench db start "${db[@]}" --replicas 2 >/dev/null
wait "$load_pid" || true
wait "$writer_pid" || true
sleep 1.5
kill "$sampler_pid"; sampler_pid=
stop_server
echo
python3 - "$work/kill_stats.csv" "$work/kill_failures.csv" <<'PY'
import csv, sys
row = [r for r in csv.DictReader(open(sys.argv[1])) if r["Name"] == "Aggregated"][0]
print(f"load saw {row['Request Count']} requests, {row['Failure Count']} failed, p50 {row['50%']} ms, p99 {row['99%']} ms, max {row['Max Response Time']} ms")
for f in csv.DictReader(open(sys.argv[2])):
    print(f"  failed: {f['Occurrences']} x {f['Error']}")
PY
echo
echo "req/s: answered (2xx) per second; errors: failed requests; serve s/10k: CPU seconds of the serve process per"
echo "10,000 answered requests; pg s/10k: of every PostgreSQL process (primary and both replicas, running or not);"
echo "primary/r1/r2 %: share of the requests each host ran (serve's crmbench_db_host_requests_total)."
echo "Timeline: requests answered per second by status, requests each host ran, whether each replica took reads (+),"
echo "and the replay lag serve measured for each (- while it does not answer)."
