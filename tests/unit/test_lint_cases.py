"""Runs every case of tests/cases/lint_cases.yaml: each check with a failing and a passing case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from wijkmodulen.lint.rules import RULES

from conftest import TESTS, findings

CASES: list[dict[str, Any]] = yaml.safe_load((TESTS / "cases" / "lint_cases.yaml").read_text(encoding="utf-8"))


def apply_edit(root: Path, edit: dict[str, Any]) -> None:
    path = root / edit["file"]
    if edit.get("delete"):
        path.unlink()
        return
    if "replace" in edit:
        old, new = edit["replace"]
        new = new * edit.get("repeat", 1)
        text = path.read_text(encoding="utf-8-sig")
        assert text.count(old) == 1, f"{old!r} must occur once in {edit['file']}"
        path.write_text(text.replace(old, new), encoding="utf-8")
        return
    text = edit["content"] if "content" in edit else path.read_text(encoding="utf-8")
    encoding = edit.get("encoding", "utf-8")
    if encoding == "utf-8-sig-crlf":
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    else:
        path.write_bytes(text.encode(encoding))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any], minimal_kb: Path) -> None:
    for edit in case["edits"]:
        apply_edit(minimal_kb, edit)
    assert findings(minimal_kb) == sorted(case["expect"], key=_order)


def _order(item: str) -> tuple[str, int, int, str]:
    code, location = item.split(" ")
    file, line, column = location.rsplit(":", 2)
    return (file, int(line), int(column), code)


def test_every_rule_has_a_failing_case() -> None:
    failing = {item.split(" ")[0] for case in CASES if not case.get("passes") for item in case["expect"]}
    assert set(RULES) <= failing
