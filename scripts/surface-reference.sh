#!/usr/bin/env bash
# The committed surface runs at the dataset in the embedded database (scripts/index-set-price.sh
# or `crmbench generate --n 3000000` makes it): every list combination (bench --surface)
#   sets/      in the baseline, seed and tuned index sets, 3 executions each (baseline takes seconds);
#   tuned/     in tuned, each combination measured for at least 1 s (hundreds of executions, so p99
#              means something);
#   tuned-500/ the same at page_size 500;
#   advise-vs-tuned/ tuned beside the set `crmbench advise` chose from the baseline
#              (reports/advise/advise.sql), 20 executions each.
# Each folder: console.txt (header, what bench printed), the run's benchmarks.csv, comparison.csv,
# plans/, and report.html / report.md from crmbench report. The .hlog and pgbench/ files are left
# out of the repository for size; the script makes them again.
#
#   scripts/surface-reference.sh [sets|tuned|tuned-500|advise-vs-tuned]...   (default: all four)
set -euo pipefail
cd "$(dirname "$0")/.."
out=reports/surface
. scripts/find-jdk.sh
machine="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2)"
./crmbench db start >/dev/null
work=$(mktemp -d /tmp/crmbench-surface.XXXXXX)
trap 'rm -rf "$work"' EXIT

run() { # $1 = folder name, rest = bench options
  local name=$1; shift
  local cmd="crmbench bench --surface $*"
  rm -rf "${out:?}/$name" && mkdir -p "$out/$name"
  {
    echo "# $cmd — $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "machine: $machine; embedded PostgreSQL $(./crmbench db status | awk '/^Server/ {print $3; exit}')"
    echo
    ./crmbench bench --surface "$@" --out "$work/$name" 2>"$out/$name/progress.log"
  } | tee "$out/$name/console.txt"
  local run_dir; run_dir=$(ls -d "$work/$name"/runs/* | tail -1)
  cp "$run_dir/benchmarks.csv" "$run_dir/comparison.csv" "$out/$name/"
  cp -r "$run_dir/plans" "$out/$name/"
  ./crmbench report "$run_dir" --html "$out/$name/report.html" >/dev/null
  ./crmbench report "$run_dir" --format markdown >"$out/$name/report.md"
}

for what in "${@:-sets tuned tuned-500 advise-vs-tuned}"; do
  for w in $what; do
    case $w in
      sets) run sets --index-sets baseline,seed,tuned --repeat 3 --warmup 1 ;;
      tuned) run tuned --index-sets tuned --repeat 20 --warmup 5 --duration 1s ;;
      tuned-500) run tuned-500 --index-sets tuned --page-size 500 --repeat 20 --warmup 5 --duration 1s ;;
      advise-vs-tuned) run advise-vs-tuned --index-sets tuned,reports/advise/advise.sql --repeat 20 --warmup 5 ;;
      *) echo "unknown run '$w': sets, tuned, tuned-500 or advise-vs-tuned" >&2; exit 2 ;;
    esac
  done
done
echo "surface reports in $out"
