# Sourced (POSIX sh) by ./crmbench and scripts/cds-archive.sh: crmbench_jvm_options sets
# crmbench_vm_options, the JVM options every crmbench JVM gets before the user's
# CRMBENCH_JAVA_OPTS (which come later and win where the JVM lets a later option win).
crmbench_jvm_options() {
  # The parallel collector, unless the user names a collector: the JVM refuses two.
  crmbench_vm_options="-XX:+UseParallelGC"
  # shellcheck disable=SC2086 # one option a word
  for crmbench_option in ${CRMBENCH_JAVA_OPTS:-}; do
    case $crmbench_option in -XX:+Use*GC) crmbench_vm_options="" ;; esac
  done
  # Transparent huge pages for the heap and the code cache when the kernel gives them only to
  # who asks (madvise; "always" gives them unasked, "never" not at all, and the JVM would warn):
  # each 4 KB page a JVM touches first costs a page fault, 13 µs apiece on this machine's
  # hypervisor (a C program touching 100,000 pages: 1.37 s), and a 20 s load run took 32,000 to
  # 37,000 of them, 10,700 with huge pages. Measured against the launcher without them (3242577a),
  # medians of 3 or 7 pairs, two runs each:
  #   - load's CPU per request, 20 s runs at 100 and 1,000 connections: closed model 0.91-0.99x,
  #     open model 0.97-0.98x; in the steady window 0.92-1.03x (scripts/compare-load-builds.sh
  #     3242577a 3 20 100 1000, reports/load-builds-thp*.txt);
  #   - start-up: --version 0.96x and 0.94x, report --help 0.92x and 0.93x, a 5 s run-query run 0.90x
  #     both times, but a 1 s load run 1.02x and 1.06x (scripts/compare-startup.sh 7 3242577a,
  #     reports/startup-thp*.txt).
  if [ -r /sys/kernel/mm/transparent_hugepage/enabled ]; then
    read -r crmbench_thp </sys/kernel/mm/transparent_hugepage/enabled || : # a last line without a newline is read too
    case $crmbench_thp in
      *"[madvise]"*) crmbench_vm_options="$crmbench_vm_options -XX:+UseTransparentHugePages" ;;
    esac
  fi
}
