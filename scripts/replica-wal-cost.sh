#!/usr/bin/env bash
# What replicas cost `generate`: the same `crmbench generate --n USERS` into two embedded servers
# of their own (temporary data directories, free ports), one alone (wal_level=minimal, the
# default) and one started with `db start --replicas 1` (wal_level=replica, a replica streaming
# from it), in turn, ROUNDS times. Per run: wall time (JVM start included), CPU seconds of crmbench
# and of the primary's server processes, WAL bytes the primary wrote, and how long after
# generate ended the replica had replayed all of it.
#
#   scripts/replica-wal-cost.sh [USERS] [ROUNDS]        (default 1000000, 2)
# Output: reports/replica-wal-cost.txt. The user's own ~/.crmbench dataset is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-1000000}
rounds=${2:-2}
out=reports/replica-wal-cost.txt
command -v psql >/dev/null || { echo "psql is needed (apt install postgresql-client)" >&2; exit 1; }
work=$(mktemp -d /tmp/crmbench-replica-wal.XXXXXX)
alone=(--data-dir "$work/alone" --db-port "$(scripts/free-ports.py 2)")
replicated=(--data-dir "$work/replicated" --db-port "$(scripts/free-ports.py 2)")
cleanup() {
  ./crmbench db stop "${alone[@]}" >/dev/null 2>&1 || true
  ./crmbench db stop "${replicated[@]}" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

./crmbench db start "${alone[@]}" >/dev/null
./crmbench db start "${replicated[@]}" --replicas 1 >/dev/null
replica_port=$(( ${replicated[3]} + 1 ))
replica_url="postgresql://postgres@127.0.0.1:$replica_port/postgres?passfile=$work/replicated-replica-1.pgpass"
ticks=$(getconf CLK_TCK)
q() { psql "$1" -Atq -c "$2"; }
postmaster_of() { q "$1" "select pid from pg_stat_activity where backend_type = 'checkpointer'" | xargs ps -o ppid= -p | tr -d ' '; }
server_cpu() { awk -v t="$ticks" '{print ($14 + $15 + $16 + $17) / t}' "/proc/$1/stat"; }

run() { # $1 = label, then the server's options
  local label=$1; shift
  local url pm lsn0 cpu0 start end lsn1 cpu1 caught
  url=$(./crmbench db status "$@" --url)
  pm=$(postmaster_of "$url")
  lsn0=$(q "$url" "select pg_current_wal_lsn()")
  cpu0=$(server_cpu "$pm")
  start=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$work/time" ./crmbench generate --n "$users" "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  cpu1=$(server_cpu "$pm")
  lsn1=$(q "$url" "select pg_current_wal_lsn()")
  caught="-"
  if [ "$label" = "1 replica" ]; then
    until [ "$(q "$replica_url" "select pg_last_wal_replay_lsn() >= '$lsn1'::pg_lsn")" = t ]; do sleep 0.1; done
    caught=$(printf '%.2f' "$(echo "$(date +%s.%N) - $end" | bc)")
  fi
  printf '%-10s %5s %9.1f %9.1f %9.1f %10.0f %12s\n' "$label" "$round" "$(echo "$end - $start" | bc)" \
    "$(awk '{print $1 + $2}' "$work/time")" "$(echo "$cpu1 - $cpu0" | bc)" \
    "$(q "$url" "select (pg_wal_lsn_diff('$lsn1', '$lsn0') / 1e6)::numeric(12,0)")" "$caught"
}

exec > >(tee "$out")
echo "# generate with and without a streaming replica — $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); embedded PostgreSQL; replica on the same machine"
echo "command per run: crmbench generate --n $users   (scripts/replica-wal-cost.sh $users $rounds)"
echo
printf '%-10s %5s %9s %9s %9s %10s %12s\n' server round seconds "cli cpu" "pg cpu" "WAL MB" "replica +s"
for round in $(seq 1 "$rounds"); do
  run "alone" "${alone[@]}"
  run "1 replica" "${replicated[@]}"
done
echo
echo "seconds: wall time of generate; cli cpu: its CPU seconds; pg cpu: the primary's postmaster and its"
echo "backends that ended (generate's connections), not its background processes (WAL writer, checkpointer,"
echo "walsender) nor the replica's; WAL MB: WAL the primary wrote during generate (10^6 bytes);"
echo "replica +s: seconds after generate ended until the replica had replayed all of it."
