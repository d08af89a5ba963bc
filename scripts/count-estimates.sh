#!/usr/bin/env bash
# How far the count the list API reports is from the exact count, for every single filter value
# that at least 1,000 users have, and every pair of a name or city with a tier that at least 1,000
# have, on the dataset in the embedded database: the API reports the planner's estimate at or
# above UserQueries.EXACT_COUNT_LIMIT (10,000) and counts exactly below it. Prints how many are
# more than 2x off and the ten farthest. (Other pairs and larger subsets: two names, or a name and
# a city, match well under 10,000 users at 3,000,000, so their counts are exact.)
#
#   scripts/count-estimates.sh
# Output: reports/count-estimates.txt
set -euo pipefail
cd "$(dirname "$0")/.."
./crmbench db start >/dev/null
url=$(./crmbench db status --url)
users=$(psql "$url" -Atc "select count(*) from crmbench.app_user")
{
  echo "# list counts against exact counts, $users users — $(date -u +%Y-%m-%dT%H:%MZ)"
  python3 - "$url" <<'PY'
import json, subprocess, sys
url = sys.argv[1]
LIMIT = 10000  # UserQueries.EXACT_COUNT_LIMIT
def psql(sql, stdin=None):
    return subprocess.run(["psql", "-X", "-At", url] + ([] if stdin else ["-c", sql]), input=stdin,
                          capture_output=True, text=True, check=True).stdout
rows = []
def lit(v):
    return "'" + v.replace("'", "''") + "'"
for cols in [["last_name_key"], ["first_name_key"], ["city_key"], ["tier_key"],
             ["last_name_key", "tier_key"], ["first_name_key", "tier_key"], ["city_key", "tier_key"]]:
    listed = ", ".join(cols)
    values = [l.split("|") for l in psql(f"select {listed}, count(*) from crmbench.user_list group by {listed} having count(*) >= 1000").splitlines()]
    script = "".join("explain (format json) select 1 from crmbench.user_list where %s;\n"
                     % " and ".join("%s = %s" % (c, lit(v)) for c, v in zip(cols, vs[:-1])) for vs in values)
    plans = [json.loads(p) for p in psql(None, script).replace("]\n[", "]\x00[").split("\x00") if p.strip()]
    for vs, plan in zip(values, plans):
        n = int(vs[-1])
        est = plan[0]["Plan"]["Plan Rows"]
        reported = n if est < LIMIT else est
        what = "&".join(c.replace("_key", "") + "=" + v for c, v in zip(cols, vs[:-1]))
        rows.append((max(reported / n, n / max(reported, 1)), what, n, est, reported))
rows.sort(reverse=True)
print("values and tier pairs with >= 1,000 users: %d; reported count more than 2x from the exact one: %d" % (len(rows), sum(1 for r in rows if r[0] > 2)))
print("%8s  %-44s %10s %10s %10s" % ("off", "filters", "exact", "estimate", "reported"))
for r in rows[:10]:
    print("%7.2fx  %-44s %10d %10d %10d" % r)
PY
  echo
  echo "exact: users with the value; estimate: the planner's (EXPLAIN); reported: what /api/users/"
  echo "answers as count (the estimate at or above 10,000, else the exact count)."
} | tee reports/count-estimates.txt
