# Sourced (POSIX sh) by ./crmbench after find-jdk.sh (JAVA_HOME, crmbench_major) and
# crmbench_jvm_options (crmbench_vm_options, which the cache is made with): crmbench_cds_archive sets crmbench_cds_mode
# and crmbench_archive, which say how the launcher hands the JVM its cache for a command:
#   aot            map the AOT cache crmbench_archive (JDK 25 or newer);
#   aot-record     record this run's classes and method profiles to crmbench_archive, the AOT
#                  configuration, at exit; the next start turns it into the command's AOT cache;
#   classes        map the dynamic class archive crmbench_archive (JDK 21 to 24);
#   classes-make   make that archive when this run exits;
#   none           neither.
#
# The JVM keeps what one command loaded in a cache, made from that command's first run (again
# whenever the jar or the JDK changes), and maps it on later starts instead of loading and
# verifying the classes again. One cache per command, since each loads its own classes.
#   - On JDK 25 this is the AOT cache (JEP 483, 515): classes already linked, and the methods'
#     profiles from the first run, so the JIT compilers start from them. Against the JDK's own
#     archive alone, a 1 s load run costs 0.83× and 0.86×, a 5 s run-query run 0.78× and 0.77×
#     (reports/startup-cds*.txt, scripts/compare-startup.sh 7); against the dynamic class archive
#     the 5 s run-query run 0.88× and 0.92×, but the 1 s load run 1.08× both times
#     (reports/startup-aot*.txt, scripts/compare-startup.sh 7 classes; 0.81× and 0.78× the
#     session before, on a faster machine state: not settled).
#   - The dynamic class archive is what JDK 21 to 24 can have.
# CRMBENCH_CDS=off runs with neither, CRMBENCH_CDS=classes with the class archive on any JDK. So
# does a cache directory that cannot be written or has less than 256 MB free.
crmbench_cds_archive() { # $@ = crmbench's arguments
  # Shell built-ins wherever they do: this runs on every start, and each program it starts costs a
  # few milliseconds of CPU. The free-space check runs only when a cache is to be made.
  crmbench_cds_mode=none crmbench_archive=""
  [ "${CRMBENCH_CDS:-on}" = off ] && return 0
  case "${1:-}" in
    generate | bench | advise | serve | load | report | db | completion) name=$1 ;;
    *) name=other ;;
  esac
  # a command's help is cached with the other short runs: the cache is made by the first run of
  # its name, and `load --help` first would leave every later load run without its classes
  for arg in "$@"; do
    case $arg in -h | --help | -V | --version) name=other ;; esac
  done
  dir="${XDG_CACHE_HOME:-$HOME/.cache}/crmbench/cds"
  { [ -d "$dir" ] || mkdir -p "$dir" 2>/dev/null; } && [ -w "$dir" ] || return 0
  # The JVM maps a cache only for the very jar it was made from, but makes no new one when that
  # jar changed: the name says which jar (a checksum of its path, then its modification time and
  # size). The caches of an earlier build of the same jar are removed, every command's (those of
  # a command not run since would wait for it, a build's worth of them: 180 MB here), and so are
  # those of jars that are gone.
  jar_id=$(printf '%s' "$jar" | cksum)
  jar_id=${jar_id%% *}
  stamp=$(stat -c %Y-%s "$jar" 2>/dev/null || stat -f %m-%z "$jar" 2>/dev/null || echo 0)
  for earlier in "$dir"/*-"$jar_id"-*; do
    case $earlier in *-"$jar_id-$stamp".*) ;; *) [ ! -e "$earlier" ] || rm -f "$earlier" ;; esac
  done
  crmbench_forget_removed_jars
  prefix="$dir/$name-${JAVA_HOME##*/}-$jar_id"
  if [ "${crmbench_major:-0}" -ge 25 ] && [ "${CRMBENCH_CDS:-on}" != classes ]; then
    crmbench_aot_cache "$prefix-$stamp"
  else
    crmbench_class_archive "$prefix-$stamp.jsa"
  fi
}

crmbench_forget_removed_jars() { # removes the caches of jars that are gone, and notes $jar's path
  # A build replaces only its own jar's caches: a checkout, clone or worktree that is deleted
  # left its caches behind for good (here, after a day, eight of them, 165 MB, from the worktrees
  # scripts/compare-load-builds.sh builds its other revision in). Each jar's path is noted in
  # jar-ID.path beside its caches; a start that finds the noted jar gone removes its files.
  for note in "$dir"/jar-*.path; do
    [ -e "$note" ] || continue
    read -r noted_jar <"$note" || : # a path without a newline after it is read too
    [ -e "$noted_jar" ] && continue
    noted_id=${note##*/jar-}
    noted_id=${noted_id%.path}
    rm -f "$dir"/*-"$noted_id"-* "$note"
  done
  [ -e "$dir/jar-$jar_id.path" ] || printf '%s\n' "$jar" >"$dir/jar-$jar_id.path"
}

crmbench_aot_cache() { # $1 = the cache's path without extension
  cache="$1.aot"
  if [ -e "$cache" ]; then
    # a file that is not a cache at all (an empty one after a full disk) would make the JVM print
    # errors and run without one
    case $(od -An -tx4 -N4 "$cache") in *f00baba2*) crmbench_cds_mode=aot crmbench_archive=$cache; return 0 ;; esac
    rm -f "$cache"
  fi
  # Recorded configurations carry the PID of the run that recorded them (the launcher exec's its
  # JVM), so runs started at the same time (Locust workers) each write their own. One that ended
  # well becomes the cache here, once: 0.5–3 s, its output dropped; the others are then removed.
  # A run that failed (a misspelt option, a missing file) loaded only the classes up to the
  # error: Main marks it with .failed, and its configuration is dropped, so the next run records.
  for recorded in "$1".aotconf.*; do
    case $recorded in *.failed) continue ;; esac
    [ -e "$recorded" ] || continue
    if [ -e "$recorded.failed" ]; then
      rm -f "$recorded" "$recorded.failed"
    elif kill -0 "${recorded##*.}" 2>/dev/null; then
      : # its run goes on, and may be writing it as it exits
    elif [ -e "$cache" ]; then
      rm -f "$recorded"
    else
      # shellcheck disable=SC2086 # a list of options
      "$JAVA_HOME/bin/java" $crmbench_vm_options ${CRMBENCH_JAVA_OPTS:-} -XX:AOTMode=create "-XX:AOTConfiguration=$recorded" \
        "-XX:AOTCache=$cache.$$.tmp" -jar "$jar" >/dev/null 2>&1 && mv -f "$cache.$$.tmp" "$cache"
      rm -f "$recorded" "$cache.$$.tmp"
    fi
  done
  [ -e "$cache" ] && crmbench_cds_mode=aot crmbench_archive=$cache && return 0
  crmbench_room_for_cache || return 0
  crmbench_cds_mode=aot-record crmbench_archive="$1.aotconf.$$"
}

crmbench_class_archive() { # $1 = the archive's path
  archive=$1
  # A run that made an archive and then failed had loaded only the classes up to the error (see
  # above): without this, a typo in the first load run left every later one mapping an archive
  # without most of them.
  if [ -e "$archive.failed" ]; then
    rm -f "$archive" "$archive.failed"
  elif [ -e "$archive" ]; then
    case $(od -An -tx4 -N4 "$archive") in *f00baba8*) crmbench_cds_mode=classes crmbench_archive=$archive; return 0 ;; esac
    rm -f "$archive"
  fi
  crmbench_room_for_cache || return 0
  crmbench_cds_mode=classes-make crmbench_archive=$archive
}

crmbench_room_for_cache() { # true when $dir has 256 MB free: a cache the JVM cannot finish writing
  # at exit turns the command's exit code into 1
  [ "$(df -Pk "$dir" 2>/dev/null | awk 'NR == 2 {print $4}')" -ge 262144 ] 2>/dev/null
}
