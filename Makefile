# The two commands of the README: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test install system-deps lint bench-quick

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

# Install, ingest the bundled real cables into cablebase-demo.db (kept between runs: only
# what is new is added), serve on localhost. Another port: make demo PORT=8001.
demo: install
	$(VENV)/bin/cablebase demo --host $(HOST) --port $(PORT)

# Install everything the tests need (Python packages, chromium, PostgreSQL) and run them all.
test:
	bash scripts/test.sh

system-deps:
	bash scripts/install-system-deps.sh

lint: install
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

bench-quick: install
	$(PY) -m bench.run --quick
