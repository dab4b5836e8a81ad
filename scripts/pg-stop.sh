#!/usr/bin/env bash
set -euo pipefail
PG_DIR="${PG_DIR:-/tmp/gongkai-pg}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -d "$PG_DIR/data" ] || exit 0
if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$BIN/pg_ctl -D $PG_DIR/data -m fast stop" || true; else "$BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop || true; fi
