#!/usr/bin/env bash
# The whole test suite, from a fresh machine: system packages, Python packages,
# lint, then every test on SQLite and the database tests again on a real
# PostgreSQL server that this script starts on loopback and removes afterwards.
set -uo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}

bash scripts/install-system-deps.sh || { echo "FAILED: system packages"; exit 1; }
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV" || exit 1; fi
"$VENV/bin/pip" install -q --upgrade pip >/dev/null
"$VENV/bin/pip" install -q -e '.[test]' </dev/null || { echo "FAILED: pip install"; exit 1; }
export PATH="$PWD/$VENV/bin:$PATH"

ruff check . || { echo "FAILED: ruff check"; exit 1; }
ruff format --check . || { echo "FAILED: ruff format"; exit 1; }

# pytest exits 5 when it collected no test: that is a failure here, never a pass.
run_pytest() {
  "$@"
  local rc=$?
  if [ $rc -eq 5 ]; then echo "FAILED: pytest ran no test"; return 1; fi
  return $rc
}

echo "== tests on SQLite"
run_pytest python -m pytest -p no:cacheprovider "$@"
rc_sqlite=$?

echo "== database tests on PostgreSQL"
run_pytest python -m tests.pg_server -- python -m pytest -p no:cacheprovider -m backend "$@"
rc_pg=$?

if [ $rc_sqlite -ne 0 ] || [ $rc_pg -ne 0 ]; then
  echo "FAILED: sqlite=$rc_sqlite postgresql=$rc_pg"
  exit 1
fi
echo "all test runs passed"
