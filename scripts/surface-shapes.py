#!/usr/bin/env python3
"""The search, range and list shapes of a `bench --surface` run beside the equality ones.

Each shape (the parameters given, values left out) with its combinations, how many meet their
target (search/range/list: p50 <= 20 ms and p99 <= 100 ms, issue 24; the rest: p50 <= 10 ms and
p99 <= 50 ms), the largest p50, then the slowest ten of the new shapes with their plans' shape.

    scripts/surface-shapes.py reports/surface/lean reports/surface/lean-run2 > reports/surface/search-shapes.txt
"""
import csv
import re
import sys
from collections import defaultdict

NEW = re.compile(r"search=|__gte=|__lte=|__in=")


def summary(folder):
    rows = list(csv.DictReader(open(folder + "/benchmarks.csv")))
    p50 = lambda r: float(r["p50_ms"])
    p99 = lambda r: float(r["p99_ms"])
    new = [r for r in rows if NEW.search(r["scenario"])]
    old = [r for r in rows if not NEW.search(r["scenario"])]
    meets = lambda rs, a, b: sum(1 for r in rs if p50(r) <= a and p99(r) <= b)
    print(f"## {folder} ({rows[0]['rows_in_db']} users, {rows[0]['executions']} executions each)")
    print(f"search/range/list shapes: {meets(new, 20, 100)} of {len(new)} at p50 <= 20 ms and p99 <= 100 ms")
    print(f"equality shapes:          {meets(old, 10, 50)} of {len(old)} at p50 <= 10 ms and p99 <= 50 ms")
    print()
    shapes = defaultdict(list)
    for r in new:
        shapes[re.sub(r"=[^&]*", "", r["scenario"].split("&ordering")[0])].append(r)
    print(f"{'shape':72} {'n':>4} {'meet':>5} {'max p50':>8} {'max p99':>8}")
    for shape, rs in sorted(shapes.items()):
        print(f"{shape:72} {len(rs):4} {meets(rs, 20, 100):5} {max(map(p50, rs)):8.1f} {max(map(p99, rs)):8.1f}")
    print()
    print("slowest ten (p50 ms, p99 ms, combination, plan):")
    for r in sorted(new, key=p50, reverse=True)[:10]:
        print(f"{p50(r):8.1f} {p99(r):8.1f}  {r['scenario']}\n{'':19}{r['plan'][:120]}")
    print()


for folder in sys.argv[1:]:
    summary(folder)
