# The two commands a user needs are `make serve` and `make test`; everything else is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
GROOVE_CENTRAL_HOST ?= 127.0.0.1
GROOVE_CENTRAL_PORT ?= 8443
GROOVE_DATA_DIR ?= ./data

.PHONY: install serve test test-fast lint bench bench-full clean

install: $(STAMP)

# Re-install only when the dependency declarations change.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/groove-central serve --host $(GROOVE_CENTRAL_HOST) --port $(GROOVE_CENTRAL_PORT) --data-dir $(GROOVE_DATA_DIR)

test: $(STAMP)
	$(BIN)/python -m pytest

# Everything but the tests marked slow (those that start a process, or take more than about a second).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m bench --quick

bench-full: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
