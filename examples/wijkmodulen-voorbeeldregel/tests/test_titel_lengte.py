"""WM901 through wijkmodulen's own case harness, and as the installed plugin the command line sees."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from wijkmodulen.testing import case_ids, load_cases, packaged_kb, run_case

CASES = load_cases(Path(__file__).parent / "cases.yaml")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_case(case: dict[str, Any], tmp_path: Path) -> None:
    found, expected = run_case(case, packaged_kb(), tmp_path)
    assert found == expected


def test_the_installed_plugin_is_listed_by_wijkmodulen_rules() -> None:
    result = subprocess.run([sys.executable, "-m", "wijkmodulen", "rules"], capture_output=True, text=True, encoding="utf-8",
                            check=True)
    assert "WM901  titel-lengte  (waarschuwing, per bestand)  [plugin: wijkmodulen-voorbeeldregel 0.1.0]" in (
        result.stdout
    )
