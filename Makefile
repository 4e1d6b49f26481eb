# Two commands: `make run` (set up, then serve the app) and `make test` (set up, then every test).
# `make pwa` builds the phone app's offline site into build/pwa.
# Needs only Python >= 3.11; everything else installs into .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
NODE_STAMP := node_modules/.installed-stamp

.PHONY: run test system-packages node-tools pwa tested-site bench clean messages catalogs

# The venv's own pip (22.3 or newer with Python 3.11) installs everything: upgrading it first only cost time.
$(STAMP): pyproject.toml
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "diary needs Python 3.11 or newer: run make PY=python3.11")'
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# Build- and test-time JavaScript tools, pinned in package-lock.json: the phone app's build (Workbox,
# esbuild, libsodium, fonts; diary pwa build installs them the same way if needed) and axe-core, which the
# end-to-end tests inject.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

run: $(STAMP)
	$(BIN)/diary $(ARGS)

# Chromium, fonts, poppler and R: installed when root on Debian, else the one command to run is printed.
# ALLOW_SKIPS=1 runs without them; pytest lists every skipped test at the end either way (-rs).
system-packages:
	@$(if $(ALLOW_SKIPS),true,.ci/system-packages)

# Without npm (only with ALLOW_SKIPS=1: system-packages insists otherwise) the axe checks skip and the
# phone app's site is not built (its tests skip).
node-tools: system-packages
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(NODE_STAMP); fi

# The phone app's site is built by the tests themselves, in the background beside the other tests
# (tests/e2e/pwa/site_build.py), rather than first.
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

# The phone app's static site (needs Node.js and npm at build time only). A build whose inputs have not
# changed does nothing, so it is built once and its end-to-end tests reuse it.
pwa: $(STAMP)
	$(BIN)/diary pwa build --out build/pwa

# ALLOW_SKIPS=1 without npm: no site, and its tests are skipped (listed at the end).
tested-site: $(STAMP) node-tools
	@$(if $(ALLOW_SKIPS),command -v npm >/dev/null 2>&1 || exit 0;) $(MAKE) --no-print-directory pwa

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) node_modules test-artifacts .pytest_cache
