#!/usr/bin/env bash
# Start the demo site: virtual environment, install, migrate, seed, serve on http://127.0.0.1:5000.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -e .

# Everything the site writes here (the database, the secret key, mail files) is for this user's eyes only.
umask 077
mkdir -p instance
chmod -R go-rwx instance
# A secret key made on this machine the first time (mode 0600) and kept out of the repository.
export SECRET_KEY="${SECRET_KEY:-$(.venv/bin/python -c 'from pathlib import Path; from matching.private_files import ensure_secret_key; print(ensure_secret_key(Path("instance/secret_key")))')}"
# The demo is served over plain http on this machine only, so cookies cannot be https-only.
export SESSION_COOKIE_SECURE="${SESSION_COOKIE_SECURE:-0}"
# The demo lives on a fixed day inside its school year; its seed holds the history (plans, attendance) up to it.
export MATCHING_TODAY="${MATCHING_TODAY:-2026-11-20}"

.venv/bin/flask --app webapp init-demo --url http://127.0.0.1:5000
exec .venv/bin/flask --app webapp run --host 127.0.0.1 --port 5000
