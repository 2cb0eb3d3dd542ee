"""Runs every case of tests/cases/lint_cases.yaml (with the harness of wijkmodulen.testing, which rule
plugins use too): each check with a failing and a passing case."""

from __future__ import annotations

from pathlib import Path

import pytest

from wijkmodulen.lint.rules import RULES
from wijkmodulen.testing import apply_edit, case_ids, load_cases, run_case

from conftest import MINIMAL, TESTS

CASES = load_cases(TESTS / "cases" / "lint_cases.yaml")
__all__ = ["CASES", "apply_edit"]  # the editor server's parity test runs the same cases


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_case(case: dict[str, object], tmp_path: Path) -> None:
    found, expected = run_case(case, MINIMAL, tmp_path)
    assert found == expected


def test_every_rule_has_a_failing_case() -> None:
    failing = {item.split(" ")[0] for case in CASES if not case.get("passes") for item in case["expect"]}
    # WM007 reports a plugin that does not load: tests/lint/test_plugins.py installs a broken one.
    assert set(RULES) - {"WM007"} <= failing
