"""`render --team`: the team's modules, the gap report as first chapter, the descriptions of its gaps;
the SVG pictures; and the Markdown version through `mkdocs build --strict`."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.render.context import build_handbook
from wijkmodulen.render.selection import Selectie
from wijkmodulen.team.chapter import team_chapter
from wijkmodulen.team.html import team_view
from wijkmodulen.team.load import load_profile
from wijkmodulen.team.report import TeamReport, build_report

from conftest import shipped_kb
from team_helpers import EXAMPLE, SHIPPED, run

SVG = "{http://www.w3.org/2000/svg}"
GAPS = ["veiligheid", "gk-2", "4J", "gk-5", "participatie", "4E", "gk-6", "opvoeden-en-opgroeien",
        "jeugd-en-opvoeders"]


def example_report() -> tuple[KnowledgeBase, TeamReport]:
    kb = shipped_kb()
    profiel = load_profile(EXAMPLE, kb).profiel
    assert profiel is not None
    return kb, build_report(kb, profiel)


def test_handbook_context_has_the_team_chapter() -> None:
    kb, report = example_report()
    handbook = build_handbook(kb, Selectie(modules=tuple(m.id for m in report.modules)), team=team_chapter(report))
    assert [m.id for m in handbook.modules] == [m.id for m in report.modules]
    assert handbook.team is not None
    assert [r.id for r in handbook.scholing] == GAPS
    vier_e = handbook.scholing[5]
    assert (vier_e.anchor, vier_e.page) == ("scholing-4E", "team")
    assert [link.anchor for link in vier_e.modules] == ["iow-03"]  # the offered module that needs it
    assert vier_e.proces  # the description comes with its process list


def test_html_handbook_opens_with_the_gap_report(tmp_path: Path) -> None:
    result = run("render", str(SHIPPED), "--team", str(EXAMPLE), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    html = (tmp_path / "handboek.html").read_text(encoding="utf-8")
    assert "<title>Scholingshandboek Wijkteam Noord</title>" in html
    assert '<p class="selectie">Selectie: het aanbod van Wijkteam Noord</p>' in html
    sections = re.findall(r'<section class="(?:hoofdstuk|beroep|bijlage)" id="([^"]+)"', html)
    assert sections[:3] == ["teamrapport", "scholing", "inleiding"]
    scholing = html[html.index('id="scholing"'):html.index('id="inleiding"')]
    assert re.findall(r'<section class="referentie" id="scholing-([^"]+)"', scholing) == GAPS
    # the offered modules only, and every module the report names is linked
    assert sorted(set(re.findall(r'<article[^>]* id="((?:wmw|iow)-\d\d)"', html))) == sorted(
        ["wmw-01", "wmw-02", "wmw-03", "wmw-11", "iow-01", "iow-02", "iow-03", "iow-04"])
    assert '<a href="#wmw-11">wmw-11 Licht pedagogische hulp</a>' in html
    assert '<a href="#scholing-4E">' in html


def test_plain_handbook_has_no_team_chapter(tmp_path: Path) -> None:
    result = run("render", str(SHIPPED), "--module", "wmw-01", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    html = (tmp_path / "handboek.html").read_text(encoding="utf-8")
    assert 'id="teamrapport"' not in html
    assert "team-svg" not in html


def test_svg_pictures_are_labelled_and_complete() -> None:
    _, report = example_report()
    view = team_view(report)
    heat = ElementTree.fromstring(str(view.heatmap))
    assert heat.get("role") == "img"
    assert heat.get("aria-labelledby") == "team-heatmap-titel team-heatmap-desc"
    assert heat.find(f"{SVG}title").text == "Niveaus per lid en competentie"
    cells = heat.findall(f"{SVG}g")
    assert len(cells) == 4 * 11  # members x needed competences
    first = cells[0]
    assert first.find(f"{SVG}title").text == "AB, 4A: niveau 0"
    assert [c.find(f"{SVG}text").text for c in cells[:11]] == [
        "0", "4", "3", "0", "2", "0", "3", "2", "0", "0", "0"]
    bars = ElementTree.fromstring(str(view.staven)).findall(f"{SVG}g")
    assert [b.find(f"{SVG}title").text for b in bars[:3]] == [
        "veiligheid (niet gedekt): 5 module(n)",
        "gk-2 (hoogste niveau 2): 5 module(n)",
        "4J (hoogste niveau 2): 3 module(n)",
    ]
    widths = [float(b.find(f"{SVG}rect").get("width", "")) for b in bars]
    assert widths == sorted(widths, reverse=True)
    assert widths[0] == 2.5 * widths[4]  # 5 modules against 2 (participatie)


@pytest.mark.slow
def test_markdown_team_handbook_builds_with_mkdocs_strict(tmp_path: Path) -> None:
    out = tmp_path / "md"
    result = run("render", str(SHIPPED), "--team", str(EXAMPLE), "--format", "markdown", "--out", str(out))
    assert result.exit_code == 0, result.output
    docs = out / "docs"
    assert sorted(p.name for p in docs.glob("team*")) == [
        "team-competenties.svg", "team-kennis.svg", "team-lacunes.svg", "team.md"]
    page = (docs / "team.md").read_text(encoding="utf-8")
    assert page.startswith("# Teamrapport: Wijkteam Noord\n")
    assert "Selectie: het aanbod van Wijkteam Noord\n" in (docs / "index.md").read_text(encoding="utf-8")
    assert "![Lacunes in beeld](team-lacunes.svg)" in page
    assert re.findall(r'<a id="scholing-([^"]+)"></a>', page) == GAPS
    assert "Teamrapport: Wijkteam Noord\": team.md" in (out / "mkdocs.yml").read_text(encoding="utf-8")
    run_ = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(out / "mkdocs.yml"), "-d", str(tmp_path / "s")],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert run_.returncode == 0, run_.stderr
    assert "WARNING" not in run_.stderr
    assert (tmp_path / "s" / "team.html").is_file()
    assert (tmp_path / "s" / "team-lacunes.svg").is_file()
