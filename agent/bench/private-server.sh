# Sourced by the benchmark scripts: start_private_server PORT DIR [MARIADBD-OPTION...] makes a fresh data
# directory in DIR, starts mariadbd on 127.0.0.1:PORT with its socket in DIR, waits until it accepts connections, and
# stops it and deletes DIR when the calling script exits.
start_private_server() {
  local port=$1 dir=$2
  shift 2
  local user_arg=()
  if [[ $(id -u) == 0 ]]; then user_arg=(--user=root); fi
  rm -rf "$dir"
  mkdir -p "$dir"
  mariadb-install-db --no-defaults --auth-root-authentication-method=normal --datadir="$dir/data" \
    "${user_arg[@]}" >"$dir/install.log" 2>&1
  mariadbd --no-defaults --datadir="$dir/data" --socket="$dir/s.sock" --port="$port" --bind-address=127.0.0.1 \
    --skip-name-resolve --innodb-buffer-pool-size=32M "${user_arg[@]}" "$@" >"$dir/server.log" 2>&1 &
  private_server_pid=$!
  private_server_dir=$dir
  trap 'kill $private_server_pid; wait $private_server_pid 2>/dev/null || true; rm -rf "$private_server_dir"' EXIT
  for _ in $(seq 1 100); do
    mariadb-admin --host=127.0.0.1 --port="$port" --user=root ping >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "mariadbd on port $port did not start; see $dir/server.log" >&2
  return 1
}
