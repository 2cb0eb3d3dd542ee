"""What the browser tests share: Chromium's place and flags, the selections, rendering a handbook."""

from __future__ import annotations

from pathlib import Path

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
