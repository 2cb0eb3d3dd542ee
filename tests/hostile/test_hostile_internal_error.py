"""An internal error: one Dutch line and exit 2, or with --debug the traceback.

No command fails on purpose, so the child process adds one to the real app before running the
real entry point (``wijkmodulen.cli.main``) as ``wijkmodulen`` would.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

FAILING = """
import sys
from wijkmodulen.cli import app, main

@app.command("stuk")
def stuk() -> None:
    {}.get("x").strip()  # an AttributeError, as a real bug would raise

sys.argv = ["wijkmodulen", *sys.argv[1:]]
main()
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", FAILING, *args],
        capture_output=True, text=True, encoding="utf-8", timeout=60, check=False, cwd=cwd,
    )


def test_internal_error_is_one_line_asking_to_report_it(tmp_path: Path) -> None:
    result = run("stuk", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        (
            "Interne fout in wijkmodulen (AttributeError: 'NoneType' object has no attribute 'strip');"
            " meld dit alsjeblieft, met de uitvoer van dezelfde opdracht met --debug vooraan"
            " (wijkmodulen --debug ...)."
        )
    ]


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = run("--debug", "stuk", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert 'File "<string>", line 7, in stuk' in result.stderr  # down to the failing line
    assert result.stderr.rstrip().endswith("AttributeError: 'NoneType' object has no attribute 'strip'")
    assert "Interne fout" not in result.stderr


def test_debug_changes_nothing_when_all_goes_well(tmp_path: Path) -> None:
    result = run("--debug", "--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "--debug" in result.stdout
    assert result.stderr == ""
