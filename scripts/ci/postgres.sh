#!/usr/bin/env bash
# Makes sure Debian's PostgreSQL server binaries are there for the `postgres` tests: the test suite
# starts its own throw-away server from them (tests/conftest.py: initdb into a temp dir as the
# `postgres` user, pg_ctl start on a free port). Installs the package only when it is absent.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" > /dev/null; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq postgresql > /dev/null
# the package starts a cluster of its own; the tests never use it
$SUDO service postgresql stop > /dev/null 2>&1 || true
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" > /dev/null
