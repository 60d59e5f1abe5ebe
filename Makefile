# catalogue — set-up: `make serve` installs what serving needs and serves the seeded catalogue;
# `make test` installs the test and lint tools besides and runs the suite; `make lint` checks.
# Every install takes the exact versions of requirements/lock.txt (`make lock` regenerates it).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
LOCK   := requirements/lock.txt
# pip, held to the lock's versions: a package is installed only if what is asked needs it.
INSTALL := $(BIN)/pip install --constraint $(LOCK)
DB     ?= catalogue.db
HOST   ?= 127.0.0.1
PORT   ?= 8001

.PHONY: install serve test lint check bench score lock clean

$(BIN)/python:
	@echo "==> Creating the virtual environment $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)

# What serving needs: catalogue (editable) and its runtime dependencies. Rebuilt when
# pyproject.toml or the lock changes.
$(VENV)/.serve: pyproject.toml $(LOCK) | $(BIN)/python
	@echo "==> Installing pip at the lock's version"
	$(INSTALL) pip
	@echo "==> Installing catalogue and what serving needs (Datasette, SQLAlchemy, the note reader's libraries)"
	$(INSTALL) -e .
	touch $@

# The test and lint tools besides: pytest, Playwright (driving Debian's Chromium), ruff, mypy, pre-commit.
$(VENV)/.dev: $(VENV)/.serve
	@echo "==> Installing the test and lint tools"
	$(INSTALL) -e '.[test,lint]'
	touch $@

install: $(VENV)/.dev

# Create or upgrade the database, load the authority and the seed articles, serve it.
serve: $(VENV)/.serve
	@echo "==> Creating or upgrading $(DB) (schema, archives, places)"
	$(BIN)/catalogue init --db $(DB)
	@echo "==> Loading the seed articles into $(DB)"
	$(BIN)/catalogue seed --db $(DB)
	@echo "==> Serving $(DB) on http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	$(BIN)/catalogue serve --db $(DB) --host $(HOST) --port $(PORT)

# The whole suite, on SQLite and on a throwaway PostgreSQL server.
test: $(VENV)/.dev
	$(BIN)/pytest -n 2 --dist loadfile

# Lint and types, as .pre-commit-config.yaml runs them before a commit: all three report.
lint: $(VENV)/.dev
	@status=0; \
	echo "==> ruff check"; $(BIN)/ruff check || status=1; \
	echo "==> ruff format --check"; $(BIN)/ruff format --check || status=1; \
	echo "==> mypy"; $(BIN)/mypy || status=1; \
	exit $$status

# Timings, as ratios measured in one run.
bench: $(VENV)/.dev
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_site.py

# The note reader on every corpus: development (tests/corpus, heldout*) and sealed (tests/sealed).
score: $(VENV)/.dev
	$(BIN)/catalogue notes score --fields

# The schema the models describe is the schema the migrations build.
check: $(VENV)/.serve
	$(BIN)/alembic check

# The lock, from pyproject.toml's dependencies and its test and lint extras, for Python 3.11.
# A version already in the lock is kept while pyproject.toml's range allows it; to move every
# package to the newest its range allows: make lock UPGRADE=--upgrade.
UV_VERSION := 0.13.9
lock: | $(BIN)/python
	@echo "==> Installing uv $(UV_VERSION), which compiles the lock"
	$(BIN)/pip install uv==$(UV_VERSION)
	@echo "==> Compiling $(LOCK) from pyproject.toml"
	$(BIN)/uv pip compile pyproject.toml --extra test --extra lint --python-version 3.11 \
		--no-header $(UPGRADE) -o $(LOCK)
	@{ echo "# The exact versions CI installs, for Python 3.11: make serve takes the runtime ones, make test"; \
	   echo "# all (with the test and lint extras). Do not edit: regenerate with 'make lock' (uv pip compile"; \
	   echo "# pyproject.toml --extra test --extra lint --python-version 3.11), or 'make lock UPGRADE=--upgrade'."; \
	   cat $(LOCK); } > $(LOCK).new && mv $(LOCK).new $(LOCK)

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
