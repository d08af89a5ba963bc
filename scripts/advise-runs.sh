#!/usr/bin/env bash
# advise as a new user runs it: `generate --n USERS --no-indexes` (the state without secondary
# indexes), then `advise` on the list API's whole surface RUNS times (default 2) on that same data,
# each with its wall time and the CPU seconds of crmbench and of the PostgreSQL server.
#
#   scripts/advise-runs.sh USERS [RUNS] [EXTRA ADVISE OPTIONS...]
# Output: reports/advise/USERS-run-N/ (advise.sql, frontier.csv, candidates.csv, statements.csv,
# benchmarks.csv, report.html, console.txt, progress.txt: the phases with the time each began;
# the plans/ and hlog/ folders are left out: tens of MB)
# and reports/advise/advise-USERS.txt (the runs side by side); then bench measures the default index
# set (lean) and run 1's advise.sql side by side (reports/advise/USERS-bench/: comparison.csv,
# console.txt). Replaces the embedded
# database's dataset.
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:?usage: scripts/advise-runs.sh USERS [RUNS] [ADVISE OPTIONS...]}
runs=${2:-2}
shift $(($# < 2 ? $# : 2))
summary=reports/advise/advise-$users.txt
. scripts/find-jdk.sh
./crmbench db start >/dev/null
url=$(./crmbench db status --url)
postmaster=$(psql "$url" -Atq -c "select pid from pg_stat_activity where backend_type = 'checkpointer'" \
  | xargs ps -o ppid= -p | tr -d ' ')
ticks=$(getconf CLK_TCK)
# CPU seconds of the server so far: the postmaster's own and its finished children's (backends)
server_cpu() { awk -v t="$ticks" '{print ($14 + $15 + $16 + $17) / t}' "/proc/$postmaster/stat"; }
times=$(mktemp)
trap 'rm -f "$times"' EXIT

./crmbench generate --n "$users" --no-indexes >/dev/null
mkdir -p reports/advise
{
  echo "# advise at $users users, state without secondary indexes — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2)"
  echo "command: crmbench generate --n $users --no-indexes; then per run: crmbench advise --out reports/advise/$users-run-N $*"
  echo
  printf '%-4s %9s %9s %9s %10s %10s %7s %7s %12s %12s\n' run seconds "cli cpu" "pg cpu" statements candidates \
    chosen MB "under before" "under after"
} >"$summary"
for run in $(seq 1 "$runs"); do
  out=reports/advise/$users-run-$run
  rm -rf "$out"
  cpu_before=$(server_cpu)
  start=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$times" ./crmbench advise --out "$out" "$@" >"$out.console" 2>"$out.progress"
  end=$(date +%s.%N)
  pg=$(echo "$(server_cpu) - $cpu_before" | bc)
  cli=$(awk '{print $1 + $2}' "$times")
  mv "$out.console" "$out/console.txt"
  mv "$out.progress" "$out/progress.txt"
  cp "$out"/runs/*/report.html "$out/report.html"
  rm -rf "$out"/runs
  line=$(grep -E '^[0-9]+ indexes recommended' "$out/console.txt")
  chosen=$(echo "$line" | awk '{print $1}')
  mb=$(echo "$line" | sed -E 's/.*recommended, ([0-9,]+) MB.*/\1/')
  before=$(echo "$line" | sed -E 's/.*target: ([0-9]+) of ([0-9]+) statements before, ([0-9]+) with.*/\1/')
  statements=$(echo "$line" | sed -E 's/.*target: ([0-9]+) of ([0-9]+) statements.*/\2/')
  after=$(echo "$line" | sed -E 's/.*statements before, ([0-9]+) with.*/\1/')
  candidates=$(($(wc -l <"$out/candidates.csv") - 1))
  printf '%-4s %9.1f %9.1f %9.1f %10s %10s %7s %7s %12s %12s\n' "$run" "$(echo "$end - $start" | bc)" "$cli" "$pg" \
    "$statements" "$candidates" "$chosen" "$mb" "$before" "$after" >>"$summary"
done
# side by side: the default index set (lean) and run 1's advise.sql, measured by bench on the same data
side=reports/advise/$users-bench
rm -rf "$side" && mkdir -p "$side"
./crmbench bench --surface --index-sets "lean,reports/advise/$users-run-1/advise.sql" --out "$side" \
  >"$side/console.txt" 2>/dev/null
rm -rf "$side"/runs # bench copies benchmarks.csv and comparison.csv to $side; hlog/ and plans/ are tens of MB
# each execution row's full plan makes benchmarks.csv over 2 MiB; comparison.csv keeps every
# combination's p50 and p99 under both sets, console.txt the summary and the slowest
rm -f "$side"/benchmarks.csv
{
  echo
  echo "side by side (crmbench bench --surface --index-sets lean,reports/advise/$users-run-1/advise.sql):"
  grep -E '^[a-z0-9_-]+: [0-9,]+ of [0-9,]+ combinations' "$side/console.txt" || true
} >>"$summary"
{
  echo
  echo "seconds: wall time of advise (JVM start included); cli cpu / pg cpu: CPU seconds of crmbench and"
  echo "of the PostgreSQL server during it; under before/after: statements at or under their p50 target"
  echo "(10 ms) as found and with the chosen indexes built together; each run's frontier is in"
  echo "reports/advise/$users-run-N/frontier.csv and at the end of its console.txt."
} >>"$summary"
cat "$summary"
