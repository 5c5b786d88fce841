#!/usr/bin/env bash
# Three replicas of the release server on one PostgreSQL database, behind
# Debian's nginx on loopback (issue 17, item 4): "any replica serves any
# request", run for real rather than reasoned about.
#   bash scripts/cluster.sh --start   # start, wait until each replica answers, write $VITRINE_CACHE/cluster.env
#   bash scripts/cluster.sh --stop    # stop them, and nginx, and drop the database
# REPLICAS (3 by default). The database is a fresh one on the server
# VITRINE_TEST_POSTGRES_URL names (127.0.0.1:5432 by default). The replicas
# inherit the environment (VITRINE_SMTP_URL, VITRINE_HOLD_LIMITS…).
# VITRINE_CLUSTER_STATE names the file written (several clusters at once,
# as the integration tests start them).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/env.sh
state="${VITRINE_CLUSTER_STATE:-$VITRINE_CACHE/cluster.env}"
pg_admin="${VITRINE_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"

# Running, and not a zombie (a killed replica no one has reaped yet).
alive() { ps -o stat= -p "$1" 2>/dev/null | grep -qv Z; }
stop() {
  [ -f "$state" ] || return 0
  # shellcheck disable=SC1090
  source "$state"
  for pid in $VITRINE_CLUSTER_PIDS; do kill "$pid" 2>/dev/null || true; done
  [ -f "$VITRINE_CLUSTER_DIR/nginx.pid" ] && kill "$(cat "$VITRINE_CLUSTER_DIR/nginx.pid")" 2>/dev/null || true
  # A graceful stop finishes its requests; one that takes longer than 5 s
  # is ended, so that the database can be dropped under nobody.
  for pid in $VITRINE_CLUSTER_PIDS; do
    for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.1; done
    ! alive "$pid" || kill -9 "$pid" 2>/dev/null || true
  done
  psql -d "$pg_admin" -qc "DROP DATABASE IF EXISTS \"$VITRINE_CLUSTER_DATABASE\" WITH (FORCE)" >/dev/null || true
  rm -rf "$VITRINE_CLUSTER_DIR" "$state"
}

case "${1:-}" in
  --stop) stop; exit 0 ;;
  --start) ;;
  *) echo "usage: $0 --start | --stop" >&2; exit 2 ;;
esac
stop

replicas="${REPLICAS:-3}"
server_bin="${VITRINE_SERVER_BIN:-$CARGO_TARGET_DIR/release/server}"
site_root="${VITRINE_SITE_ROOT:-$here/target/site}"
[ -x "$server_bin" ] || { echo "build the release first: bash scripts/build-release.sh" >&2; exit 1; }
pg_isready -q -d "$pg_admin" || { echo "no PostgreSQL answers at $pg_admin" >&2; exit 1; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx_bin" ] || { echo "nginx is missing: bash scripts/setup.sh installs it" >&2; exit 1; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/vitrine-cluster.XXXXXX")
name="vitrine_cluster_$$"
database_url="${pg_admin%/*}/$name"
pids=""
# What is started so far, so that --stop (and a failed start) undoes it.
save() {
  {
    echo "VITRINE_CLUSTER_PIDS=\"${pids# }\""
    echo "VITRINE_CLUSTER_DIR=$dir"
    echo "VITRINE_CLUSTER_DATABASE=$name"
    echo "VITRINE_CLUSTER_DATABASE_URL=$database_url"
    [ -z "${public:-}" ] || echo "VITRINE_CLUSTER_URL=$public"
    [ ! -f "$dir/replicas.env" ] || cat "$dir/replicas.env"
  } >"$state"
}
fail() { echo "[cluster] $*" >&2; exit 1; }
save
# A start that fails, here or in a command `set -e` stops at, is undone.
trap 'status=$?; [ "$status" = 0 ] || { echo "[cluster] start failed: stopping what was started" >&2; stop; }' EXIT
psql -d "$pg_admin" -qc "CREATE DATABASE \"$name\"" >/dev/null

# nginx first, on a free port: the replicas are told its address as theirs.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
public="http://127.0.0.1:$port"

export LEPTOS_OUTPUT_NAME=vitrine LEPTOS_SITE_ROOT="$site_root" LEPTOS_SITE_PKG_DIR=pkg LEPTOS_ENV=PROD
if [ -f "$(dirname "$server_bin")/hash.txt" ]; then export LEPTOS_HASH_FILES=true; fi
export DATABASE_URL="$database_url" RUST_LOG="${RUST_LOG:-warn}"
export VITRINE_PUBLIC_URL="$public" VITRINE_TRUST_FORWARDED_FOR=true VITRINE_DEV_MAILBOX=true
# The sandbox's callbacks go through nginx, to whichever replica.
export VITRINE_SANDBOX_CALLBACK_URL="$public/payments/sandbox/callback"

upstream=""
for n in $(seq 1 "$replicas"); do
  replica_port=$(free_port)
  LEPTOS_SITE_ADDR="127.0.0.1:$replica_port" "$server_bin" >"$dir/replica-$n.log" 2>&1 &
  pids="$pids $!"
  save
  upstream="$upstream    server 127.0.0.1:$replica_port;
"
  for _ in $(seq 1 150); do
    if curl -fsS "http://127.0.0.1:$replica_port/healthz" >/dev/null 2>&1; then break; fi
    kill -0 "$!" 2>/dev/null || { cat "$dir/replica-$n.log"; fail "replica $n did not start"; }
    sleep 0.2
  done
  curl -fsS "http://127.0.0.1:$replica_port/healthz" >/dev/null || fail "replica $n is not healthy"
  echo "VITRINE_REPLICA_$n=http://127.0.0.1:$replica_port" >>"$dir/replicas.env"
done

cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
daemon on;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir; proxy_temp_path $dir; fastcgi_temp_path $dir; uwsgi_temp_path $dir; scgi_temp_path $dir;
  client_max_body_size 64m;
  upstream vitrine {
$upstream    keepalive 32;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://vitrine;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      # A replica killed mid-request: the request goes to the next one only
      # if nothing was sent yet (POSTs are not retried, nginx's default).
      proxy_next_upstream error timeout;
    }
  }
}
CONF
"$nginx_bin" -c "$dir/nginx.conf" -p "$dir" || { cat "$dir/nginx-error.log"; fail "nginx did not start"; }
save
trap - EXIT
echo "[cluster] $replicas replicas on $database_url behind nginx at $public (logs in $dir)"
