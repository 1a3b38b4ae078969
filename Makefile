# Two entry points for a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run demo test install static lint bench screenshots clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip==25.3
	# torch first, from the on-disk CPU wheel where there is one, so that resolving
	# sentence-transformers never pulls a CUDA build
	$(BIN)/pip install -q $(if $(wildcard /opt/wheels),--find-links /opt/wheels) torch==2.13.0
	$(BIN)/pip install -q $(if $(wildcard /opt/wheels),--find-links /opt/wheels) -e '.[dev,images]'
	touch $(STAMP)

# GOV.UK Frontend from npm (pinned in package.json/package-lock.json), compiled with the system
# font and copied into the web app's static files. No CDN at run time.
WEB := src/smpolicy/web
STATIC := $(WEB)/static/govuk
STATIC_STAMP := $(STATIC)/.built

$(STATIC_STAMP): package.json package-lock.json $(WEB)/assets/app.scss $(WEB)/assets/init.js
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	mkdir -p $(STATIC)
	node_modules/.bin/sass --load-path=node_modules --style=compressed --no-source-map --quiet \
		$(WEB)/assets/app.scss $(STATIC)/app.css
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(WEB)/assets/init.js $(STATIC)/
	touch $@

install: $(STAMP) $(STATIC_STAMP)
static: $(STATIC_STAMP)

## run: install, migrate the SQLite database, load the demo council, serve http://127.0.0.1:8000/
## (PORT overrides the port; SMPOLICY_DATA_DIR the folder of the database, default ./var)
run: $(STAMP) $(STATIC_STAMP)
	$(BIN)/smpolicy web serve --demo

## demo: install, then screen the demo posts and show the policy tour in the terminal
demo: $(STAMP)
	$(BIN)/smpolicy policy show 6.4
	$(BIN)/smpolicy check "Councillor Smith is a liar and a fraud, everyone knows he fiddles his expenses"
	$(BIN)/smpolicy check --jsonl data/devset/dev.jsonl | head -5

## test: install, then the whole test suite (pytest exit 5, no tests collected, is not a failure)
test: $(STAMP) $(STATIC_STAMP)
	$(BIN)/python -m pytest; rc=$$?; [ $$rc -eq 5 ] && exit 0 || exit $$rc

screenshots: $(STAMP) $(STATIC_STAMP)
	SMPOLICY_SCREENSHOTS=$(CURDIR)/docs/screenshots $(BIN)/python -m pytest tests/web/e2e

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_check.py

clean:
	rm -rf $(VENV) build *.egg-info node_modules $(WEB)/static
