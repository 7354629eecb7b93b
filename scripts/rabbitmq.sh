#!/usr/bin/env bash
# A private RabbitMQ node for tests and local clusters, apart from any system node on this machine.
#   scripts/rabbitmq.sh start     start it (does nothing when it already runs) and wait until it answers
#   scripts/rabbitmq.sh stop      stop it
#   scripts/rabbitmq.sh restart   stop and start it again; queues and persistent messages are kept
#   scripts/rabbitmq.sh status    say whether it runs (exit 0) or not (exit 3)
#   scripts/rabbitmq.sh url       how to connect: amqp://USER:PASSWORD@HOST:PORT/
#
# Isolation: its own node name, its own ports on 127.0.0.1 only (AMQP at MNAS_RABBITMQ_PORT,
# distribution at +1, its own epmd at +2, command-line tools at +10..+19), its own Erlang cookie,
# and everything it writes (database, logs, pid, config) under MNAS_RABBITMQ_DIR. The system's
# /etc/rabbitmq is never read. No plugins.
# Run as root, the node runs as the rabbitmq user, as Debian's own scripts do.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

# Below the kernel's ephemeral range (32768 and up): a port in it can be held by any client's
# outgoing connection, or its TIME_WAIT, and the node then fails to listen (seen with 55672).
port=${MNAS_RABBITMQ_PORT:-27672}
dir=${MNAS_RABBITMQ_DIR:-$repo/.services/rabbitmq}
node=${MNAS_RABBITMQ_NODE:-mnas@localhost}
dist_port=$((port + 1))
epmd_port=$((port + 2))
user=guest
password=guest
sbin=/usr/lib/rabbitmq/bin
start_timeout=${MNAS_RABBITMQ_START_TIMEOUT:-90}

die() {
  echo "rabbitmq.sh: $*" >&2
  exit 1
}

[[ -x $sbin/rabbitmq-server ]] || die "rabbitmq-server is not installed (scripts/bootstrap.sh installs it)"
[[ $port =~ ^[0-9]+$ ]] && ((port >= 1 && port <= 65515)) || die "MNAS_RABBITMQ_PORT must be in 1..65515 (got '$port')"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

# Who the node runs as: root hands it to the rabbitmq user when that user can reach the directory.
as_node=()
if [[ $(id -u) -eq 0 ]] && id rabbitmq >/dev/null 2>&1; then
  chown rabbitmq:rabbitmq "$dir"
  if runuser -u rabbitmq -- test -w "$dir"; then
    chown -R rabbitmq:rabbitmq "$dir"
    as_node=(runuser -u rabbitmq --)
  else
    echo "rabbitmq.sh: the rabbitmq user cannot reach $dir; the node runs as root" >&2
    chown root:root "$dir"
  fi
fi

# Everything the node and the command-line tools read comes from here, nothing from /etc/rabbitmq.
node_env=(
  HOME="$dir"
  RABBITMQ_NODENAME="$node"
  RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  RABBITMQ_NODE_PORT="$port"
  RABBITMQ_DIST_PORT="$dist_port"
  ERL_EPMD_PORT="$epmd_port"
  ERL_EPMD_ADDRESS=127.0.0.1
  RABBITMQ_CTL_DIST_PORT_MIN=$((port + 10))
  RABBITMQ_CTL_DIST_PORT_MAX=$((port + 19))
  RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
  RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
  RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
  RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
  RABBITMQ_MNESIA_BASE="$dir/mnesia"
  RABBITMQ_LOG_BASE="$dir/log"
  RABBITMQ_PID_FILE="$dir/node.pid"
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
)

run() {
  (cd "$dir" && "${as_node[@]}" env "${node_env[@]}" "$@")
}

ctl() {
  run "$sbin/rabbitmqctl" -q -n "$node" "$@"
}

write_files() {
  [[ -f $dir/.erlang.cookie ]] || (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/.erlang.cookie")
  chmod 400 "$dir/.erlang.cookie"
  : >"$dir/rabbitmq-env.conf"
  echo '[].' >"$dir/enabled_plugins"
  cat >"$dir/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$port
default_user = $user
default_pass = $password
log.file.level = info
log.console = false
EOF
  mkdir -p "$dir/mnesia" "$dir/log"
  if ((${#as_node[@]})); then
    chown -R rabbitmq:rabbitmq "$dir"
  fi
}

# Asks the node's own epmd first: the command-line tools would start an epmd that outlives them.
running() {
  [[ -f $dir/.erlang.cookie ]] &&
    ERL_EPMD_PORT=$epmd_port epmd -names 2>/dev/null | grep -q "^name ${node%@*} at port " &&
    ctl status >/dev/null 2>&1
}

start() {
  if running; then
    echo "rabbitmq.sh: $node already runs on 127.0.0.1:$port"
    return
  fi
  write_files
  # Detached, and without the script's lock (descriptor 9), which would otherwise stay held as long as the node runs.
  setsid "${as_node[@]}" env "${node_env[@]}" "$sbin/rabbitmq-server" </dev/null >"$dir/log/startup.log" 2>&1 9>&- &
  local server=$! deadline=$((SECONDS + start_timeout))
  until ctl await_startup --timeout 5 >/dev/null 2>&1; do
    if ! kill -0 "$server" 2>/dev/null; then
      tail -n 20 "$dir/log/startup.log" >&2
      die "$node stopped while starting; logs under $dir/log"
    fi
    ((SECONDS < deadline)) || die "$node did not answer within ${start_timeout}s; logs under $dir/log"
    sleep 0.5
  done
  echo "rabbitmq.sh: $node runs on 127.0.0.1:$port"
}

stop() {
  if ! running; then
    echo "rabbitmq.sh: $node is not running"
  else
    # With the pid file, stop returns once the node's process has exited.
    ctl stop "$dir/node.pid" >/dev/null
    echo "rabbitmq.sh: $node stopped"
  fi
  # The node's own epmd goes too; it refuses while the node's name is still registered, a moment
  # after the node's process has gone.
  local tries
  for tries in $(seq 20); do
    ERL_EPMD_PORT=$epmd_port epmd -kill 2>/dev/null | grep -q 'not allowed' || break
    sleep 0.1
  done
}

# One command at a time on this node: two test runs starting it at once would otherwise race.
case ${1:-} in
  start | stop | restart)
    exec 9>"$dir/.script.lock"
    flock 9
    ;;
esac

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart)
    stop
    start
    ;;
  status)
    if running; then
      echo "rabbitmq.sh: $node runs on 127.0.0.1:$port"
    else
      echo "rabbitmq.sh: $node is not running"
      exit 3
    fi
    ;;
  url) echo "amqp://$user:$password@127.0.0.1:$port/" ;;
  *)
    echo "usage: $0 start|stop|restart|status|url" >&2
    exit 2
    ;;
esac
