#!/usr/bin/env bash
# Install what the tests need and run the whole suite (extra arguments go to pytest).
# PostgreSQL tests run when TEST_DATABASE_URL names a server (.ci/run starts one);
# the shared login-limit tests when TEST_REDIS_URL names a Redis server (.ci/run starts one too);
# browser tests run when /usr/bin/chromium exists. Under CI=true all are required.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -e ".[test]"
# Two workers by default (the CI machine has two cores); PYTEST_WORKERS=0 runs in one process.
# loadgroup keeps the tests that share one production stack (tests/production) in one worker.
exec .venv/bin/python -m pytest -n "${PYTEST_WORKERS:-2}" --dist loadgroup "$@"
