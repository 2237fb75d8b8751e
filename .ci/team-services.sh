#!/usr/bin/env bash
# Starts (or stops) a throw-away PostgreSQL and Redis on loopback for the team-server tests.
#   .ci/team-services.sh start   → prints `export CORROBORATE_TEST_PG=… CORROBORATE_TEST_REDIS=… CORROBORATE_TEST_SERVICES_DIR=…`
#   .ci/team-services.sh stop DIR
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
start)
  [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL binaries not found (apt-get install postgresql)" >&2; exit 3; }
  command -v redis-server >/dev/null || { echo "redis-server not found (apt-get install redis-server)" >&2; exit 3; }
  dir=$(mktemp -d /tmp/corroborate-services.XXXXXX)
  chmod 0755 "$dir"
  mkdir "$dir/pg" "$dir/redis"
  [ "$(id -u)" = 0 ] && chown postgres "$dir/pg"
  pgport=$(free_port)
  redisport=$(free_port)
  as_pg "$PGBIN/initdb" -D "$dir/pg/data" -U corroborate --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1
  as_pg "$PGBIN/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/log" -w -t 60 \
    -o "-p $pgport -c listen_addresses=127.0.0.1 -k $dir/pg -c fsync=on" start >/dev/null
  as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$pgport" -U corroborate corroborate_test
  redis-server --port "$redisport" --bind 127.0.0.1 --daemonize yes --dir "$dir/redis" \
    --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/log" --save '' --appendonly no
  for _ in $(seq 50); do redis-cli -p "$redisport" ping >/dev/null 2>&1 && break; sleep 0.1; done
  echo "$pgport" >"$dir/pg.port"
  echo "export CORROBORATE_TEST_PG=postgres://corroborate@127.0.0.1:$pgport/corroborate_test"
  echo "export CORROBORATE_TEST_REDIS=redis://127.0.0.1:$redisport"
  echo "export CORROBORATE_TEST_SERVICES_DIR=$dir"
  ;;
stop)
  dir=${2:?usage: team-services.sh stop DIR}
  [ -d "$dir/pg/data" ] && as_pg "$PGBIN/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  if [ -f "$dir/redis/redis.pid" ]; then
    pid=$(cat "$dir/redis/redis.pid")
    kill "$pid" 2>/dev/null || true
    # Redis writes its log until it has exited: wait for it before removing the folder.
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$dir" || { sleep 1; rm -rf "$dir"; } || true
  ;;
*)
  echo "usage: $0 start | stop DIR" >&2
  exit 2
  ;;
esac
