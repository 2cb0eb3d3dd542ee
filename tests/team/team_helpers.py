"""What the team tests share: the example profile, a small profile for the minimal KB, running the command."""

from __future__ import annotations

from pathlib import Path

from click.testing import Result
from typer.testing import CliRunner

from wijkmodulen.cli import app

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "data"
MINIMAL = ROOT / "tests" / "fixtures" / "positive" / "minimal"
EXAMPLE = ROOT / "examples" / "team-noord.yaml"

# For the minimal KB: every wmw module plus iow-02. They need 4A, gk-1, inkomen (wmw-01) and 4L, ouderen
# (iow-02), one module each, so the gaps are ordered by the tie-breakers alone.
KLEIN = """team: Team Klein
aanbod:
  beroepen: [wmw]
  modules: [iow-02]
leden:
  - naam: A
    competenties: {4A: 3}
  - naam: B
    rol: opbouwwerker
    competenties: {4L: 1}
    kennisdomeinen: {inkomen: 2}
"""


def write(tmp_path: Path, text: str, name: str = "team.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))
