"""The team page (docs/team.md) shows real output of the example, and its pictures are current."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from wijkmodulen.team.formats import format_text
from wijkmodulen.team.load import load_profile
from wijkmodulen.team.report import build_report

from conftest import shipped_kb
from team_helpers import EXAMPLE, ROOT, SHIPPED, run

PAGE = ROOT / "docs" / "team.md"

ZUID = """team: Team Zuid
niveau: 3
aanbod:
  modules: [wmw-01, wmw-40]
  clusters: [Aanmelding en intak]
  beroepen: [opbouwwerk]
leden:
  - naam: A
    competenties: {4A: 3, 4Z: 2, gk-9: 1}
    kennisdomeinen: {inkomens: 2}
  - naam: A
    doelgroepen: {jongeren: 1}
"""


def _example(command: str) -> str:
    page = PAGE.read_text(encoding="utf-8")
    start = page.index(f"$ {command}\n") + len(f"$ {command}\n")
    return page[start : page.index("```", start)]


def test_page_report_is_real_output() -> None:
    kb = shipped_kb()
    profiel = load_profile(EXAMPLE, kb).profiel
    assert profiel is not None
    assert _example("wijkmodulen team examples/team-noord.yaml") == format_text(build_report(kb, profiel))


def test_page_profile_is_the_example() -> None:
    page = PAGE.read_text(encoding="utf-8")
    assert f"```yaml\n{EXAMPLE.read_text(encoding='utf-8')}```" in page


def test_page_findings_are_real_output(tmp_path: Path) -> None:
    (tmp_path / "team-zuid.yaml").write_text(ZUID, encoding="utf-8")
    before = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = run("team", "team-zuid.yaml", str(SHIPPED))
    finally:
        os.chdir(before)
    assert result.exit_code == 1
    assert _example("wijkmodulen team team-zuid.yaml") == result.stdout


def test_page_pictures_are_current() -> None:
    spec = importlib.util.spec_from_file_location("readme_team_pictures", ROOT / "scripts" / "readme_team_pictures.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, text in module.pictures().items():
        assert (ROOT / "docs" / name).read_text(encoding="utf-8") == text, "run scripts/readme_team_pictures.py"
