#!/usr/bin/env bash
# Starts a throwaway PostgreSQL (Debian's `postgresql` package) for the server
# tests: in a temporary directory, on a free loopback port, as a non-root user
# (initdb refuses root; as root it runs as `nobody`). Prints one line,
#   DATABASE_URL=postgres://tamdesk@127.0.0.1:PORT/postgres
# and keeps running in the background; stop it with:
#   pg_ctl -D "$PGDIR" stop   (PGDIR is printed on stderr)
# Usage: eval "$(scripts/postgres-for-tests.sh)" && TEST_DATABASE_URL=$DATABASE_URL npx vitest run test/server
set -euo pipefail
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
DIR=$(mktemp -d /tmp/tam-desk-pg.XXXXXX)
PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
RUN=()
if [ "$(id -u)" = 0 ]; then
  chown nobody "$DIR"
  chmod 700 "$DIR"
  RUN=(runuser -u nobody --)
fi
"${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U tamdesk --auth=trust -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
  -o "-k $DIR -p $PORT -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$DIR/server.log" >&2; exit 1; }
echo "PGDIR=$DIR/data (stop: ${RUN[*]} $BIN/pg_ctl -D $DIR/data stop)" >&2
echo "DATABASE_URL=postgres://tamdesk@127.0.0.1:$PORT/postgres"
