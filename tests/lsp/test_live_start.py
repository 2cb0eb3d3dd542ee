"""The live workspace's start, batch by batch, against lint on the same KB: with batches of two
files, a file rule that reports in the first batches and raises in a later one leaves, as in lint,
only the crash (none of its findings), and each batch's findings are final when they come."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wijkmodulen.app import live
from wijkmodulen.app.live import LiveWorkspace
from wijkmodulen.lint.engine import lint_knowledge_base
from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.registry import RULES
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import load_knowledge_base

LAST = "wmw-02"  # the last module in KB order of the minimal KB


class LateCrash(Rule):
    """Meldt elke module, en loopt vast op de laatste (om het starten in groepen te testen).

    Passes:
        titel: Kort
    Fails:
        titel: Lang
    """

    code = "WM901"
    name = "late-crash"
    severity = Severity.WARNING
    scope = "file"

    def check(self, kb: Any, options: Any) -> Iterator[Finding]:
        for entry in kb.modules_in_order():
            if entry.model.id == LAST:
                raise RuntimeError(f"kan {LAST} niet lezen")
            yield Finding(entry.source, "Gemeld.", ("titel",))


def _key(problems: list[Any]) -> list[tuple[str, int, int, str, str]]:
    return sorted((p.file.as_posix(), p.line, p.column, p.code, p.message) for p in problems)


def test_a_rule_raising_in_a_later_batch_leaves_what_lint_reports(
    minimal_kb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(RULES, LateCrash.code, LateCrash)
    monkeypatch.setattr(live, "START_BATCH", 2)
    monkeypatch.chdir(minimal_kb)
    expected = lint_knowledge_base(load_knowledge_base(minimal_kb.resolve())).problems
    assert [p.code for p in expected] == ["WM901"]  # the crash, at the KB folder; none of its findings
    assert "kan wmw-02 niet lezen" in expected[0].message

    workspace = LiveWorkspace.open(minimal_kb)
    batches = list(workspace.load())
    assert len(batches) > 2
    # the early batches showed the rule's findings; the last one takes them back
    assert any(p.code == "WM901" and p.message == "Gemeld." for batch in batches[:-1] for found in batch.values()
               for p in found)
    final: dict[Path, list[Any]] = {}
    for batch in batches:
        final.update(batch)
    assert _key([p for found in final.values() for p in found]) == _key(expected)
    assert _key([p for found in workspace.problems.values() for p in found]) == _key(expected)
