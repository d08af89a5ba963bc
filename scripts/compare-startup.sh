#!/usr/bin/env bash
# What a start of crmbench costs, two ways side by side: each command below run by A, then by B, in
# turn, ROUNDS times, against a crmbench serve started here (this checkout's). CPU s = user + system
# seconds of the command's process, the launcher's shell included.
#   - without BASE, or with BASE off: A is this build with its cache (scripts/cds-archive.sh: the
#     AOT cache on JDK 25), B the same build without one (CRMBENCH_CDS=off): what the cache saves;
#   - with BASE classes: B is the same build with the dynamic class archive (CRMBENCH_CDS=classes,
#     what JDK 21 to 24 get): what the AOT cache saves beyond it;
#   - with BASE a git revision: A is this build, B the build of BASE, made here in a temporary git
#     worktree (./mvnw -o package -DskipTests, a few minutes), both with their archives: what the
#     changes since BASE save at start-up.
#
#   scripts/compare-startup.sh [ROUNDS] [BASE]     (default 7, no BASE)
# Output: reports/startup-cds.txt without BASE or with off, reports/startup-aot.txt with classes,
# reports/startup-builds.txt with a revision, or $CRMBENCH_STARTUP_OUT
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
base=${2:-}
case $rounds in *[!0-9]* | '' | 0) echo "ROUNDS is a whole number above 0, not '$rounds'" >&2; exit 2 ;; esac
port=${CRMBENCH_SERVE_PORT:-8000}
host="http://127.0.0.1:$port"
case $base in
  '' | off) default_out=reports/startup-cds.txt ;;
  classes) default_out=reports/startup-aot.txt ;;
  *) default_out=reports/startup-builds.txt ;;
esac
out=${CRMBENCH_STARTUP_OUT:-$default_out}
command -v curl >/dev/null || { echo "curl is needed (apt install curl)" >&2; exit 1; }
work=$(mktemp -d /tmp/crmbench-startup.XXXXXX)
. scripts/serve-here.sh
worktree=
cleanup() { # the server and the worktree this script made, nothing else
  [ -n "$worktree" ] && git worktree remove --force "$worktree" >/dev/null 2>&1
  stop_serve
}
trap cleanup EXIT

if [ "$base" = classes ]; then
  a_label="AOT cache" b_label="class archive"
  run_a() { CRMBENCH_CDS=on ./crmbench "$@"; }
  run_b() { CRMBENCH_CDS=classes ./crmbench "$@"; }
elif [ -n "$base" ] && [ "$base" != off ]; then
  base_commit=$(git rev-parse --verify --quiet "$base^{commit}") || { echo "BASE '$base' is not a git revision here" >&2; exit 2; }
  worktree="$work/base"
  git worktree add --detach --quiet "$worktree" "$base_commit"
  echo "building $base ($base_commit) in $worktree ..." >&2
  (cd "$worktree" && ./mvnw -q -o package -DskipTests >"$work/base-build.log" 2>&1) \
    || { echo "the build of $base failed:" >&2; tail -20 "$work/base-build.log" >&2; exit 1; }
  a_label="this build" b_label="$base"
  run_a() { ./crmbench "$@"; }
  run_b() { "$worktree/crmbench" "$@"; }
else
  a_label="on" b_label="off"
  run_a() { CRMBENCH_CDS=on ./crmbench "$@"; }
  run_b() { CRMBENCH_CDS=off ./crmbench "$@"; }
fi
start_serve

commands=(
  "--version"
  "report --help"
  "load --host $host --scenario health --users 1 --spawn-rate 1 --run-time 1s"
  "load --host $host --scenario run-query --users 10 --spawn-rate 10 --run-time 5s"
)
cpu() { # $1 = run_a or run_b, rest = crmbench arguments: the run's user + system CPU seconds
  local run=$1; shift
  local TIMEFORMAT='%U %S'
  { time "$run" "$@" >/dev/null 2>&1; } 2>&1 | awk '{printf "%.3f", $1 + $2}'
}

{
  if [ "$base" = classes ]; then
    echo "# crmbench start-up with the AOT cache and with the dynamic class archive — $(date -u +%Y-%m-%dT%H:%MZ)"
  elif [ -n "$base" ] && [ "$base" != off ]; then
    echo "# crmbench start-up, this build against $base — $(date -u +%Y-%m-%dT%H:%MZ)"
  else
    echo "# crmbench start-up with and without the launcher's cache — $(date -u +%Y-%m-%dT%H:%MZ)"
  fi
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); $(./crmbench --version | tail -1)"
  echo "command: scripts/compare-startup.sh $rounds${base:+ $base}   (each command by A, then by B, $rounds rounds, after two of each)"
  [ -n "${base_commit:-}" ] && echo "this build: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ":(exclude)reports" 2>/dev/null || echo ' with uncommitted changes'); $base: $(git rev-parse --short "$base_commit")"
  echo
  printf '%-86s %11s %11s %9s %18s\n' "crmbench ..." "CPU s A" "CPU s B" "A/B" "pairs A/B"
  for c in "${commands[@]}"; do
    read -ra args <<<"$c"
    # caches are made by the first run (the AOT cache by the first two: one records, one assembles)
    for _ in 1 2; do cpu run_a "${args[@]}" >/dev/null; cpu run_b "${args[@]}" >/dev/null; done
    : >"$work/a"; : >"$work/b"; : >"$work/ratio"
    for _ in $(seq 1 "$rounds"); do
      a=$(cpu run_a "${args[@]}"); b=$(cpu run_b "${args[@]}")
      echo "$a" >>"$work/a"; echo "$b" >>"$work/b"; echo "$a / $b" | bc -l >>"$work/ratio"
    done
    a=$(median <"$work/a"); b=$(median <"$work/b")
    printf '%-86s %11.2f %11.2f %9.2f %8.2f–%-8.2f\n' "${c//$host/\$host}" "$a" "$b" "$(median <"$work/ratio")" \
      "$(sort -g "$work/ratio" | head -1)" "$(sort -g "$work/ratio" | tail -1)"
  done
  echo
  echo "A: $a_label; B: $b_label. CPU s: medians of user + system CPU seconds of the crmbench process (the"
  echo "launcher's shell and its JVM, start-up included). A/B: the median of the pairs' ratios (a pair = one"
  echo "run by A, one by B, one after the other), then their smallest and largest."
  if [ "$base" = classes ]; then
    echo "AOT cache: the launcher's default on JDK 25 (classes linked, method profiles of the first run);"
    echo "class archive: CRMBENCH_CDS=classes, the dynamic archive JDK 21 to 24 get. Each made by the runs"
    echo "before the rounds. The server and PostgreSQL share the cores."
  elif [ -n "${base_commit:-}" ]; then
    echo "Both builds with their launcher's cache for the command (made by the runs before the rounds)."
    echo "The server (this build) and PostgreSQL share the cores."
  else
    echo "on: the launcher's cache for that command (made by the runs before the rounds); off:"
    echo "CRMBENCH_CDS=off, the JDK's own archive of its classes only. The server and PostgreSQL share the cores."
  fi
} | tee "$out"
