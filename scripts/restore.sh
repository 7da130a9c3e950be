#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into the (existing, usually empty) database at DATABASE_URL:
# DATABASE_URL=postgresql://... bash scripts/restore.sh FILE. Stop the web processes and workers first.
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to the database to restore into}"
[ $# -eq 1 ] || { echo "usage: bash scripts/restore.sh FILE" >&2; exit 2; }
exec pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
  --dbname "${DATABASE_URL/postgresql+psycopg:/postgresql:}" "$1"
