# Sourced (bash) by the comparison scripts: start_serve starts `crmbench serve` on $port in the
# background with its log in $work/serve.log, sets server_pid (which the script's EXIT trap kills:
# only what it started) and waits until $host/health answers, or exits showing the log.
start_serve() { # rest = serve options beyond --port
  ./crmbench serve --port "$port" "$@" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do curl -sf "$host/health" >/dev/null && return 0; sleep 0.5; done
  echo "crmbench serve did not answer on $host/health within 60 s:" >&2
  cat "$work/serve.log" >&2
  exit 1
}
