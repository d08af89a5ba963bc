#!/usr/bin/env bash
# Locust's web UI driving two crmbench workers, as the original project's load test was run:
# crmbench serve, a Locust master with its web UI (Debian's Locust 2.12.1), two `crmbench load
# --locust-master` workers; "Start swarming" with USERS users at SPAWN_RATE is posted to the UI's
# own /swarm form; after SECONDS, headless Chromium (driven by playwright-core from npm, installed
# into a temporary folder) takes the Statistics, Charts and Workers tabs; then the UI's stop button.
#
#   scripts/locust-ui-screenshot.sh [SECONDS] [USERS] [SPAWN_RATE]        (defaults 45 1000 100)
# Output: reports/locust-ui/{statistics,charts,workers}.png and the workers' CSV and .hlog files
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-45}
users=${2:-1000}
rate=${3:-100}
port=${CRMBENCH_SERVE_PORT:-8000}
master_port=${LOCUST_MASTER_PORT:-5557}
web_port=${LOCUST_WEB_PORT:-8089}
host="http://127.0.0.1:$port"
ui="http://127.0.0.1:$web_port"
out=reports/locust-ui
for tool in node npm curl chromium; do command -v $tool >/dev/null || { echo "$tool is needed (apt install nodejs npm curl chromium)" >&2; exit 1; }; done
/usr/bin/python3 -c 'import locust' 2>/dev/null || { echo "Debian's python3-locust is needed" >&2; exit 1; }
mkdir -p "$out"
work=$(mktemp -d /tmp/crmbench-ui.XXXXXX)
pids=() # the master and workers this script started
. scripts/serve-here.sh
trap 'set +e; for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; stop_serve' EXIT

npm install --silent --prefix "$work" playwright-core@1 >/dev/null

start_serve
max_id=$(highest_user_id)

/usr/bin/python3 -m locust -f examples/locustfile_workers.py --master --master-bind-port "$master_port" \
  --web-host 127.0.0.1 --web-port "$web_port" --host "$host" >"$out/master.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 180); do curl -sf "$ui/" >/dev/null && break; sleep 0.5; done
for w in 1 2; do
  ./crmbench load --locust-master "127.0.0.1:$master_port" --scenario run-query --max-user-id "$max_id" \
    --csv "$out/worker_$w" >"$out/worker_$w.log" 2>&1 &
  pids+=($!)
done
for _ in $(seq 1 60); do
  [ "$(curl -s "$ui/stats/requests" | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)["workers"]))')" = 2 ] && break
  sleep 0.5
done
curl -sf -X POST -d "user_count=$users&spawn_rate=$rate&host=$host" "$ui/swarm" >/dev/null
sleep "$seconds"

cat >"$work/shoot.js" <<'JS'
const { chromium } = require(process.argv[2] + '/node_modules/playwright-core');
(async () => {
  const [, , , url, dir] = process.argv;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.waitForTimeout(4000);
  await page.screenshot({ path: dir + '/statistics.png' });
  await page.click('a.chart-tab-link');
  await page.waitForTimeout(3000);
  await page.screenshot({ path: dir + '/charts.png', fullPage: true });
  await page.click('ul.tabs a:text-is("Workers")');
  await page.waitForTimeout(2000);
  await page.screenshot({ path: dir + '/workers.png' });
  await browser.close();
})();
JS
node "$work/shoot.js" "$work" "$ui/" "$out"
curl -sf "$ui/stop" >/dev/null
sleep 3
curl -sf "$ui/stats/requests/csv" >"$out/master_stats.csv" || true
echo "screenshots in $out: statistics.png, charts.png, workers.png"
