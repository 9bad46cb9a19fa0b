# Two commands on a fresh clone: `make run` opens the simulator, `make test` runs every check.
# Each creates the project virtualenv (.venv) on first use and reinstalls when pyproject changes.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/simulator $(ARGS)

lint: $(STAMP)
	$(PY) -m ruff check simulator tests benchmarks
	$(PY) -m ruff format --check simulator tests benchmarks
	$(PY) -m mypy simulator
	$(PY) -m mypy tests

test: lint
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) build dist *.egg-info
