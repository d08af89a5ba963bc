# Sourced (POSIX sh) by ./crmbench after find-jdk.sh: crmbench_cds_archive sets crmbench_archive to
# the class data sharing archive the launcher hands the JVM for a command, or to nothing.
#
# Class data sharing: the JVM keeps the classes one command loaded in an archive, made when that
# command first exits (again whenever the jar or the JDK changes), and maps it on later starts
# instead of loading and verifying them again. One archive per command, since each loads its own
# classes. It saves a load run 0.3–0.5 CPU s of its start (reports/startup-cds*.txt,
# scripts/compare-startup.sh). The JVM never repairs an archive that is not one at all (an empty
# file after a full disk): it would then print errors and run without any archive, so such a file
# is removed here. CRMBENCH_CDS=off, or a cache directory that cannot be written or has less than
# 256 MB free, runs without.
crmbench_cds_archive() { # $@ = crmbench's arguments; sets crmbench_archive to the path or ""
  # Shell built-ins wherever they do: this runs on every start, and each program it starts costs a
  # few milliseconds of CPU. The free-space check runs only when an archive is to be made.
  crmbench_archive=""
  [ "${CRMBENCH_CDS:-on}" = off ] && return 0
  case "${1:-}" in
    generate | bench | advise | serve | load | report | db | completion) name=$1 ;;
    *) name=other ;;
  esac
  # a command's help is archived with the other short runs: the archive is made by the first run
  # of its name, and `load --help` first would leave every later load run without its classes
  for arg in "$@"; do
    case $arg in -h | --help | -V | --version) name=other ;; esac
  done
  dir="${XDG_CACHE_HOME:-$HOME/.cache}/crmbench/cds"
  { [ -d "$dir" ] || mkdir -p "$dir" 2>/dev/null; } && [ -w "$dir" ] || return 0
  # The JVM maps an archive only for the very jar it was made from, but makes no new one when that
  # jar changed: the name says which jar (its path, modification time and size), and an archive of
  # an earlier build of the same jar is removed.
  jar_id=$(printf '%s' "$jar" | cksum)
  stamp=$(stat -c %Y-%s "$jar" 2>/dev/null || stat -f %m-%z "$jar" 2>/dev/null || echo 0)
  prefix="$dir/$name-${JAVA_HOME##*/}-${jar_id%% *}"
  archive="$prefix-$stamp.jsa"
  for earlier in "$prefix"-*.jsa "$prefix"-*.jsa.failed; do
    case $earlier in "$archive" | "$archive.failed") ;; *) [ ! -e "$earlier" ] || rm -f "$earlier" ;; esac
  done
  # A run that made an archive and then failed (a misspelt option, a missing file: Main marks it
  # with archive.failed) had loaded only the classes up to the error; without this, a typo in the
  # first load run left every later one mapping an archive without most of them.
  if [ -e "$archive.failed" ]; then
    rm -f "$archive" "$archive.failed"
  elif [ -e "$archive" ]; then
    case $(od -An -tx4 -N4 "$archive") in *f00baba8*) ;; *) rm -f "$archive" ;; esac
  fi
  if [ ! -e "$archive" ]; then
    # an archive the JVM cannot finish writing at exit turns the command's exit code into 1
    [ "$(df -Pk "$dir" 2>/dev/null | awk 'NR == 2 {print $4}')" -ge 262144 ] 2>/dev/null || return 0
  fi
  crmbench_archive=$archive
}
