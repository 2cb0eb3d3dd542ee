from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wijkmodulen.lint.engine import LintResult, lint_knowledge_base
from wijkmodulen.load.kb import load_knowledge_base

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
MINIMAL = TESTS / "fixtures" / "positive" / "minimal"
SHIPPED = ROOT / "data"


@pytest.fixture
def minimal_kb(tmp_path: Path) -> Path:
    """A fresh copy of the minimal valid KB, to break on purpose."""
    target = tmp_path / "kb"
    shutil.copytree(MINIMAL, target)
    return target


def lint(root: Path) -> LintResult:
    return lint_knowledge_base(load_knowledge_base(root))


def findings(root: Path) -> list[str]:
    """Findings as 'CODE relative/path:line:col', easy to assert exactly."""
    return [
        f"{p.code} {p.file.relative_to(root).as_posix()}:{p.line}:{p.column}" for p in lint(root).problems
    ]
