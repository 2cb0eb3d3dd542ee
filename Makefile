# Two entry points: `make handbook` (lint the shipped KB, then render it to HTML, PDF and Markdown
# under build/handbook/) and `make test`; `make bench` runs the benchmarks.
# Each creates .venv on first use and installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: handbook test test-fast docs lint check venv clean bench plugin-example

# pip >= 25.1 reads the [dependency-groups] of pyproject.toml (--group dev).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade 'pip>=25.1'
	$(BIN)/python -m pip install --quiet -e '.[pdf]' --group dev
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
	$(BIN)/mypy --platform win32 src
	$(BIN)/mypy --platform darwin src
	$(BIN)/lint-imports --no-cache
	$(BIN)/wijkmodulen fmt --check data
	# Two processes: the suite spends most of its time in child processes, Chromium and WeasyPrint.
	$(BIN)/python -m pytest -q -n 2
	$(MAKE) plugin-example
	$(MAKE) docs
	scripts/check-dist.sh $(BIN)/python

# The example rule plugin: installed into the venv for its own tests only (an installed plugin takes part
# in every lint), and removed again whatever the tests say.
PLUGIN_EXAMPLE := examples/wijkmodulen-voorbeeldregel

plugin-example: $(STAMP)
	$(BIN)/python -m pip install --quiet --no-deps -e $(PLUGIN_EXAMPLE)
	$(BIN)/python -m pytest -q -p no:cacheprovider $(PLUGIN_EXAMPLE)/tests; status=$$?; \
	$(BIN)/python -m pip uninstall --quiet -y wijkmodulen-voorbeeldregel; exit $$status

# The edit-test loop: lint, types and the tests that are neither slow nor drive a browser or a PDF,
# on two processes (pytest-xdist; an idle one takes tests queued for the other). Compiled modules are kept between runs even where the environment
# says PYTHONDONTWRITEBYTECODE: without them every run compiles src/ and rewrites every test module again.
# Folders and modules all of whose tests are browser, pdf or slow (tests/conftest.py marks by folder; the
# modules' own pytestmark) are not even imported, nor is the pytest-lsp plugin only they use: seconds
# per process (tests/unit/test_fast_loop.py keeps this list true and complete).
FAST_SKIP := --ignore=tests/browser --ignore=tests/pdf --ignore=tests/hostile --ignore=tests/benchmarks/test_make_corpus.py \
	--ignore=tests/integration/test_pre_commit.py --ignore=tests/diff/test_diff_cli.py --ignore=tests/diff/test_docs_example.py \
	--ignore=tests/diff/test_git.py --ignore=tests/lint/test_changed_since.py --ignore=tests/lint/test_plugins.py \
	--ignore=tests/lsp/test_lsp_features.py --ignore=tests/lsp/test_lsp_parity.py \
	--ignore=tests/lsp/test_lsp_plugins.py --ignore=tests/render/test_mkdocs_site.py \
	--ignore=tests/serve/test_serve_process.py -p no:pytest-lsp -p no:hypothesispytest -p no:xdist.looponfail

test-fast: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy src
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -q -n 2 --dist worksteal -m "not slow and not browser and not pdf" $(FAST_SKIP)

# The documentation site (mkdocs.yml, docs/) into build/site (not committed); make test builds it too.
SITE ?= build/site
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir $(SITE)

# Side-by-side benchmarks on generated corpora of 1,000, 5,000 and 10,000 modules; writes BENCHMARKS.md.
# Not part of `make test` (which runs only a 200-module smoke test of the corpus generator).
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info
