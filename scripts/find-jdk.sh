# Sourced (POSIX sh) by ./mvnw and ./crmbench: sets JAVA_HOME to a JDK 21 or newer and
# crmbench_major to its feature version, or exits with one sentence saying what was found and what
# to install. The user never has to export anything.

crmbench_jdk_major() { # $1 = a JDK home; sets crmbench_major to its feature version (17, 21, 25, ...) or ""
  # Shell built-ins only where it can: the launcher runs this on every start, and each program it
  # would start (sed, head, dirname) costs a few milliseconds of CPU (scripts/compare-startup.sh).
  crmbench_major=""
  if [ -f "$1/release" ]; then
    while IFS= read -r crmbench_line || [ -n "$crmbench_line" ]; do
      case $crmbench_line in
        JAVA_VERSION=*)
          crmbench_line=${crmbench_line#JAVA_VERSION=}
          crmbench_line=${crmbench_line#\"}
          crmbench_major=${crmbench_line%%[!0-9]*}
          return 0 ;;
      esac
    done <"$1/release"
  elif [ -x "$1/bin/java" ]; then
    crmbench_major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \(1\.\)\{0,1\}\([0-9]*\).*/\2/p' | head -n 1)
  fi
}

crmbench_usable() { # $1 = a JDK home or nothing: true when it is a JDK 21 or newer
  [ -n "$1" ] && [ -x "$1/bin/javac" ] || return 1
  crmbench_jdk_major "$1"
  [ "${crmbench_major:-0}" -ge 21 ]
}

crmbench_find_jdk() {
  crmbench_best="" crmbench_best_major=0
  # 1. JAVA_HOME and the java on PATH win when they are new enough.
  if crmbench_usable "${JAVA_HOME:-}"; then export JAVA_HOME; return 0; fi
  crmbench_path_java=$(command -v java 2>/dev/null || true)
  crmbench_path_home=""
  if [ -n "$crmbench_path_java" ]; then
    crmbench_path_java=$(readlink -f "$crmbench_path_java" 2>/dev/null || echo "$crmbench_path_java")
    crmbench_path_home=${crmbench_path_java%/bin/java}
  fi
  if crmbench_usable "$crmbench_path_home"; then JAVA_HOME=$crmbench_path_home; export JAVA_HOME; return 0; fi
  # 2. Otherwise the newest JDK 21+ in the usual install locations.
  case $- in *f*) crmbench_noglob=1; set +f ;; *) crmbench_noglob=0 ;; esac
  for crmbench_home in "${JAVA_HOME:-}" "$crmbench_path_home" /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
    "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$crmbench_home" ] && [ -x "$crmbench_home/bin/javac" ] || continue
    crmbench_jdk_major "$crmbench_home"
    if [ "${crmbench_major:-0}" -gt "$crmbench_best_major" ]; then
      crmbench_best=$crmbench_home crmbench_best_major=$crmbench_major
    fi
  done
  [ "$crmbench_noglob" = 1 ] && set -f
  if [ "$crmbench_best_major" -ge 21 ]; then
    JAVA_HOME=$crmbench_best crmbench_major=$crmbench_best_major
    export JAVA_HOME
    return 0
  fi
  if [ -n "$crmbench_best" ]; then
    crmbench_found="the newest JDK found is $crmbench_best_major at $crmbench_best"
  else
    crmbench_found="no JDK was found (JAVA_HOME, PATH, /usr/lib/jvm, ~/.sdkman)"
  fi
  echo "crmbench needs a JDK 21 or newer, but $crmbench_found: install one (for example 'apt install openjdk-21-jdk', or Temurin 21 from adoptium.net) or set JAVA_HOME to it." >&2
  exit 1
}

crmbench_find_jdk
