# Sourced (POSIX sh) by ./crmbench and scripts/cds-archive.sh: crmbench_jvm_options sets
# crmbench_vm_options, the JVM options every crmbench JVM gets before the user's
# CRMBENCH_JAVA_OPTS (which come later and win where the JVM lets a later option win).
crmbench_jvm_options() {
  crmbench_vm_options=""
  # The parallel collector, unless the user names a collector: the JVM refuses two.
  case " ${CRMBENCH_JAVA_OPTS:-} " in
    *" -XX:+Use"*GC" "*) ;;
    *) crmbench_vm_options="-XX:+UseParallelGC" ;;
  esac
  # Transparent huge pages for the heap and the code cache when the kernel gives them only to
  # who asks (madvise; "always" gives them unasked, "never" not at all, and the JVM would warn):
  # each 4 KB page a JVM touches first costs a page fault, 13 µs apiece on this machine's
  # hypervisor, and a 20 s load run took 32,000 to 37,000 of them, 10,700 with huge pages.
  # What it buys: reports/thp*.txt (scripts/compare-thp.sh).
  if [ -r /sys/kernel/mm/transparent_hugepage/enabled ]; then
    read -r crmbench_thp </sys/kernel/mm/transparent_hugepage/enabled || crmbench_thp=""
    case $crmbench_thp in
      *"[madvise]"*) crmbench_vm_options="$crmbench_vm_options -XX:+UseTransparentHugePages" ;;
    esac
  fi
}
