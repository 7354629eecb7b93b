#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for tests and local clusters.
#   scripts/postgres.sh start    initdb on first use, then start (already running: nothing to do)
#   scripts/postgres.sh stop     stop it (fast shutdown: open sessions are ended)
#   scripts/postgres.sh status   say whether it runs; exit status 0 when it does
#   scripts/postgres.sh url      print its connection string (superuser postgres, database postgres)
# MNAS_PG_DIR (default .services/postgres) is its data directory, which also holds its unix socket
# and its log (server.log); MNAS_PG_PORT (default 55432) its port. It listens on 127.0.0.1 only
# and trusts every local connection: never expose it. Run as root, the server runs as the
# postgres system user (PostgreSQL refuses root), who then owns the data directory.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${MNAS_PG_BIN:-/usr/lib/postgresql/15/bin}
dir=${MNAS_PG_DIR:-.services/postgres}
port=${MNAS_PG_PORT:-55432}
[[ "$dir" = /* ]] || dir="$PWD/$dir"

die() {
  echo "postgres.sh: $*" >&2
  exit 1
}

[[ "$port" =~ ^[0-9]+$ ]] || die "MNAS_PG_PORT must be a port number (got '$port')"

as_server() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() {
  [[ -f "$dir/PG_VERSION" ]] && as_server "$bin/pg_ctl" status -D "$dir" >/dev/null 2>&1
}

url() {
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

init() {
  [[ -x "$bin/initdb" ]] || die "no PostgreSQL 15 in $bin: install the Debian package postgresql (scripts/bootstrap.sh does)"
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    getent passwd postgres >/dev/null || die "running as root needs the postgres system user (the Debian package creates it)"
    chown postgres: "$dir"
    runuser -u postgres -- test -x "$dir" || die "the postgres user cannot reach $dir: choose an MNAS_PG_DIR whose parents it may enter"
  fi
  chmod 700 "$dir"
  as_server "$bin/initdb" -D "$dir" -U postgres --auth-local=trust --auth-host=trust -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 ||
    { cat "$dir.initdb.log" >&2; die "initdb failed in $dir"; }
  rm -f "$dir.initdb.log"
}

start() {
  if running; then
    echo "postgres.sh: already running on port $port ($dir)"
    return
  fi
  if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    die "another server already answers on port $port (another checkout's?): stop it, or choose another MNAS_PG_PORT"
  fi
  [[ -f "$dir/PG_VERSION" ]] || init
  # A test server: losing the last transactions in a power cut is fine, waiting for fsync is not.
  if ! as_server "$bin/pg_ctl" start -D "$dir" -l "$dir/server.log" -w -t 60 -o \
    "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null 9>&-; then
    tail -n 20 "$dir/server.log" >&2 || true
    die "the server did not start (log: $dir/server.log)"
  fi
  echo "postgres.sh: started on port $port ($dir)"
}

stop() {
  if ! running; then
    echo "postgres.sh: not running ($dir)"
    return
  fi
  as_server "$bin/pg_ctl" stop -D "$dir" -m fast -w -t 60 >/dev/null 9>&-
  echo "postgres.sh: stopped ($dir)"
}

# Several test processes may start the same server at once: one at a time past this point. The
# server must not inherit the lock's descriptor (9>&- above), or it would hold the lock for life.
locked() {
  mkdir -p "$(dirname "$dir")"
  exec 9>"$dir.lock"
  flock 9
  "$@"
}

case "${1:-}" in
  start) locked start ;;
  stop) locked stop ;;
  status)
    if running; then echo "postgres.sh: running on port $port ($dir)"; else echo "postgres.sh: not running ($dir)"; exit 3; fi
    ;;
  url) url ;;
  *)
    echo "usage: scripts/postgres.sh start|stop|status|url" >&2
    exit 2
    ;;
esac
