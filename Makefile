# Khatlon Migration Dashboard. Quick start: `make run` (serve) and `make test` (all tests).
# Both create or reuse .venv and install what they need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8050
SOURCE ?= data/sources

.PHONY: run stack test lint validate install install-test browser-deps proxy-deps export-deps data clean messages plotly-bundle bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.installed-bench: $(VENV)/.installed-test
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test browser-deps proxy-deps export-deps

# Debian's Chromium and ChromeDriver for the browser tests (skipped when already present).
browser-deps:
	@if ! command -v chromedriver >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then \
		echo "installing chromium and chromium-driver"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver; \
	fi

# Debian's LibreOffice Impress (and DejaVu fonts, which have the Tajik letters) for the slide deck's
# conversion test, tests/deck/test_deck.py (skipped when soffice is already present).
export-deps:
	@if ! command -v soffice >/dev/null 2>&1; then \
		echo "installing libreoffice-impress and fonts-dejavu-core"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends libreoffice-impress fonts-dejavu-core; \
	fi

# Debian's nginx (and openssl) for the proxy stack and its tests (skipped when already present).
proxy-deps:
	@if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ] || ! command -v openssl >/dev/null 2>&1; then \
		echo "installing nginx and openssl"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx openssl; \
	fi
# serve checks the data folder first and exits 1, listing the problems, if it has any.
run: install
	PORT=$(PORT) $(BIN)/khatlon-dashboard serve

# The production stack on this machine: nginx (TLS with a self-signed certificate, static files,
# limits) in front of two instances; https://127.0.0.1:8443/ (see README "Deploying behind a proxy").
stack: install proxy-deps
	$(BIN)/python deploy/stack.py

validate: install
	$(BIN)/khatlon-dashboard validate data

test: install-test lint
	$(BIN)/khatlon-dashboard validate data
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check dashboard tests data/scripts tools benchmarks deploy
	$(BIN)/ruff format --check dashboard tests data/scripts tools benchmarks deploy

# Measure the app in Chromium and under load (locust), against a naive Dash app; prints a table and
# writes benchmarks/results.json. Takes a few minutes; `$(BIN)/python benchmarks/bench.py --quick` is a smoke run.
bench: $(VENV)/.installed-bench browser-deps
	$(BIN)/python benchmarks/bench.py

# Rebuild the data package from the raw sources (default: the verbatim copies in data/sources).
data: install
	$(BIN)/python data/scripts/build_districts.py $(SOURCE)
	$(BIN)/python data/scripts/build_boundaries.py $(SOURCE)
	$(BIN)/python data/scripts/build_real_indicators.py $(SOURCE)
	$(BIN)/python data/scripts/generate_illustrative.py
	$(BIN)/khatlon-dashboard validate data

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info

# Rebuild the partial plotly.js bundle (assets/plotly-khatlon.min.js + .json) from the pinned
# plotly.js in tools/plotly-bundle/package-lock.json. Needs Node.js and npm; commit the output.
plotly-bundle:
	cd tools/plotly-bundle && npm ci && node build.mjs

# Translation catalogues: extract every t("...") / N_("...") into messages.pot and update the .po
# files (Russian, Tajik). Translate the new or changed (fuzzy) entries, then commit the .po files;
# the app compiles them when it starts.
messages: install
	$(BIN)/pybabel extract --no-location --sort-output -F babel.cfg -k t -k N_ -o dashboard/i18n/messages.pot dashboard
	$(BIN)/pybabel update -i dashboard/i18n/messages.pot -d dashboard/i18n/locales -D messages -l ru
	$(BIN)/pybabel update -i dashboard/i18n/messages.pot -d dashboard/i18n/locales -D messages -l tg
