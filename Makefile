# catalogue — the two set-up commands are `make serve` and `make test`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= catalogue.db
HOST   ?= 127.0.0.1
PORT   ?= 8001

.PHONY: install serve test check bench score clean

# The environment: rebuilt when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# Create or upgrade the database, load the authority and the seed articles, serve it.
serve: install
	$(BIN)/catalogue init --db $(DB)
	$(BIN)/catalogue seed --db $(DB)
	$(BIN)/catalogue serve --db $(DB) --host $(HOST) --port $(PORT)

# The whole suite, on SQLite and on a throwaway PostgreSQL server.
test: install
	$(BIN)/pytest -n 2 --dist loadfile

# Timings, as ratios measured in one run.
bench: install
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_site.py

# The note reader on every corpus: development (tests/corpus, heldout*) and sealed (tests/sealed).
score: install
	$(BIN)/catalogue notes score --fields

# The schema the models describe is the schema the migrations build.
check: install
	$(BIN)/alembic check

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
