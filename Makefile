# Two commands: `make run` (set up, then serve the app) and `make test` (set up, then every test).
# Needs only Python >= 3.11; everything else installs into .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
NODE_STAMP := node_modules/.installed-stamp

.PHONY: run test system-packages node-tools bench clean messages catalogs

$(STAMP): pyproject.toml
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "diary needs Python 3.11 or newer: run make PY=python3.11")'
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# Test-time JavaScript tools (axe-core, injected by the end-to-end tests), pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

run: $(STAMP)
	$(BIN)/diary $(ARGS)

# Chromium, fonts, poppler and R: installed when root on Debian, else the one command to run is printed.
# ALLOW_SKIPS=1 runs without them; pytest lists every skipped test at the end either way (-rs).
system-packages:
	@$(if $(ALLOW_SKIPS),true,.ci/system-packages)

# Without npm (only with ALLOW_SKIPS=1: system-packages insists otherwise) the axe checks skip.
node-tools: system-packages
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(NODE_STAMP); fi

test: $(STAMP) system-packages node-tools
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Languages (README: "Languages"). messages: extract every marked message into diary/locale/diary.pot and
# merge it into each language's .po (new ones empty, changed ones fuzzy); catalogs: compile the .po files
# into the .mo files the app reads (committed; tests/i18n check they match their .po).
LOCALE := diary/locale
messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k P_:1,2 -k C_:1c,2 -k Sentence --add-location=file --sort-by-file \
		--project=diary --copyright-holder="The diary authors" -c "Translators:" -o $(LOCALE)/diary.pot diary
	$(BIN)/pybabel update -i $(LOCALE)/diary.pot -d $(LOCALE) -D diary --ignore-obsolete

catalogs: $(STAMP)
	$(BIN)/pybabel compile -d $(LOCALE) -D diary --statistics

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) node_modules test-artifacts .pytest_cache
