#!/usr/bin/env bash
# Start the demo site: virtual environment, install, migrate, seed, serve on http://127.0.0.1:5000.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -e .

# A secret key made on this machine the first time and kept out of the repository.
mkdir -p instance
[ -s instance/secret_key ] || .venv/bin/python -c 'import secrets; print(secrets.token_hex(32))' > instance/secret_key
export SECRET_KEY="${SECRET_KEY:-$(cat instance/secret_key)}"
# The demo is served over plain http on this machine only, so cookies cannot be https-only.
export SESSION_COOKIE_SECURE="${SESSION_COOKIE_SECURE:-0}"
# The demo lives on a fixed day inside its school year; its seed holds the history (plans, attendance) up to it.
export MATCHING_TODAY="${MATCHING_TODAY:-2026-11-20}"

.venv/bin/flask --app webapp init-demo --url http://127.0.0.1:5000
exec .venv/bin/flask --app webapp run --host 127.0.0.1 --port 5000
