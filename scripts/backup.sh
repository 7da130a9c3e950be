#!/usr/bin/env bash
# Back up the site's PostgreSQL database into one file: DATABASE_URL=postgresql://... bash scripts/backup.sh FILE
# pg_dump's custom format, compressed, restorable with scripts/restore.sh. The file holds personal data: mode 0600.
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to the database to back up}"
[ $# -eq 1 ] || { echo "usage: bash scripts/backup.sh FILE" >&2; exit 2; }
umask 077
exec pg_dump --format=custom --no-owner --no-privileges --file "$1" "${DATABASE_URL/postgresql+psycopg:/postgresql:}"
