#!/usr/bin/env bash
# Local services for tests, the demo and CI: PostgreSQL 15 (wal_level=logical), s3rver, Azurite (blob) and the
# embedded Kafka-protocol cluster, all on 127.0.0.1 and on free ports.
#
#   infra/local/services.sh up       install what is missing, start what is not running, write the env file
#   infra/local/services.sh down     stop exactly the processes this script started (by PID), keep the data
#   infra/local/services.sh purge    down, then delete the data directories
#   infra/local/services.sh env      print the env file (export lines), for `eval "$(infra/local/services.sh env)"`
#   infra/local/services.sh status   exit 0 when every service is running
#
# State lives in $SC_STATE_DIR (default: <repo>/.local). The env file is $SC_STATE_DIR/services.env.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL_DIR="$ROOT/infra/local"
STATE_DIR="${SC_STATE_DIR:-$ROOT/.local}"
ENV_FILE="$STATE_DIR/services.env"
PG_BIN="/usr/lib/postgresql/15/bin"
PG_PASSWORD="postgres"
# PostgreSQL refuses to run as root, and the postgres OS user may not be able to enter the repository's folders,
# so its private data directory lives under /tmp, keyed by the state directory.
STATE_KEY="$(printf '%s' "$STATE_DIR" | md5sum | cut -c1-10)"
PG_DIR="${SC_PG_DIR:-/tmp/serverless-connect-pg-$STATE_KEY}"

log() { echo "services: $*" >&2; }
die() { echo "services: error: $*" >&2; exit 1; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    die "need root to run: $* (install it by hand, or run as root)"; fi
}

apt_install() {
  log "installing with apt-get: $*"
  if [[ ! -f "$STATE_DIR/.apt-updated" ]]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    touch "$STATE_DIR/.apt-updated"
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

wait_port() { # host port seconds
  local deadline=$((SECONDS + $3))
  until (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# Services run in a session of their own (setsid; this script has no job control, so setsid does not fork and $! is
# the service's PID): killing the caller's process group must not take shared services down with it.
# Every service is started with fd 8 (the lock) closed: a daemon that inherits it would hold the lock forever.
# A PID file is trusted only while that PID is alive and still runs the command we started (PIDs get reused).
alive() { # pidfile marker
  [[ -f "$1" ]] || return 1
  local pid
  pid="$(head -1 "$1")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2"
}

stop_pid() { # pidfile marker name
  if alive "$1" "$2"; then
    local pid
    pid="$(head -1 "$1")"
    log "stopping $3 (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$3 did not stop in 10 s; sending SIGKILL to pid $pid"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$1"
}

# ---------------------------------------------------------------------------------------------------------------------
# Installation
ensure_tools() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  command -v md5sum >/dev/null 2>&1 || apt_install coreutils
  command -v flock >/dev/null 2>&1 || apt_install util-linux
  if [[ ! -x "$PG_BIN/initdb" ]]; then
    # Do not let the Debian package create and start its own cluster on 5432; we run a private one.
    as_root mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | as_root tee /etc/postgresql-common/createcluster.conf >/dev/null
    apt_install postgresql-15
  fi
  if [[ ! -x "$LOCAL_DIR/node_modules/.bin/s3rver" || ! -x "$LOCAL_DIR/node_modules/.bin/azurite-blob" ]]; then
    log "installing s3rver and azurite (npm ci)"
    (cd "$LOCAL_DIR" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

# ---------------------------------------------------------------------------------------------------------------------
# PostgreSQL
pg_run() { # run a PostgreSQL binary as the data directory's owner
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_pidfile() { echo "$PG_DIR/data/postmaster.pid"; }

pg_alive() { alive "$(pg_pidfile)" "$PG_DIR/data"; }

start_postgres() {
  if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  if pg_alive; then
    return
  fi
  mkdir -p "$PG_DIR"
  chmod 700 "$PG_DIR"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$PG_DIR"
  if [[ ! -f "$PG_DIR/data/PG_VERSION" ]]; then
    log "initialising PostgreSQL data directory $PG_DIR/data"
    echo "$PG_PASSWORD" >"$PG_DIR/pwfile"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$PG_DIR/pwfile"
    pg_run "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 ||
      { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
    rm -f "$PG_DIR/pwfile"
    cat >>"$PG_DIR/data/postgresql.conf" <<'CONF'
# Serverless.Connect local settings: logical replication with room for many parallel tests.
wal_level = logical
max_wal_senders = 64
max_replication_slots = 64
max_connections = 300
wal_sender_timeout = 30s
# Local test data only: trade crash durability of the OS for speed (a PostgreSQL restart still loses nothing).
fsync = off
full_page_writes = off
synchronous_commit = on
listen_addresses = '127.0.0.1'
CONF
  fi
  local port
  port="$(free_port)"
  mkdir -p "$PG_DIR/run"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$PG_DIR/run"
  log "starting PostgreSQL on 127.0.0.1:$port"
  pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
    -o "-p $port -k $PG_DIR/run" start >&2 8>&- || { tail -20 "$PG_DIR/postgres.log" >&2; die "PostgreSQL did not start"; }
  echo "$port" >"$STATE_DIR/postgres.port"
}

stop_postgres() {
  if pg_alive; then
    log "stopping PostgreSQL (pid $(head -1 "$(pg_pidfile)"))"
    pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 30 stop >&2 || true
  fi
}

# ---------------------------------------------------------------------------------------------------------------------
# Node services and the embedded Kafka
start_s3rver() {
  alive "$STATE_DIR/s3rver.pid" "s3rver" && return
  local port
  port="$(free_port)"
  mkdir -p "$STATE_DIR/s3rver-data"
  log "starting s3rver on 127.0.0.1:$port"
  setsid nohup "$LOCAL_DIR/node_modules/.bin/s3rver" --address 127.0.0.1 --port "$port" \
    --directory "$STATE_DIR/s3rver-data" --silent </dev/null >"$STATE_DIR/s3rver.log" 2>&1 8>&- &
  echo $! >"$STATE_DIR/s3rver.pid"
  echo "$port" >"$STATE_DIR/s3rver.port"
  wait_port 127.0.0.1 "$port" 30 || { cat "$STATE_DIR/s3rver.log" >&2; die "s3rver did not start"; }
}

start_azurite() {
  alive "$STATE_DIR/azurite.pid" "azurite-blob" && return
  local port
  port="$(free_port)"
  mkdir -p "$STATE_DIR/azurite-data"
  log "starting Azurite (blob) on 127.0.0.1:$port"
  setsid nohup "$LOCAL_DIR/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$port" \
    --location "$STATE_DIR/azurite-data" --silent --skipApiVersionCheck --loose --disableTelemetry \
    </dev/null >"$STATE_DIR/azurite.log" 2>&1 8>&- &
  echo $! >"$STATE_DIR/azurite.pid"
  echo "$port" >"$STATE_DIR/azurite.port"
  wait_port 127.0.0.1 "$port" 30 || { cat "$STATE_DIR/azurite.log" >&2; die "Azurite did not start"; }
}

start_kafka() {
  alive "$STATE_DIR/kafka.pid" "connect.dll kafka" && return
  local control_port
  control_port="$(free_port)"
  echo "$control_port" >"$STATE_DIR/kafka-control.port"
  log "starting the embedded Kafka (./connect kafka, control port $control_port)"
  : >"$STATE_DIR/kafka.out"
  setsid nohup "$ROOT/connect" kafka --brokers "${SC_KAFKA_BROKERS:-3}" --control-port "$control_port" </dev/null >"$STATE_DIR/kafka.out" 2>"$STATE_DIR/kafka.log" 8>&- &
  echo $! >"$STATE_DIR/kafka.pid"
  local deadline=$((SECONDS + 600))
  until head -1 "$STATE_DIR/kafka.out" | grep -q '^bootstrap.servers='; do
    kill -0 "$(cat "$STATE_DIR/kafka.pid")" 2>/dev/null || { cat "$STATE_DIR/kafka.log" >&2; die "./connect kafka exited"; }
    ((SECONDS < deadline)) || die "./connect kafka printed no bootstrap line"
    sleep 0.2
  done
}

write_env() {
  local pg_port s3_port az_port bootstrap
  pg_port="$(cat "$STATE_DIR/postgres.port")"
  s3_port="$(cat "$STATE_DIR/s3rver.port")"
  az_port="$(cat "$STATE_DIR/azurite.port")"
  bootstrap="$(head -1 "$STATE_DIR/kafka.out" | cut -d= -f2-)"
  local account="devstoreaccount1"
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  cat >"$ENV_FILE.tmp" <<ENV
# Written by infra/local/services.sh; read by the tests and the demo.
export SC_PG_HOST=127.0.0.1
export SC_PG_PORT=$pg_port
export SC_PG_USER=postgres
export SC_PG_PASSWORD=$PG_PASSWORD
export SC_PG_SOCKET_DIR=$PG_DIR/run
export SC_PG_DATA_DIR=$PG_DIR/data
export SC_S3_ENDPOINT=http://127.0.0.1:$s3_port
export SC_S3_ACCESS_KEY=S3RVER
export SC_S3_SECRET_KEY=S3RVER
export SC_AZURITE_BLOB_ENDPOINT=http://127.0.0.1:$az_port/$account
export SC_AZURITE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$az_port/$account;"
export SC_KAFKA_BOOTSTRAP_SERVERS=$bootstrap
export SC_KAFKA_CONTROL_URL=http://127.0.0.1:$(cat "$STATE_DIR/kafka-control.port")
export SC_KAFKA_PID=$(cat "$STATE_DIR/kafka.pid")
ENV
  mv "$ENV_FILE.tmp" "$ENV_FILE"
}

all_alive() {
  pg_alive && alive "$STATE_DIR/s3rver.pid" "s3rver" && alive "$STATE_DIR/azurite.pid" "azurite-blob" &&
    alive "$STATE_DIR/kafka.pid" "connect.dll kafka" && [[ -f "$ENV_FILE" ]]
}

cmd="${1:-}"
mkdir -p "$STATE_DIR"
case "$cmd" in
  up)
    exec 8>"$STATE_DIR/.lock"
    flock 8
    ensure_tools
    start_postgres
    start_s3rver
    start_azurite
    start_kafka
    write_env
    log "all services are up; env file: $ENV_FILE"
    ;;
  down | purge)
    exec 8>"$STATE_DIR/.lock"
    flock 8
    stop_pid "$STATE_DIR/kafka.pid" "connect.dll kafka" "the embedded Kafka"
    stop_pid "$STATE_DIR/azurite.pid" "azurite-blob" "Azurite"
    stop_pid "$STATE_DIR/s3rver.pid" "s3rver" "s3rver"
    stop_postgres
    rm -f "$ENV_FILE"
    if [[ "$cmd" == purge ]]; then
      rm -rf "$STATE_DIR/s3rver-data" "$STATE_DIR/azurite-data" "$PG_DIR"
      log "data directories removed"
    fi
    ;;
  env)
    [[ -f "$ENV_FILE" ]] || die "services are not up (run: infra/local/services.sh up)"
    cat "$ENV_FILE"
    ;;
  status)
    if all_alive; then echo "up"; else echo "down"; exit 1; fi
    ;;
  *)
    echo "usage: infra/local/services.sh up|down|purge|env|status" >&2
    exit 2
    ;;
esac
