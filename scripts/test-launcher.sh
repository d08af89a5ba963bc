#!/usr/bin/env bash
# Checks ./crmbench's caches (scripts/cds-archive.sh) on the built jar, in a cache directory of its
# own, for both kinds: the AOT cache (JDK 25 and newer, the default there) and the dynamic class
# archive (CRMBENCH_CDS=classes, what JDK 21 to 24 get). For each: the first runs of a command make
# its cache and a later one maps it (a command's help goes to the cache of short runs, not the
# command's own); a failed first run's leavings are dropped, so the next run makes it again; a file
# that is not a cache is replaced; a cache of an earlier build is replaced, and so are the other
# commands' of that build; the caches of a jar that is gone are removed; the command's output and
# exit code are the same with and without the cache. And the launcher's JVM options: a collector in
# CRMBENCH_JAVA_OPTS replaces its own, and it asks for transparent huge pages when the kernel gives
# them on request.
# Run by .ci/run after the build.   scripts/test-launcher.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cache=$(mktemp -d /tmp/crmbench-launcher.XXXXXX)
trap 'rm -rf "$cache"' EXIT
export XDG_CACHE_HOME="$cache"
dir="$cache/crmbench/cds"
jar=cli/target/crmbench.jar
fail() { echo "test-launcher: $*" >&2; exit 1; }
found() { find "$dir" -name "$1" 2>/dev/null | sort; } # $1 = a file name pattern
caches() { find "$dir" -type f ! -name 'jar-*.path' 2>/dev/null | sort; } # every cache and configuration
one() { [ "$(echo "$2" | grep -c .)" = 1 ] || fail "$1: '$2'"; } # $1 = what went wrong, $2 = paths
magic() { od -An -tx4 -N4 "$1" | tr -d ' '; }
same_output() { # $@ = crmbench's arguments: the output with the cache is the output without
  ./crmbench "$@" >"$cache/with.txt"
  CRMBENCH_CDS=off ./crmbench "$@" >"$cache/off.txt"
  cmp -s "$cache/with.txt" "$cache/off.txt" || fail "crmbench $* printed something else with the cache"
}
usage_error() { # the exit code of a usage error is 2, cache or not
  local code
  set +e
  ./crmbench report --no-such-option >/dev/null 2>"$cache/usage.txt"; code=$?
  set -e
  [ "$code" = 2 ] || fail "a usage error exited $code, not 2"
}
after_rebuild() { # $1 = a pattern of the caches that a rebuild replaces; every command's files
  # of the earlier build go with them
  local before earlier stamp after
  before=$(found "$1")
  earlier=$(caches)
  stamp=$(stat -c %Y "$jar")
  touch -d "@$((stamp + 1))" "$jar" # as a rebuild leaves it
  ./crmbench report --help >/dev/null
  ./crmbench report --help >/dev/null
  touch -d "@$stamp" "$jar"
  after=$(found "$1")
  [ "$(echo "$after" | grep -c .)" = 1 ] && [ "$after" != "$before" ] \
    || fail "after a rebuild: expected one new cache in place of $before, found '$after'"
  for file in $earlier; do
    [ ! -e "$file" ] || fail "after a rebuild, a file of the earlier build was kept: $file"
  done
  rm -rf "$dir"
}

aot_cache() {
  ./crmbench report --help >"$cache/first.txt"
  one "the first run recorded no single AOT configuration" "$(found 'other-*.aotconf.*')"
  [ -z "$(found 'other-*.aot')" ] || fail "the first run made a cache already"
  CRMBENCH_JAVA_OPTS="-Xlog:aot=info:file=$cache/aot.log" ./crmbench report --help >"$cache/second.txt"
  cmp -s "$cache/first.txt" "$cache/second.txt" || fail "report --help printed something else while the cache was made"
  first=$(found 'other-*.aot')
  one "the second run made no single AOT cache" "$first"
  [ "$(magic "$first")" = f00baba2 ] || fail "$first is not an AOT cache"
  [ -z "$(found 'other-*.aotconf.*')" ] || fail "the configuration was left after the cache was made"
  grep -q "Mapped static" "$cache/aot.log" || fail "the second run did not map $first"
  same_output report --help

  usage_error
  failed=$(found 'report-*.aotconf.*.failed')
  one "a failed first report run left no configuration marked as failed" "$failed"
  thin_size=$(stat -c %s "${failed%.failed}")
  ./crmbench report reports/load/crmbench_health_100_stats.csv >/dev/null
  [ ! -e "$failed" ] && [ ! -e "${failed%.failed}" ] || fail "the failed run's configuration was kept"
  recorded=$(found 'report-*.aotconf.*')
  one "the run after a failed one recorded no configuration" "$recorded"
  [ "$(stat -c %s "$recorded")" -gt "$thin_size" ] || fail "the configuration recorded again holds no more than the failed run's"

  echo garbage >"$first"
  ./crmbench report --help >/dev/null
  ./crmbench report --help >/dev/null
  [ "$(magic "$first")" = f00baba2 ] || fail "a file that was not an AOT cache was not replaced"
  # options the cache cannot be used with: the JVM runs without it, and says nothing
  CRMBENCH_JAVA_OPTS=-XX:-UseCompressedOops ./crmbench report --help >"$cache/other.txt" 2>&1
  cmp -s "$cache/first.txt" "$cache/other.txt" || fail "other JVM options than the cache's printed something else"
  after_rebuild 'other-*.aot'
}

class_archive() {
  export CRMBENCH_CDS=classes
  ./crmbench report --help >"$cache/first.txt"
  first=$(found 'other-*.jsa')
  one "the first run made no single class archive" "$first"
  [ "$(magic "$first")" = f00baba8 ] || fail "$first is not a dynamic archive"
  CRMBENCH_JAVA_OPTS="-Xlog:cds=info:file=$cache/cds.log" ./crmbench report --help >/dev/null
  grep -q "Mapped dynamic region" "$cache/cds.log" || fail "the second run did not map $first"
  same_output report --help

  usage_error
  thin=$(found 'report-*.jsa')
  [ -n "$thin" ] && [ -e "$thin.failed" ] || fail "a failed first report run left no archive marked as failed"
  thin_size=$(stat -c %s "$thin")
  ./crmbench report reports/load/crmbench_health_100_stats.csv >/dev/null
  [ -e "$thin" ] && [ ! -e "$thin.failed" ] || fail "the run after a failed one did not make the archive again"
  [ "$(stat -c %s "$thin")" -gt "$thin_size" ] || fail "the archive made again holds no more than the failed run's"

  echo garbage >"$first"
  ./crmbench report --help >/dev/null
  [ "$(magic "$first")" = f00baba8 ] || fail "a file that was not an archive was not replaced"
  after_rebuild 'other-*.jsa'
  unset CRMBENCH_CDS
}

removed_jar() { # the caches of a jar that is gone are removed by the next start of another
  local elsewhere id theirs ours
  elsewhere="$cache/elsewhere"
  mkdir -p "$elsewhere/cli/target"
  cp crmbench "$elsewhere/"
  ln -s "$PWD/scripts" "$elsewhere/scripts"
  ln -s "$PWD/$jar" "$elsewhere/$jar"
  "$elsewhere/crmbench" report --help >/dev/null
  "$elsewhere/crmbench" report --help >/dev/null
  id=$(printf '%s' "$elsewhere/$jar" | cksum); id=${id%% *}
  theirs=$(found "*-$id-*")
  [ -n "$theirs" ] && [ -e "$dir/jar-$id.path" ] || fail "a jar elsewhere made no cache, or noted no path: '$theirs'"
  ./crmbench report --help >/dev/null
  ./crmbench report --help >/dev/null # our own cache made, so that what follows changes nothing of ours
  ours=$(caches)
  [ "$(found "*-$id-*")" = "$theirs" ] || fail "a start removed the caches of a jar that is still there"
  rm -rf "$elsewhere"
  ./crmbench report --help >/dev/null
  [ -z "$(found "*-$id-*")" ] && [ ! -e "$dir/jar-$id.path" ] || fail "the caches of a removed jar were kept: $(found "*-$id-*")"
  [ "$(caches)" = "$(echo "$ours" | grep -v -- "-$id-")" ] || fail "removing a gone jar's caches removed others"
  rm -rf "$dir"
}

jvm_options() { # the launcher's own JVM options: a collector the user names replaces the launcher's,
  # and huge pages are asked for exactly when the kernel gives them on request
  local flags thp
  flags=$(CRMBENCH_CDS=off CRMBENCH_JAVA_OPTS="-XX:+UseSerialGC -XX:+PrintFlagsFinal" ./crmbench --version) \
    || fail "CRMBENCH_JAVA_OPTS=-XX:+UseSerialGC: the JVM did not start"
  echo "$flags" | grep -Eq 'UseSerialGC +=+ true' || fail "-XX:+UseSerialGC was not the collector"
  thp=false
  grep -q '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null && thp=true
  echo "$flags" | grep -Eq "UseTransparentHugePages +=+ $thp" || fail "UseTransparentHugePages is not $thp"
}

jvm_options
. scripts/find-jdk.sh # sets crmbench_major, the feature version of the JDK the launcher runs
if [ "$crmbench_major" -ge 25 ]; then
  aot_cache
  removed_jar
  kinds="AOT cache and class archive"
else
  kinds="class archive only: the AOT cache needs JDK 25, found $crmbench_major"
fi
class_archive
echo "test-launcher: ok ($kinds: made, mapped, made again after a failed first run, replaced when not one and after a rebuild, with every command's, removed when their jar is gone; output and exit codes unchanged; the user's collector, huge pages when madvise)"
