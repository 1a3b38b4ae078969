# Two entry points for a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip==25.3
	$(BIN)/pip install -q -e '.[dev,images]'
	touch $(STAMP)

install: $(STAMP)

## run: install, then screen the demo posts and show the policy tour
run: $(STAMP)
	$(BIN)/smpolicy policy show 6.4
	$(BIN)/smpolicy check "Councillor Smith is a liar and a fraud, everyone knows he fiddles his expenses"
	$(BIN)/smpolicy check --jsonl data/devset/dev.jsonl | head -5

## test: install, then the whole test suite (pytest exit 5, no tests collected, is not a failure)
test: $(STAMP)
	$(BIN)/python -m pytest; rc=$$?; [ $$rc -eq 5 ] && exit 0 || exit $$rc

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_check.py

clean:
	rm -rf $(VENV) build *.egg-info
