# Sourced by tests/run: start Redis and PostgreSQL when they are not running, and stop, on exit,
# exactly what was started here (by its pid file or cluster), never a service that was already up.
# Logs and data of a Redis started here go to test-artifacts/ (git-ignored).
# REDIS_PORT (default 6379) is for the test of this file, which starts its own Redis.

REDIS_PORT=${REDIS_PORT:-6379}
ARTIFACTS=${ARTIFACTS:-$(pwd)/test-artifacts}
STARTED_REDIS_PIDFILE=""
STARTED_PG_CLUSTER=""

stop_started_services() {
  if [ -n "$STARTED_REDIS_PIDFILE" ] && [ -s "$STARTED_REDIS_PIDFILE" ]; then
    kill "$(cat "$STARTED_REDIS_PIDFILE")" 2>/dev/null || true
    STARTED_REDIS_PIDFILE=""
  fi
  if [ -n "$STARTED_PG_CLUSTER" ]; then
    pg_ctlcluster --skip-systemctl-redirect $STARTED_PG_CLUSTER stop 2>/dev/null || true
    STARTED_PG_CLUSTER=""
  fi
}

start_services() {
  trap stop_started_services EXIT
  mkdir -p "$ARTIFACTS/redis-$REDIS_PORT"
  if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    STARTED_REDIS_PIDFILE="$ARTIFACTS/redis-$REDIS_PORT/redis.pid"
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" \
      --appendonly no --dir "$ARTIFACTS/redis-$REDIS_PORT" --pidfile "$STARTED_REDIS_PIDFILE" \
      --logfile "$ARTIFACTS/redis-$REDIS_PORT/redis.log"
  fi
  if [ -z "${SKIP_POSTGRES:-}" ] && ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    STARTED_PG_CLUSTER="$(ls /etc/postgresql | head -1) main"
    pg_ctlcluster --skip-systemctl-redirect $STARTED_PG_CLUSTER start
  fi
  for _ in $(seq 1 60); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 &&
      { [ -n "${SKIP_POSTGRES:-}" ] || pg_isready -h 127.0.0.1 -p 5432 -q; } && break
    sleep 1
  done
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null
  [ -n "${SKIP_POSTGRES:-}" ] || pg_isready -h 127.0.0.1 -p 5432
}
