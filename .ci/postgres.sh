#!/usr/bin/env bash
# Start a throw-away PostgreSQL on loopback for the audit-log tests (idempotent).
#
#   eval "$(.ci/postgres.sh)"      # exports APLGUARD_TEST_POSTGRES_URL
#
# Installs Debian's `postgresql` package when missing (apt-get), starts the
# cluster, and creates the role and database `aplguard` / `aplguard_test`.
# Everything it says goes to stderr; stdout carries only the export line, so a
# failure leaves the variable unset and the PostgreSQL tests skip with a reason.
set -euo pipefail

PGUSER_NAME=aplguard
PGPASS=aplguard
PGDB=aplguard_test
PGPORT=${APLGUARD_PG_PORT:-5432}

say() { echo "postgres.sh: $*" >&2; }

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    say "not root and no password-less sudo: skipping (PostgreSQL tests will skip)"
    exit 0
fi

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    say "installing postgresql from Debian packages"
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi

VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$VERSION main$"; then
    say "creating cluster $VERSION/main"
    $SUDO pg_createcluster "$VERSION" main -p "$PGPORT" >&2
fi
PGPORT=$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $3}')
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
    say "starting cluster $VERSION/main on 127.0.0.1:$PGPORT"
    $SUDO pg_ctlcluster "$VERSION" main start >&2
fi

for _ in $(seq 1 50); do
    pg_isready -q -h 127.0.0.1 -p "$PGPORT" && break
    sleep 0.2
done
pg_isready -q -h 127.0.0.1 -p "$PGPORT" || { say "server did not become ready"; exit 1; }

psql_admin() { $SUDO runuser -u postgres -- psql -p "$PGPORT" -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname='$PGUSER_NAME'")" != "1" ]; then
    psql_admin -c "CREATE ROLE $PGUSER_NAME LOGIN PASSWORD '$PGPASS'" >&2
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname='$PGDB'")" != "1" ]; then
    psql_admin -c "CREATE DATABASE $PGDB OWNER $PGUSER_NAME" >&2
fi

URL="postgresql://$PGUSER_NAME:$PGPASS@127.0.0.1:$PGPORT/$PGDB"
say "ready: $URL"
echo "export APLGUARD_TEST_POSTGRES_URL=$URL"
