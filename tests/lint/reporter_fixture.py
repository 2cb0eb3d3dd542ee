"""One lint result with an error, a warning and an info finding, in a real git repository."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from wijkmodulen.config import LintConfig
from wijkmodulen.lint.engine import LintResult, lint_knowledge_base
from wijkmodulen.lint.settings import resolve_settings
from wijkmodulen.load.kb import load_knowledge_base

from conftest import MINIMAL


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def make_result(tmp_path: Path) -> tuple[LintResult, Path]:
    repo = tmp_path / "repo"
    kb = repo / "kb"
    shutil.copytree(MINIMAL, kb)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    _edit(kb / "modules" / "wmw-03-eerste-hulp.yaml", "nummer: 3", "numer: 3")
    _edit(kb / "modules" / "wmw-02-signaalopvolging.yaml", "tegenhangers: [iow-02]", "tegenhangers: [iow-02, iow-99]")
    (kb / "modules" / "notities, oud.txt").write_text("x", encoding="utf-8")
    settings = resolve_settings(LintConfig(rules={"WM103": {"severity": "info"}}), None)
    return lint_knowledge_base(load_knowledge_base(kb), settings=settings), repo
