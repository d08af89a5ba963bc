#!/usr/bin/env python3
"""Sums an async-profiler collapsed CPU profile of `crmbench load` (one line per stack: the thread
first, frames root to leaf, then the sample count) into the table scripts/load-profile.sh prints.

  load-profile.py PROFILE INTERVAL_MS REQUESTS

Thread groups are those of scripts/load-threads.sh. The event loop's samples are split by where
the leaf is: in the kernel under one of the loop's system calls (write, read, epoll_wait, the
rest of the kernel), or in user space under the JDK's socket calls, under its selector, in
crmbench's own code, or elsewhere (the C library, the JVM's stubs).
"""
import sys
from collections import Counter

GROUPS = [("load-loop", "load-loop"), ("C2 Compiler", "C2"), ("C1 Compiler", "C1"),
          ("main", "main"), ("load-reporter", "reporter"), ("GC Thread", "GC"), ("VM Thread", "GC")]
SYSCALLS = ["write", "read", "epoll_wait"]


def group(thread):
    for prefix, name in GROUPS:
        if thread.startswith(prefix):
            return name
    return "other"


def loop_part(frames):
    """Where one of the loop's samples is, by the leaf's side and the frames above it."""
    if frames[-1].endswith("_[k]"):
        user = [f for f in frames if not f.endswith("_[k]")]
        leaf = user[-1] if user else ""
        for call in SYSCALLS:
            if leaf in (call, "__GI_" + call, "__" + call, "__libc_" + call) or leaf.endswith(call + "0"):
                return "kernel: " + call
        return "kernel: the rest"
    for f in reversed(frames):
        if f.startswith("sun/nio/ch/SocketChannelImpl") or f.startswith("sun/nio/ch/IOUtil"):
            return "user: JDK socket read/write"
        if f.startswith("sun/nio/ch/") and ("Selector" in f or "EPoll" in f):
            return "user: JDK selector"
        if f.startswith("org/crmbench/"):
            return "user: crmbench"
    return "user: the rest"


def main(path, interval_ms, requests):
    per_group, loop = Counter(), Counter()
    with open(path) as profile:
        for line in profile:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            frames = stack.split(";")
            thread = frames[0].strip("[]").split(" tid=")[0]
            g = group(thread)
            per_group[g] += int(count)
            if g == "load-loop":
                loop[loop_part(frames[1:])] += int(count)
    seconds = interval_ms / 1000.0
    per10k = 10000.0 / requests
    print("%-34s %10s %12s" % ("thread group", "CPU s", "CPU s/10k"))
    for name in ["load-loop", "C2", "C1", "main", "reporter", "GC", "other"]:
        print("%-34s %10.2f %12.4f" % (name, per_group[name] * seconds, per_group[name] * seconds * per10k))
    total = sum(per_group.values())
    print("%-34s %10.2f %12.4f" % ("all", total * seconds, total * seconds * per10k))
    print()
    print("%-34s %10s %12s %8s" % ("event loop, by where", "CPU s", "CPU s/10k", "share"))
    whole = sum(loop.values()) or 1
    for part, n in sorted(loop.items(), key=lambda kv: -kv[1]):
        print("%-34s %10.2f %12.4f %7.0f%%" % (part, n * seconds, n * seconds * per10k, 100.0 * n / whole))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], float(sys.argv[2]), int(sys.argv[3]))
