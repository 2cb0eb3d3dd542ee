"""The server's diagnostics equal `lint --format json`, for every lint case: for the KB as found at
start, and for the same edits typed into open documents of an unbroken KB (unsaved, file by file)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types as lsp
from pytest_lsp import LanguageClient
from typer.testing import CliRunner

from wijkmodulen.cli import app

from conftest import MINIMAL
from lsp_helpers import change_document, close_document, open_document, own_loop, session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit"))
from test_lint_cases import CASES, apply_edit  # the case harness lives with the unit tests

# the editor server as a real child process over stdio, one per test
pytestmark = pytest.mark.slow

Finding = tuple[str, int, int, str, str, str]
SEVERITIES = {lsp.DiagnosticSeverity.Error: "error", lsp.DiagnosticSeverity.Warning: "warning",
              lsp.DiagnosticSeverity.Information: "info"}


def lint_json(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    monkeypatch.chdir(root)
    result = CliRunner().invoke(app, ["lint", str(root), "--format", "json", "--no-cache"])
    assert result.exit_code in (0, 1), result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return sorted(
        ((root / p["file"]).as_posix(), p["line"], p["column"], p["code"], p["severity"], p["message"])
        for p in document["problems"]
    )


def served(client: LanguageClient, root: Path) -> list[Finding]:
    found = []
    for uri, diagnostics in client.diagnostics.items():
        path = Path(uri.removeprefix("file://"))
        if not path.is_relative_to(root):
            continue
        for d in diagnostics:
            assert d.code_description is not None
            assert d.code_description.href.endswith(f"#{str(d.code).lower()}")
            found.append((path.as_posix(), d.range.start.line + 1, d.range.start.character + 1, str(d.code),
                          SEVERITIES[d.severity or lsp.DiagnosticSeverity.Error], d.message))
    return sorted(found)


def _untouched(root: Path, case: dict[str, Any]) -> Path:
    edited = {edit["file"] for edit in case["edits"]}
    return next(p for p in sorted(root.glob("*/*.yaml")) if p.relative_to(root).as_posix() not in edited)


@own_loop
async def test_start_equals_lint_for_every_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One server; each case is a KB of its own, opened when one of its documents is."""
    roots = []
    for index, case in enumerate(CASES):
        root = tmp_path / f"case-{index}" / "kb"
        shutil.copytree(MINIMAL, root)
        for edit in case["edits"]:
            apply_edit(root, edit)
        roots.append(root)
    async with session(roots[0]) as client:
        for case, root in zip(CASES, roots, strict=True):
            await open_document(client, _untouched(root, case))
            assert served(client, root) == lint_json(root, monkeypatch), case["name"]


def _typed(case: dict[str, Any]) -> bool:
    """Cases an author can type: text edits of YAML files (not encodings, deletions, other files)."""
    return all(
        "encoding" not in edit and not edit.get("delete") and edit["file"].endswith(".yaml") for edit in case["edits"]
    )


@own_loop
async def test_typed_edits_equal_lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same edits as unsaved text: the edited files and their dependants match lint of the
    edited files on disk; undoing them clears every finding again."""
    live = tmp_path / "live" / "kb"
    shutil.copytree(MINIMAL, live)
    version = 1
    async with session(live) as client:
        opened: set[Path] = set()
        for case in filter(_typed, CASES):
            disk = tmp_path / "disk" / "kb"
            shutil.rmtree(disk.parent, ignore_errors=True)
            shutil.copytree(MINIMAL, disk)
            for edit in case["edits"]:
                apply_edit(disk, edit)
            for edit in case["edits"]:
                target = live / edit["file"]
                text = (disk / edit["file"]).read_text(encoding="utf-8")
                version += 1
                if target in opened:
                    await change_document(client, target, text, version)
                else:
                    opened.add(target)
                    await open_document(client, target, text)
            expected = [(f.replace(disk.as_posix(), live.as_posix()), *rest) for f, *rest in lint_json(disk, monkeypatch)]
            assert served(client, live) == sorted(expected), case["name"]
            for edit in case["edits"]:
                version += 1
                original = MINIMAL / edit["file"]
                if original.exists():
                    await change_document(client, live / edit["file"], original.read_text(encoding="utf-8"), version)
                else:  # a new file, never saved: closing it forgets it
                    opened.discard(live / edit["file"])
                    await close_document(client, live / edit["file"])
            assert served(client, live) == [], case["name"]
