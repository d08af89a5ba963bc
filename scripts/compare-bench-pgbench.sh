#!/usr/bin/env bash
# Cross-checks crmbench bench's latencies against pgbench on the same server, the same SQL and the
# same parameters, in the same run: crmbench writes a pgbench script per scenario (values inlined
# or bound as :variables, the lookup's random user id drawn by pgbench over the same range), and
# pgbench runs it with one client and prepared statements. Prints crmbench p50 / pgbench average.
#
#   scripts/compare-bench-pgbench.sh [SECONDS_PER_SCENARIO]      (default 10)
# Uses the dataset in the embedded database (run crmbench generate first).
# Output: reports/bench-pgbench-crosscheck.txt
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
out=reports/bench-pgbench-crosscheck.txt
for tool in psql pgbench python3; do
  command -v $tool >/dev/null || { echo "$tool is needed (apt install postgresql-client python3)" >&2; exit 1; }
done

./crmbench db start >/dev/null
url=$(./crmbench db status --url)
work=$(mktemp -d /tmp/crmbench-crosscheck.XXXXXX)
trap 'rm -rf "$work"' EXIT

./crmbench bench --repeat 20 --warmup 20 --duration "${seconds}s" --out "$work" >"$work/bench.txt" 2>/dev/null
run=$(ls -d "$work"/runs/*)

{
  echo "# crmbench bench vs pgbench (1 client, -M prepared) — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); server: PostgreSQL $(psql -X -At "$url" -c 'show server_version') (crmbench embedded)"
  echo "users: $(psql -X -At "$url" -c 'select count(*) from crmbench.app_user'); each tool ${seconds} s per scenario, indexed state"
  echo "command: scripts/compare-bench-pgbench.sh $seconds"
  echo
  printf '%-18s %10s %12s %12s %14s %10s\n' scenario "crm runs" "crm p50 ms" "crm mean ms" "pgbench avg ms" "p50/avg"
  for script in "$run"/pgbench/*.sql; do
    scenario=$(basename "$script" .sql)
    avg=$(pgbench -n -c 1 -M prepared -T "$seconds" -f "$script" "$url" 2>/dev/null | sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p')
    python3 - "$run/benchmarks.csv" "$scenario" "$avg" <<'PY'
import csv, sys
path, scenario, avg = sys.argv[1], sys.argv[2], float(sys.argv[3])
row = next(r for r in csv.DictReader(open(path)) if r["scenario"] == scenario and r["mode"] == "indexed")
p50, mean = float(row["p50_ms"]), float(row["mean_ms"])
print(f"{scenario:<18} {int(row['executions']):>10,} {p50:>12.3f} {mean:>12.3f} {avg:>14.3f} {p50 / avg:>10.2f}")
PY
  done
  echo
  echo "p50/avg: crmbench's median latency over pgbench's average for the same statements (goal: 0.85 to 1.15)."
} | tee "$out"
