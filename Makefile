# Two entry points: `make handbook` (lint the shipped KB, then render it to HTML, PDF and Markdown
# under build/handbook/) and `make test`; `make bench` runs the benchmarks.
# Each creates .venv on first use and installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: handbook test lint check venv clean bench

$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,pdf]'
	touch $(STAMP)

venv: $(STAMP)

HANDBOOK := build/handbook

handbook: $(STAMP)
	scripts/install-test-deps.sh pdf
	$(BIN)/wijkmodulen lint
	$(BIN)/wijkmodulen render --format html --out $(HANDBOOK)/html
	$(BIN)/wijkmodulen render --format pdf --out $(HANDBOOK)/pdf
	$(BIN)/wijkmodulen render --format markdown --out $(HANDBOOK)/markdown

test: $(STAMP)
	scripts/install-test-deps.sh
	scripts/package-vscode.sh
	$(BIN)/ruff check src tests
	$(BIN)/mypy src
	$(BIN)/wijkmodulen fmt --check data
	$(BIN)/python -m pytest -q

# Side-by-side benchmarks on generated corpora of 1,000, 5,000 and 10,000 modules; writes BENCHMARKS.md.
# Not part of `make test` (which runs only a 200-module smoke test of the corpus generator).
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info
