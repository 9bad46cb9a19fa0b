# Two commands on a fresh clone: `make run` opens the simulator, `make test` runs every check.
# Each creates the project virtualenv (.venv) on first use and reinstalls when pyproject changes.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint static-checks pytest-suite bench clean train-reader train-reader-check

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/simulator $(ARGS)

# One mypy run checks both trees (tests import simulator: it is analysed once, not twice).
lint: $(STAMP)
	$(PY) -m ruff check simulator tests benchmarks
	$(PY) -m ruff format --check simulator tests benchmarks
	$(PY) -m mypy simulator tests

# The static checks run beside pytest (pytest's workers often wait on tmux, Chromium and
# subprocesses). --output-sync prints each side's output whole, once it has finished; make
# fails if either side fails. loadgroup keeps each xdist_group on one worker.
PYTEST_WORKERS ?= 4
test: $(STAMP)
	@$(MAKE) --no-print-directory -j2 --output-sync=target static-checks pytest-suite

static-checks: lint
	$(VENV)/bin/lint-imports

# Bytecode is cached (in .venv/pycache, out of the source tree) even where the shell sets
# PYTHONDONTWRITEBYTECODE: otherwise every worker and every `simulator`
# subprocess the tests start compiles the same sources again (about 15% of the CPU).
# HYPOTHESIS_NO_PLUGINS: hypothesis loads the plugins other packages register, and trio
# (Selenium's) registers one: importing trio cost each worker ~0.2 s of CPU, for no test.
pytest-suite: $(STAMP)
	PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(abspath $(VENV))/pycache HYPOTHESIS_NO_PLUGINS=1 \
		$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# Refit the reader's intent model from training/reader/data (fixed seed: same bytes each run),
# then retrain once more and compare: a match records the proof key beside the weights
# (training/reader/retrain_proof.json), so the suite need not repeat the retrain until an
# input, the weights or a library changes (CI always repeats it).
train-reader: $(STAMP)
	$(PY) training/reader/train.py
	$(PY) training/reader/train.py --check --record

# Retrain in memory and fail if simulator/reading/intent_model.json differs (~50 s of CPU;
# tests/reading/test_intent_model.py runs it in the suite: always in CI, elsewhere when the
# recorded proof key no longer matches).
train-reader-check: $(STAMP)
	$(PY) training/reader/train.py --check

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) build dist *.egg-info
