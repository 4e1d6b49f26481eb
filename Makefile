# Two commands: `make run` (set up, then serve the app) and `make test` (set up, then every test).
# `make pwa` builds the offline web app into build/pwa (needs Node.js and npm; does nothing if up to date).
# Needs only Python >= 3.11; everything else installs into .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench pwa clean

$(STAMP): pyproject.toml
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "diary needs Python 3.11 or newer: run make PY=python3.11")'
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/diary $(ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

pwa: $(STAMP)
	$(BIN)/python -m diary.pwa build --out build/pwa

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache
