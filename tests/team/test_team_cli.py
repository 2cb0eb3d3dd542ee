"""`wijkmodulen team` and `render --team` from the command line: findings with positions, exit codes, output."""

from __future__ import annotations

import json
from pathlib import Path

from team_helpers import EXAMPLE, KLEIN, MINIMAL, SHIPPED, run, write

BAD = """team: Team Fout
niveau: 3
aanbod:
  modules: [wmw-01, wmw-99]
  clusters: [Aanmelding en intak]
  beroepen: [opbouwwerk]
leden:
  - naam: A
    competenties: {4A: 3, 4Z: 2, gk-9: 1}
    kennisdomeinen: {inkomens: 2}
  - naam: A
    doelgroepen: {jongeren: 1}
"""


def test_unknown_ids_are_findings_with_positions(tmp_path: Path) -> None:
    path = write(tmp_path, BAD)
    result = run("team", str(path), str(MINIMAL))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path.as_posix()}:4:21: Module 'wmw-99' bestaat niet in de kennisbank; bedoel je 'wmw-03'?",
        f"{path.as_posix()}:5:14: Cluster 'Aanmelding en intak' bestaat niet in de kennisbank; bedoel je 'Aanmelding en intake'?",
        f"{path.as_posix()}:6:14: Beroep 'opbouwwerk' bestaat niet in de kennisbank; bedoel je 'individueel-opbouwwerk'?",
        f"{path.as_posix()}:9:27: Competentie '4Z' bestaat niet in de kennisbank.",
        f"{path.as_posix()}:9:34: Competentie 'gk-9' bestaat niet in de kennisbank; bedoel je 'gk-1'?",
        f"{path.as_posix()}:10:22: Kennisdomein 'inkomens' bestaat niet in de kennisbank; bedoel je 'inkomen'?",
        f"{path.as_posix()}:11:5: Lid 'A' staat al in het profiel (lid 1); geef elk lid een eigen naam.",
        f"{path.as_posix()}:12:19: Doelgroep 'jongeren' bestaat niet in de kennisbank; bedoel je 'ouderen'?",
    ]
    assert "8 probleem/problemen in het teamprofiel." in result.stderr


def test_schema_and_syntax_errors_are_findings(tmp_path: Path) -> None:
    path = write(tmp_path, "team: X\naanbod: {modules: [wmw-01]}\nleden:\n  - naam: A\n"
                           "    competenties: {4A: 5}\n    kompetenties: {}\n")
    result = run("team", str(path), str(MINIMAL))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path.as_posix()}:5:20: Ongeldige waarde bij 'leden.0.competenties.4A': mag hoogstens 4 zijn",
        f"{path.as_posix()}:6:5: Onbekende sleutel 'kompetenties'; bedoel je 'competenties'?",
    ]
    path = write(tmp_path, "team: X\nniveau: 0\naanbod: {modules: [wmw-01]}\nleden: [{naam: A}]\n", "nul.yaml")
    result = run("team", str(path), str(MINIMAL))
    assert result.stdout == f"{path.as_posix()}:2:1: Ongeldige waarde bij 'niveau': moet minstens 1 zijn\n"
    path = write(tmp_path, "team: X\naanbod: [\n", "kapot.yaml")
    result = run("team", str(path), str(MINIMAL))
    assert result.exit_code == 1
    assert result.stdout == f"{path.as_posix()}:3:1: YAML-syntaxfout: did not find expected node content\n"
    path = write(tmp_path, "team: X\naanbod: {}\nleden: [{naam: A}]\n", "leeg.yaml")
    result = run("team", str(path), str(MINIMAL))
    assert result.stdout == f"{path.as_posix()}:2:1: Het aanbod noemt geen modulen, clusters of beroepen.\n"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "weg.yaml"
    result = run("team", str(missing), str(MINIMAL))
    assert (result.exit_code, result.stderr) == (2, f"Teamprofiel niet gevonden: {missing}\n")
    result = run("team", str(EXAMPLE), str(SHIPPED), "--format", "pdf")
    assert (result.exit_code, result.stderr) == (2, "Onbekend formaat 'pdf'; kies uit: text, markdown, html, json.\n")
    result = run("team", str(EXAMPLE), str(SHIPPED), "--niveau", "5")
    assert (result.exit_code, result.stderr) == (2, "Niveau 5 bestaat niet; kies 1, 2, 3 of 4.\n")
    result = run("render", str(SHIPPED), "--team", str(EXAMPLE), "--module", "wmw-01", "--out", str(tmp_path / "h"))
    assert result.exit_code == 2
    assert "--team bepaalt zelf de modulen" in result.stderr
    assert not (tmp_path / "h").exists()


def test_formats_and_output_file(tmp_path: Path) -> None:
    path = write(tmp_path, KLEIN)
    result = run("team", str(path), str(MINIMAL), "--format", "json", "--niveau", "1")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["niveau"] == 1
    assert [g["id"] for g in data["lacunes"]] == ["gk-1", "ouderen"]
    target = tmp_path / "rapport.html"
    result = run("team", str(path), str(MINIMAL), "--format", "html", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>Teamrapport: Team Klein</title>" in html
    result = run("team", str(path), str(MINIMAL), "--format", "markdown")
    assert result.stdout.startswith("# Teamrapport: Team Klein\n")


def test_findings_stop_render_team(tmp_path: Path) -> None:
    path = write(tmp_path, BAD)
    result = run("render", str(MINIMAL), "--team", str(path), "--out", str(tmp_path / "h"))
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 8
    assert not (tmp_path / "h").exists()


def test_an_offer_that_needs_nothing(tmp_path: Path) -> None:
    # wmw-02 of the minimal KB has no koppelingen: nothing needed, no gaps, no pictures.
    path = write(tmp_path, "team: Leeg\naanbod: {modules: [wmw-02]}\nleden: [{naam: A}]\n")
    result = run("team", str(path), str(MINIMAL))
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("Geen lacunes: elk onderdeel van het aanbod beheerst minstens één lid op niveau 3.\n")
    result = run("team", str(path), str(MINIMAL), "--format", "html")
    assert result.exit_code == 0, result.output
    assert "<svg" not in result.stdout
