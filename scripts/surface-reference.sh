#!/usr/bin/env bash
# The committed surface runs at the dataset in the embedded database (`crmbench generate --n
# 3000000` makes it, with the default set): every list combination (bench --surface), every
# subset of the filters with a common, a rare and an absent combination of values
#   lean/          in the default set, 20 executions each after 5 warm-up ones;
#   lean-500/      the same at page_size 500;
#   lean-vs-tuned/ lean beside tuned (one index per filter set and sort key), 5 executions each;
#   lean-run2/, lean-500-run2/  the first two again, a second run to compare with the first
#                  (without plans/, which repeat the first run's).
# search-shapes.txt: the search, range and list shapes of lean/ and lean-run2/ (scripts/surface-shapes.py).
# Each folder: console.txt (header, what bench printed), the run's benchmarks.csv, comparison.csv,
# plans/, and report.html / report.md from crmbench report. The .hlog and pgbench/ files are left
# out of the repository for size; the script makes them again.
#
#   scripts/surface-reference.sh [lean|lean-500|lean-vs-tuned|lean-run2|lean-500-run2]...
#   (default: lean lean-500 lean-vs-tuned)
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
  case $name in *-run2) ;; *) cp -r "$run_dir/plans" "$out/$name/" ;; esac  # a second run's plans repeat the first's
  ./crmbench report "$run_dir" --html "$out/$name/report.html" >/dev/null
  ./crmbench report "$run_dir" --format markdown >"$out/$name/report.md"
}

for what in "${@:-lean lean-500 lean-vs-tuned}"; do
  for w in $what; do
    case $w in
      lean) run lean --index-sets lean --repeat 20 --warmup 5 ;;
      lean-500) run lean-500 --index-sets lean --page-size 500 --repeat 20 --warmup 5 ;;
      lean-vs-tuned) run lean-vs-tuned --index-sets lean,tuned --repeat 5 --warmup 3 ;;
      lean-run2) run lean-run2 --index-sets lean --repeat 20 --warmup 5 ;;
      lean-500-run2) run lean-500-run2 --index-sets lean --page-size 500 --repeat 20 --warmup 5 ;;
      *) echo "unknown run '$w': lean, lean-500, lean-vs-tuned, lean-run2 or lean-500-run2" >&2; exit 2 ;;
    esac
  done
done
# the search, range and list shapes (issue 24) beside the equality ones, for the page_size 50 runs there are
runs50=$(for d in lean lean-run2; do [ -f "$out/$d/benchmarks.csv" ] && echo "$out/$d"; done)
[ -n "$runs50" ] && scripts/surface-shapes.py $runs50 > "$out/search-shapes.txt"
echo "surface reports in $out"
