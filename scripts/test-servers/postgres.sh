#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL 15 cluster on 127.0.0.1 for the tests.
# Usage: postgres.sh start|stop   — prints the connection URL on start.
# pg_stat_statements is preloaded so bench_pg_load can count statements per
# use case (a server started before that needs a stop and start).
# GUICHE_TEST_PG_FSYNC=off (what scripts/run-tests.sh sets) starts it without
# fsync: the tests kill desks, never this server, and each test creates and
# drops a database, which with fsync costs a second. The benches keep the
# default, on, to measure commits as a real server makes them.
set -euo pipefail

PGBIN=/usr/lib/postgresql/15/bin
PGPORT=${GUICHE_TEST_PG_PORT:-55432}
PGDATA=${GUICHE_TEST_PG_DIR:-/tmp/guiche-pg-$PGPORT}
FSYNC=${GUICHE_TEST_PG_FSYNC:-on}
case "$FSYNC" in
  on) DURABILITY="-c fsync=on" ;;
  off) DURABILITY="-c fsync=off -c synchronous_commit=off -c full_page_writes=off" ;;
  *) echo "GUICHE_TEST_PG_FSYNC must be on or off, not '$FSYNC'" >&2; exit 2 ;;
esac

run_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

case "${1:-}" in
  start)
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
      rm -rf "$PGDATA"
      mkdir -p "$PGDATA"
      [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$PGDATA"
      run_as_postgres "$PGBIN/initdb -D $PGDATA -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
    fi
    if ! run_as_postgres "$PGBIN/pg_ctl -D $PGDATA status" >/dev/null 2>&1; then
      run_as_postgres "$PGBIN/pg_ctl -D $PGDATA -o \"-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp $DURABILITY -c max_connections=300 -c shared_preload_libraries=pg_stat_statements\" -l $PGDATA/pg.log -w start" >/dev/null
    fi
    echo "postgresql://postgres@127.0.0.1:$PGPORT/postgres"
    ;;
  stop)
    run_as_postgres "$PGBIN/pg_ctl -D $PGDATA -m fast stop" >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
