#!/usr/bin/env bash
# What the bearer token and TLS cost serve's lookup (/api/run-query/, random user ids), on this
# machine, against the same server with neither and with the token alone: requests/s, p50, p99 and the server process's
# CPU seconds per 10,000 requests (utime + stime from /proc, over the measurement only).
#   wrk (HTTP/1.1): plain, plain with the token, and HTTPS with the token;
#   crmbench load:   plain HTTP/1.1, HTTPS/1.1 with the token, HTTPS with HTTP/2 (ALPN) and the token.
# Every client keeps its connections open, so a TLS handshake is paid once per connection: what
# is measured is the steady cost of encryption and of checking the token on every request. A
# self-signed certificate (openssl, RSA 2048) is made for the run. Each server gets a 5 s warm-up.
# Needs a generated dataset in the embedded database, wrk, openssl and psql.
#
#   scripts/compare-access.sh [SECONDS] [CONNECTIONS] [ROUNDS]     (default 20, 64, 2)
# Output: reports/access-cost.txt
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
connections=${2:-64}
rounds=${3:-2}
port=${CRMBENCH_ACCESS_PORT:-8443}
out=reports/access-cost.txt
for tool in wrk psql curl openssl python3; do
  command -v $tool >/dev/null || { echo "$tool is needed (apt install wrk postgresql-client curl openssl)" >&2; exit 1; }
done

./crmbench db start >/dev/null
url=$(./crmbench db status --url)
users=$(psql -X -At "$url" -c 'select count(*) from crmbench.app_user')
work=$(mktemp -d /tmp/crmbench-access.XXXXXX)
server_pid=
cleanup() { # stops the server this script started (it drains first: up to 30 s) and removes $work
  set +e
  if [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; then
    for _ in $(seq 1 150); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
  fi
  [ -z "${CRMBENCH_KEEP_WORK:-}" ] && rm -rf "$work"
  return 0
}
trap cleanup EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
chmod 600 "$work/key.pem"
(umask 077; openssl rand -hex 32 >"$work/token")
cat >"$work/run-query.lua" <<LUA
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/run-query/?count=1&type=get&user_id=" .. math.random(1, $users))
end
LUA

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
ticks_per_s=$(getconf CLK_TCK)

start_server() { # $@ = serve's extra options
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use; choose another with CRMBENCH_ACCESS_PORT" >&2; exit 1
  fi
  ./crmbench serve --port "$port" "$@" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 60); do
    if curl -skf "$scheme://127.0.0.1:$port/health" >/dev/null; then
      # the JVM, when bash ran the launcher in a subshell rather than exec'ing it
      server_pid=$(pgrep -P "$server_pid" -x java || echo "$server_pid")
      return
    fi
    sleep 0.5
  done
  echo "serve did not start: $(cat "$work/serve.log")" >&2; exit 1
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=; }

# prints: requests p50_ms p99_ms
run_wrk() { # $1 = seconds
  wrk -t2 -c"$connections" -d"${1}s" --latency --timeout 10s -s "$work/run-query.lua" "${auth[@]}" \
    "$scheme://127.0.0.1:$port" >"$work/wrk.txt" 2>&1
  python3 - "$work/wrk.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(\w+)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
req = int(re.search(r"(\d+) requests in", text).group(1))
bad = sum(int(x) for x in re.findall(r"Non-2xx or 3xx responses: (\d+)", text))
# the distribution's lines, not a "+/- Stdev" column that happens to end in 50%
p50 = ms(re.search(r"^\s+50%\s+(\S+)$", text, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)$", text, re.M).group(1))
print(req - bad, f"{p50:.2f}", f"{p99:.2f}", bad)
PY
}
run_load() { # $1 = seconds, then load's extra options
  local s=$1; shift
  ./crmbench load --host "$scheme://127.0.0.1:$port" --scenario run-query -u "$connections" -r 10000 \
    -t "${s}s" --csv "$work/load" "${auth[@]}" "$@" >"$work/load.txt" 2>&1 || true
  python3 - "$work/load_stats.csv" <<'PY'
import csv, sys
row = [r for r in csv.DictReader(open(sys.argv[1])) if r["Name"] == "Aggregated"][0]
print(int(row["Request Count"]) - int(row["Failure Count"]), row["50%"], row["99%"], row["Failure Count"])
PY
}

measure() { # $1 = label, $2 = client function, then its options
  local label=$1 client=$2; shift 2
  "$client" 5 "$@" >/dev/null # warm-up of this client and protocol
  local before after
  before=$(cpu_ticks)
  read -r ok p50 p99 bad < <("$client" "$seconds" "$@")
  after=$(cpu_ticks)
  python3 -c "
ok, cpu = $ok, ($after - $before) / $ticks_per_s
print('%-44s %9.0f %8s %8s %8d %10.2f' % ('$label', ok / $seconds, '$p50', '$p99', $bad, cpu / ok * 10000))"
}

exec > >(tee "$out") # not a pipe into tee: the servers' pids must stay in this shell for the trap
{
  echo "# serve's lookup with and without the bearer token and TLS — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); clients on the same cores; $users users"
  echo "command: scripts/compare-access.sh $seconds $connections $rounds  ($connections connections, $seconds s each)"
  echo
  for round in $(seq 1 "$rounds"); do
    echo "round $round"
    printf '%-44s %9s %8s %8s %8s %10s\n' "" "req/s" "p50 ms" "p99 ms" "errors" "CPU s/10k"
    scheme=http; auth=()
    start_server
    measure "wrk, HTTP/1.1, no token" run_wrk
    measure "crmbench load, HTTP/1.1, no token" run_load
    stop_server
    auth=(-H "Authorization: Bearer $(cat "$work/token")")
    start_server --token-file "$work/token"
    measure "wrk, HTTP/1.1, token" run_wrk
    stop_server
    scheme=https
    start_server --token-file "$work/token" --tls-cert "$work/cert.pem" --tls-key "$work/key.pem"
    measure "wrk, HTTPS/1.1, token" run_wrk
    measure "crmbench load, HTTPS/1.1, token" run_load --insecure
    measure "crmbench load, HTTPS HTTP/2 (ALPN), token" run_load --insecure --http2
    stop_server
    echo
  done
  echo "CPU s/10k: CPU seconds of the serve process (user + system) per 10,000 answered requests."
}
