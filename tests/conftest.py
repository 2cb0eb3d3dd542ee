from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest

from wijkmodulen.lint.engine import LintResult, lint_knowledge_base
from wijkmodulen.load.kb import KnowledgeBase, load_knowledge_base

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
MINIMAL = TESTS / "fixtures" / "positive" / "minimal"
SHIPPED = ROOT / "data"


@pytest.fixture(autouse=True)
def _lint_cache_in_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's lint runs (and the commands they start) keep their cache out of the home folder."""
    monkeypatch.setenv("WIJKMODULEN_CACHE_DIR", str(tmp_path_factory.mktemp("lint-cache")))


@pytest.fixture
def minimal_kb(tmp_path: Path) -> Path:
    """A fresh copy of the minimal valid KB, to break on purpose."""
    target = tmp_path / "kb"
    shutil.copytree(MINIMAL, target)
    return target


@functools.cache
def shipped_kb() -> KnowledgeBase:
    """The shipped KB, loaded once per test process for the tests that only read it (a test that
    changes a KB works on a copy of its own)."""
    return load_knowledge_base(SHIPPED)


def lint(root: Path) -> LintResult:
    return lint_knowledge_base(load_knowledge_base(root))


def findings(root: Path) -> list[str]:
    """Findings as 'CODE relative/path:line:col', easy to assert exactly."""
    return [
        f"{p.code} {p.file.relative_to(root).as_posix()}:{p.line}:{p.column}" for p in lint(root).problems
    ]


XREF_LINKS = """koppelingen:
  herkomst: redactioneel
  competenties: [4A, 4L]
  kennisdomeinen: [inkomen]
  toelichting:
    4A: '“gaat op signalen af”: contact maken.'
    4L: '“Kwetsbare wijkbewoners.”: maakt zichtbaar wie kwetsbaar is.'
    inkomen: '“De vraag is helder.”: vaak een vraag over geld.'
"""


@pytest.fixture
def xref_kb(minimal_kb: Path) -> Path:
    """The minimal KB with editorial links on two modules of different professions:
    wmw-01 -> 4A, gk-1, inkomen (from the fixture) and iow-02 -> 4A, 4L, inkomen (added here).
    wmw-02 and wmw-03 have no links; no module serves the target group 'ouderen'."""
    path = minimal_kb / "modules" / "iow-02-signaalopvolging.yaml"
    # The fixture's own links (4L, ouderen) keep the minimal KB fully reached; replace them.
    text = path.read_text(encoding="utf-8").split("koppelingen:\n")[0]
    path.write_text(text + XREF_LINKS, encoding="utf-8")
    return minimal_kb


# The folder says what a test needs: everything under browser/ drives Chromium or the Nu Html
# Checker, everything under pdf/ renders or reads a PDF, and the hostile/ tests run the real command
# as a child process per case (`make test-fast` leaves all three out).
_MARK_BY_FOLDER = {"browser": "browser", "pdf": "pdf", "hostile": "slow"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        folder = item.path.relative_to(TESTS).parts[0]
        if folder in _MARK_BY_FOLDER:
            item.add_marker(_MARK_BY_FOLDER[folder])
