#!/usr/bin/env bash
# How far the count the list API reports is from the exact count, for every single filter value
# that at least 1,000 users have, on the dataset in the embedded database: the API reports the
# planner's estimate at or above UserQueries.EXACT_COUNT_LIMIT (10,000) and counts exactly below
# it. Prints how many are more than 2x off and the ten farthest.
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
for col in ["last_name_key", "first_name_key", "city_key", "tier_key"]:
    values = [l.rsplit("|", 1) for l in psql(f"select {col}, count(*) from crmbench.user_list group by 1 having count(*) >= 1000").splitlines()]
    script = "".join("explain (format json) select 1 from crmbench.user_list where %s = '%s';\n" % (col, v.replace("'", "''")) for v, _ in values)
    plans = [json.loads(p) for p in psql(None, script).replace("]\n[", "]\x00[").split("\x00") if p.strip()]
    for (v, n), plan in zip(values, plans):
        est = plan[0]["Plan"]["Plan Rows"]
        reported = int(n) if est < LIMIT else est
        rows.append((max(reported / int(n), int(n) / max(reported, 1)), col, v, int(n), est, reported))
rows.sort(reverse=True)
print("values with >= 1,000 users: %d; reported count more than 2x from the exact one: %d" % (len(rows), sum(1 for r in rows if r[0] > 2)))
print("%8s  %-34s %10s %10s %10s" % ("off", "filter value", "exact", "estimate", "reported"))
for r in rows[:10]:
    print("%7.2fx  %-34s %10d %10d %10d" % (r[0], r[1].replace("_key", "") + "=" + r[2], r[3], r[4], r[5]))
PY
  echo
  echo "exact: users with the value; estimate: the planner's (EXPLAIN); reported: what /api/users/"
  echo "answers as count (the estimate at or above 10,000, else the exact count). Single filters only."
} | tee reports/count-estimates.txt
