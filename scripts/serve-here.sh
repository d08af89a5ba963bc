# Sourced (bash) by the comparison scripts, after they set $port, $host and $work (a directory of
# their own): start_serve starts `crmbench serve` on $port in the background with its log in
# $work/serve.log, sets server_pid and waits until $host/health answers, or exits showing the log;
# stop_serve is the EXIT trap of a script that started nothing else (only what it started);
# process_cpu and served measure a load generator against what the server counted;
# highest_user_id is the top of the ids a load may draw.
server_pid=
start_serve() { # rest = serve options beyond --port
  if curl -sf "$host/health" >/dev/null 2>&1; then # else this script would measure a server it did not start
    echo "something already answers on $host: stop it or set CRMBENCH_SERVE_PORT" >&2
    exit 1
  fi
  ./crmbench serve --port "$port" "$@" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do curl -sf "$host/health" >/dev/null && return 0; sleep 0.5; done
  echo "crmbench serve did not answer on $host/health within 60 s:" >&2
  cat "$work/serve.log" >&2
  exit 1
}

stop_serve() { # kills the server this script started and removes $work, whatever happened before
  set +e
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  rm -rf "$work"
  return 0
}

process_cpu() { # CPU seconds so far (user + system) of process $1
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"
}

served() { # requests the server has answered on route $1, every status
  curl -s "$host/metrics" | awk -v r="route=\"$1\"" '/^crmbench_http_requests_total/ && index($1, r) {n += $2} END {printf "%d", n}'
}

highest_user_id() { # as crmbench load asks for it (Probe.LAST_USER_PAGE): the list's count is an
  # estimate at a million users (count_is_estimate) and went past the last id, so ids drawn up to
  # it found no user
  local id
  id=$(curl -s "$host/api/users/?page_size=1&ordering=-id" | sed -E 's/.*"results":\[\{"id":([0-9]+).*/\1/')
  [[ $id =~ ^[0-9]+$ ]] || { echo "could not read the highest user id from $host/api/users/" >&2; exit 1; }
  echo "$id"
}
