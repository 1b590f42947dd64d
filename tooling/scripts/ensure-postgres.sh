#!/usr/bin/env bash
# Makes the local Debian PostgreSQL ready for the store tests, idempotently:
# - starts the cluster if it is down (installs nothing: `apt-get install postgresql` is the caller's job);
# - creates (or refreshes the password of) the role and database `sledopyt_test`; the role may create
#   schemas in that database, which is how each test run isolates itself.
# Prints the URL the tests use by default (SLEDOPYT_TEST_PG_URL). Loopback only: Debian's default
# listen_addresses is 'localhost', and pg_hba allows password (scram) logins from 127.0.0.1.
set -euo pipefail
# Only the URL goes to stdout (callers capture it): everything else, including pg_ctlcluster's chatter such as
# "Removed stale pid file.", goes to stderr.
# (fd 3 keeps the caller's stdout; the server started below must not inherit it, or `$(…)` would wait forever.)
exec 3>&1 1>&2

role="${SLEDOPYT_TEST_PG_ROLE:-sledopyt_test}"
password="${SLEDOPYT_TEST_PG_PASSWORD:-sledopyt_test}"
database="${SLEDOPYT_TEST_PG_DATABASE:-sledopyt_test}"

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "ensure-postgres: PostgreSQL is not installed (no pg_lsclusters). Install it: apt-get install -y postgresql" >&2
  exit 1
fi

# The newest cluster: "15 main 5432 down postgres ..." → version, name, port, status.
read -r version cluster port status < <(pg_lsclusters --no-header | sort -k1,1V | tail -n 1 | awk '{print $1, $2, $3, $4}') || true
if [ -z "${version:-}" ]; then
  echo "ensure-postgres: no PostgreSQL cluster exists. Create one: pg_createcluster --start <version> main" >&2
  exit 1
fi

if [ "$status" != "online" ]; then
  echo "ensure-postgres: starting cluster $version/$cluster (port $port)" >&2
  if ! pg_ctlcluster "$version" "$cluster" start 3>&-; then
    # A server killed hard leaves its socket lock behind; when the PID in it now belongs to another process,
    # PostgreSQL refuses to start. Remove only such a lock (not a live postgres's) and try once more.
    lock="/var/run/postgresql/.s.PGSQL.${port}.lock"
    holder=$(head -n 1 "$lock" 2>/dev/null || true)
    if [ -n "$holder" ] && [ "$(ps -o comm= -p "$holder" 2>/dev/null)" != "postgres" ]; then
      echo "ensure-postgres: removing the stale socket lock $lock (PID $holder is not a postgres)" >&2
      rm -f "$lock"
      pg_ctlcluster "$version" "$cluster" start 3>&-
    else
      exit 1
    fi
  fi
fi

as_postgres() {
  if [ "$(id -un)" = "postgres" ]; then "$@"
  elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"
  else sudo -u postgres -- "$@"
  fi
}

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$port" || { echo "ensure-postgres: cluster $version/$cluster does not accept connections on 127.0.0.1:$port" >&2; exit 1; }

psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" "$@"; }

# Role: created once, password refreshed on every call (so the printed URL is always right).
psql_admin -d postgres -v role="$role" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'role', :'password') \gexec
SQL

# Database owned by the role (CREATE DATABASE cannot run inside a DO block, hence \gexec).
psql_admin -d postgres -v role="$role" -v database="$database" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database') \gexec
SQL

echo "postgres://${role}:${password}@127.0.0.1:${port}/${database}" >&3
