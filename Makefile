# Two entry points: `make handbook` (lint the shipped KB, then render it to HTML, PDF and Markdown
# under build/handbook/) and `make test`; `make bench` runs the benchmarks.
# Each creates .venv on first use and installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: handbook test lint check venv clean bench plugin-example

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
	$(BIN)/ruff check src tests
	$(BIN)/mypy src
	$(BIN)/lint-imports --no-cache
	$(BIN)/wijkmodulen fmt --check data
	$(BIN)/python -m pytest -q
	$(MAKE) plugin-example

# The example rule plugin: installed into the venv for its own tests only (an installed plugin takes part
# in every lint), and removed again whatever the tests say.
PLUGIN_EXAMPLE := examples/wijkmodulen-voorbeeldregel

plugin-example: $(STAMP)
	$(BIN)/python -m pip install --quiet --no-deps -e $(PLUGIN_EXAMPLE)
	$(BIN)/python -m pytest -q -p no:cacheprovider $(PLUGIN_EXAMPLE)/tests; status=$$?; \
	$(BIN)/python -m pip uninstall --quiet -y wijkmodulen-voorbeeldregel; exit $$status

# Side-by-side benchmarks on generated corpora of 1,000, 5,000 and 10,000 modules; writes BENCHMARKS.md.
# Not part of `make test` (which runs only a 200-module smoke test of the corpus generator).
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info
