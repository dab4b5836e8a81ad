#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on loopback for the test suite (run as root or as a user
# that may `su postgres`). Prints the connection URL on the last line.
#   PG_DIR  (default /tmp/gongkai-pg)   PG_PORT (default 55432)
set -euo pipefail
PG_DIR="${PG_DIR:-/tmp/gongkai-pg}"
PG_PORT="${PG_PORT:-55432}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$BIN" ]; then echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; fi
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if [ -f "$PG_DIR/data/postmaster.pid" ] && as_pg "$BIN/pg_ctl -D $PG_DIR/data status" >/dev/null 2>&1; then
  echo "postgres://postgres@127.0.0.1:$PG_PORT/postgres"; exit 0
fi
rm -rf "$PG_DIR"; mkdir -p "$PG_DIR"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR"
# UTF-8 with the C.UTF-8 locale: a C/SQL_ASCII cluster silently ignores Chinese in trigram search.
as_pg "$BIN/initdb -D $PG_DIR/data -E UTF8 --locale=C.UTF-8 -A trust -U postgres" >/dev/null
as_pg "$BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/log -w -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start" >/dev/null
echo "postgres://postgres@127.0.0.1:$PG_PORT/postgres"
