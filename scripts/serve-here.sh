# Sourced (bash) by the comparison scripts, after they set $port, $host and $work (a directory of
# their own): start_serve starts `crmbench serve` on $port in the background with its log in
# $work/serve.log, sets server_pid and waits until $host/health answers, or exits showing the log;
# stop_server stops it and waits for it to exit; stop_serve is the EXIT trap of a script that
# started nothing else (only what it started);
# build_base builds a BASE revision beside this one for the scripts that compare builds;
# process_cpu and served measure a load generator against what the server counted, measured does
# both for one run; divide, median and spread summarise rounds; machine_line heads a report;
# warm_launcher has the launcher's cache for load made before any measured run; highest_user_id is
# the top of the ids a load may draw.
server_pid=
serve_launcher=./crmbench # the build start_serve starts: another checkout's launcher serves that build
start_serve() { # rest = serve options beyond --port
  if curl -sf "$host/health" >/dev/null 2>&1; then # else this script would measure a server it did not start
    echo "something already answers on $host: stop it or set CRMBENCH_SERVE_PORT" >&2
    exit 1
  fi
  "$serve_launcher" serve --port "$port" "$@" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do curl -sf "$host/health" >/dev/null && return 0; sleep 0.5; done
  echo "crmbench serve did not answer on $host/health within 60 s:" >&2
  cat "$work/serve.log" >&2
  exit 1
}

stop_server() { # stops the server start_serve started, and waits for it to exit (at most 30 s)
  # The server drains its requests, and a run that records the launcher's cache (the first after a
  # build) writes it as it exits: 6 s here. A script that ended without waiting left it running.
  if [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; then
    for _ in $(seq 1 150); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$server_pid" 2>/dev/null && echo "crmbench serve ($server_pid) did not stop within 30 s: killed" >&2 \
      && kill -9 "$server_pid" 2>/dev/null
  fi
  server_pid=
  return 0
}

stop_serve() { # the EXIT trap: stops the server this script started and removes $work, whatever happened before
  set +e
  stop_server
  rm -rf "$work"
  return 0
}

build_base() { # $1 = a git revision: builds it in a git worktree under $work and sets $worktree and
  # $base_commit; from here the EXIT trap removes that worktree and stops the server (what the script made)
  worktree="$work/base"
  trap 'git worktree remove --force "$worktree" >/dev/null 2>&1 || true; stop_serve' EXIT
  base_commit=$(git rev-parse --verify --quiet "$1^{commit}") || { echo "BASE '$1' is not a git revision here" >&2; exit 2; }
  git worktree add --detach --quiet "$worktree" "$base_commit"
  echo "building $1 ($base_commit) in $worktree ..." >&2
  (cd "$worktree" && ./mvnw -q -o package -DskipTests >"$work/base-build.log" 2>&1) \
    || { echo "the build of $1 failed:" >&2; tail -20 "$work/base-build.log" >&2; exit 1; }
}

process_cpu() { # CPU seconds so far (user + system) of process $1
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"
}

served() { # requests the server has answered on route $1, every status
  curl -s "$host/metrics" | awk -v r="route=\"$1\"" '/^crmbench_http_requests_total/ && index($1, r) {n += $2} END {printf "%d", n}'
}

measured() { # rest = a load generator's command, run for $seconds against $host: prints its CPU s
  # per 10k requests the server counted for /health, over the whole run and from second $warm to a
  # second before the end (the steady window), and the requests/s over the whole run
  local n0 n1 c0 c1 s0 s1 cpu timer pid
  n0=$(served /health)
  # /usr/bin/time counts the command alone, not this script's curl and awk meanwhile
  /usr/bin/time -o "$work/cpu" -f '%U %S' "$@" >"$work/run.log" 2>&1 &
  timer=$!
  sleep "$warm"; pid=$(pgrep -P "$timer"); c0=$(process_cpu "$pid"); s0=$(served /health)
  sleep $((seconds - warm - 1)); c1=$(process_cpu "$pid"); s1=$(served /health)
  wait "$timer" || true
  n1=$(served /health)
  cpu=$(awk '{print $1 + $2}' "$work/cpu")
  echo "$(echo "$cpu * 10000 / ($n1 - $n0)" | bc -l) $(echo "($c1 - $c0) * 10000 / ($s1 - $s0)" | bc -l) $(echo "($n1 - $n0) / $seconds" | bc -l)"
}

divide() { echo "$1 / $2" | bc -l; } # $1 / $2, to 20 decimals
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; } # of stdin's numbers
spread() { printf '%5.2f  (%.2f–%.2f)' "$(median <"$1")" "$(sort -g "$1" | head -1)" "$(sort -g "$1" | tail -1)"; } # file $1's median (smallest–largest)

machine_line() { # $1 = what serves: the report's line on the machine, wrk and the server
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); wrk $(dpkg-query -W -f='${Version}' wrk 2>/dev/null); server: $1 on the same machine"
}

warm_launcher() { # $1 = a crmbench launcher (default ./crmbench): its cache for load is made by two
  # runs (one records, the next assembles), which a measured run must not be
  local launcher=${1:-./crmbench}
  for _ in 1 2; do
    "$launcher" load --host "$host" --scenario health --users 10 --spawn-rate 10 --run-time 3s >/dev/null 2>&1 || true
  done
}

highest_user_id() { # as crmbench load asks for it (Probe.LAST_USER_PAGE): the list's count is an
  # estimate at a million users (count_is_estimate) and went past the last id, so ids drawn up to
  # it found no user
  local id
  id=$(curl -s "$host/api/users/?page_size=1&ordering=-id" | sed -E 's/.*"results":\[\{"id":([0-9]+).*/\1/')
  [[ $id =~ ^[0-9]+$ ]] || { echo "could not read the highest user id from $host/api/users/" >&2; exit 1; }
  echo "$id"
}
