#!/usr/bin/env bash
# Checks ./crmbench's class data sharing archive (scripts/cds-archive.sh) on the built jar, in a
# cache directory of its own: the first run of a command makes its archive and the next one maps
# it (a command's help goes to the archive of short runs, not the command's own; a failed first
# run leaves none, so the next makes it); an archive of an
# earlier build is replaced; a file that is not an archive is removed before the JVM sees it; the
# command's output and exit code are the same with and without the archive.
# Run by .ci/run after the build.   scripts/test-launcher.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cache=$(mktemp -d /tmp/crmbench-launcher.XXXXXX)
trap 'rm -rf "$cache"' EXIT
export XDG_CACHE_HOME="$cache"
dir="$cache/crmbench/cds"
fail() { echo "test-launcher: $*" >&2; exit 1; }
archives() { find "$dir" -name 'other-*.jsa' 2>/dev/null | sort; } # a command's help shares the 'other' archive

./crmbench report --help >"$cache/first.txt"
first=$(archives)
[ "$(echo "$first" | grep -c .)" = 1 ] || fail "the first run made no single archive: '$first'"
[ "$(od -An -tx4 -N4 "$first" | tr -d ' ')" = f00baba8 ] || fail "$first is not a dynamic archive"

CRMBENCH_JAVA_OPTS="-Xlog:cds=info:file=$cache/cds.log" ./crmbench report --help >"$cache/second.txt"
grep -q "Mapped dynamic region" "$cache/cds.log" || fail "the second run did not map $first"
CRMBENCH_CDS=off ./crmbench report --help >"$cache/off.txt"
cmp -s "$cache/first.txt" "$cache/second.txt" && cmp -s "$cache/first.txt" "$cache/off.txt" \
  || fail "report --help printed something else with the archive"

set +e
./crmbench report --no-such-option >/dev/null 2>"$cache/usage.txt"; code=$?
set -e
[ "$code" = 2 ] || fail "a usage error exited $code with the archive, not 2"
thin=$(find "$dir" -name 'report-*.jsa')
[ -n "$thin" ] && [ -e "$thin.failed" ] || fail "a failed first report run left no archive marked as failed"
thin_size=$(stat -c %s "$thin")
./crmbench report reports/load/crmbench_health_100_stats.csv >/dev/null
[ -e "$thin" ] && [ ! -e "$thin.failed" ] || fail "the run after a failed one did not make the archive again"
[ "$(stat -c %s "$thin")" -gt "$thin_size" ] || fail "the archive made again holds no more than the failed run's"

echo garbage >"$first"
./crmbench report --help >/dev/null
[ "$(od -An -tx4 -N4 "$first" | tr -d ' ')" = f00baba8 ] || fail "a file that was not an archive was not replaced"

jar=cli/target/crmbench.jar
stamp=$(stat -c %Y "$jar")
touch -d "@$((stamp + 1))" "$jar" # as a rebuild leaves it
./crmbench report --help >/dev/null
touch -d "@$stamp" "$jar"
rebuilt=$(archives)
[ "$(echo "$rebuilt" | grep -c .)" = 1 ] && [ "$rebuilt" != "$first" ] \
  || fail "after a rebuild: expected one new archive in place of $first, found '$rebuilt'"
echo "test-launcher: ok (archive made, mapped, replaced when not one and after a rebuild; output and exit codes unchanged)"
