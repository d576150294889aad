#!/usr/bin/env bash
# Start (creating it the first time) a local PostgreSQL server holding a marsad team store, from
# Debian's postgresql package, and print the URL to use:
#
#   eval "$(bash scripts/postgres_local.sh [DIR] [PORT])"     # sets MARSAD_DATABASE_URL
#   bash scripts/postgres_local.sh --stop [DIR]
#
# The server listens on 127.0.0.1 only and trusts local connections: fit for one machine or for
# trying marsad with PostgreSQL. A shared team server should use password authentication (give
# the password in the URL: postgresql://user:password@host:5432/marsad).
set -euo pipefail
cd "$(dirname "$0")/.."
STOP=0
if [ "${1:-}" = "--stop" ]; then STOP=1; shift; fi
DIR=$(realpath -m "${1:-.marsad-postgres}")
PORT=${2:-5433}
bash scripts/ci/postgres.sh
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
AS=()
mkdir -p "$DIR"
if [ "$(id -u)" -eq 0 ]; then  # the server refuses to run as root
    AS=(runuser -u postgres --)
    chown postgres "$DIR"
fi
if [ "$STOP" -eq 1 ]; then
    "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >&2
    exit 0
fi
if [ ! -f "$DIR/data/PG_VERSION" ]; then
    "${AS[@]}" "$BIN/initdb" -D "$DIR/data" -U marsad -A trust -E UTF8 --no-instructions > /dev/null
fi
if ! "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" status > /dev/null 2>&1; then
    "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1" start > /dev/null
fi
"${AS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U marsad marsad 2> /dev/null || true
echo "export MARSAD_DATABASE_URL=postgresql://marsad@127.0.0.1:$PORT/marsad"
