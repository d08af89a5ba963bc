#!/usr/bin/env bash
# Does a streaming replica serve the API's statements with the same plans at the same speed as
# its primary? An embedded primary made for the run (temporary data directory, free ports) with
# `db start --replicas 1`, USERS users generated into it, then `crmbench bench` (the classic
# scenarios, the default index set, REPEAT executions each) on the primary and with
# `--on-replica 1`, in turn, ROUNDS times; `crmbench report PRIMARY REPLICA` compares each pair
# and the plans' node types (timings and costs left out) are compared scenario by scenario.
# The user's own ~/.crmbench dataset is not touched.
#
#   scripts/replica-bench.sh [USERS] [REPEAT] [ROUNDS]     (default 1000000, 200, 2)
# Output: reports/replica-bench.txt
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-1000000}
repeat=${2:-200}
rounds=${3:-2}
out=reports/replica-bench.txt
work=$(mktemp -d /tmp/crmbench-replica-bench.XXXXXX)
db=(--data-dir "$work/pgdata" --db-port "$(scripts/free-ports.py 2)")
cleanup() {
  set +e
  ./crmbench db stop "${db[@]}" >/dev/null 2>&1
  [ -z "${CRMBENCH_KEEP_WORK:-}" ] && rm -rf "$work"
  true
}
trap cleanup EXIT

./crmbench db start "${db[@]}" --replicas 1 >/dev/null
./crmbench generate --n "$users" "${db[@]}" >/dev/null 2>&1

# the plan's shape: node types and index names, without costs, timings, rows or buffers
plan_shape() {
  sed -E 's/\(cost=[^)]*\)//; s/\(actual[^)]*\)//; s/\(never executed\)//' "$1" \
    | grep -E '^ *(->)? *[A-Z][A-Za-z ]+( on | using |$| \()' | sed -E 's/ +$//; s/  +/ /g' \
    | grep -vE '^ *(Planning|Execution|Buffers|I/O|Heap Fetches|Rows Removed|Sort Method|Worker|Workers)' || true
}
compare_plans() { # $1 $2 = run folders
  local same=0 differ=0 f other
  for f in "$1"/plans/*.txt; do
    other="$2/plans/$(basename "$f")"
    if [ -f "$other" ] && diff -q <(plan_shape "$f") <(plan_shape "$other") >/dev/null; then
      same=$((same + 1))
    else
      differ=$((differ + 1)); echo "  plan differs: $(basename "$f" .txt)"
    fi
  done
  echo "  plans with the same shape on both: $same, different: $differ"
}

exec > >(tee "$out")
echo "# bench on the primary and on its streaming replica — $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); embedded PostgreSQL, replica on the same machine"
echo "dataset: $users users; command: scripts/replica-bench.sh $users $repeat $rounds"
echo "each round: crmbench bench --repeat $repeat, then the same with --on-replica 1"
for round in $(seq 1 "$rounds"); do
  echo
  echo "## round $round: base = the primary, new = the replica"
  ./crmbench bench --repeat "$repeat" --out "$work/primary-$round" "${db[@]}" >"$work/bench-primary.txt" 2>&1
  ./crmbench bench --repeat "$repeat" --on-replica 1 --out "$work/replica-$round" "${db[@]}" >"$work/bench-replica.txt" 2>&1
  p=$(ls -d "$work/primary-$round"/runs/*/)
  r=$(ls -d "$work/replica-$round"/runs/*/)
  ./crmbench report "$p/benchmarks.csv" "$r/benchmarks.csv" || true
  compare_plans "$p" "$r"
done
