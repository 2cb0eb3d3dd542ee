"""`xref`, `show`, `graph` and `compare` through typer's CliRunner and as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app

from conftest import ROOT, SHIPPED

runner = CliRunner()


def test_xref_table_is_the_default(xref_kb: Path) -> None:
    result = runner.invoke(app, ["xref", str(xref_kb)])
    assert result.exit_code == 0, result.output
    assert " iow-02 Signaalopvolging en vraagverheldering ●  ●  2" in result.stdout
    assert "Kennisbank:" in result.stderr


def test_xref_excel_csv_bytes_on_stdout(xref_kb: Path) -> None:
    result = runner.invoke(app, ["xref", str(xref_kb), "--by", "gk", "--format", "csv", "--excel"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbfid;titel;beroep;gk-1 Contact leggen en aangaan")
    assert result.stdout_bytes.endswith(b"totaal;;;1;1\r\n")


def test_xref_output_file(xref_kb: Path, tmp_path: Path) -> None:
    target = tmp_path / "matrix.csv"
    result = runner.invoke(app, ["xref", str(xref_kb), "-f", "csv", "--beroep", "iow", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == (
        b"id,titel,beroep,4A Maakt zich bekend,4L Geeft inzicht in sociale vraagstukken,totaal\n"
        b"iow-02,Signaalopvolging en vraagverheldering,individueel-opbouwwerk,1,1,2\n"
        b"totaal,,,1,1,2\n"
    )
    assert result.stdout == ""
    table = tmp_path / "matrix.txt"
    assert runner.invoke(app, ["xref", str(xref_kb), "-o", str(table)]).exit_code == 0
    assert "Legenda" in table.read_text(encoding="utf-8")


def test_xref_json_and_html(xref_kb: Path) -> None:
    data = json.loads(runner.invoke(app, ["xref", str(xref_kb), "-f", "json", "--by", "kennisdomein"]).stdout)
    assert data["kolommen"] == [{"id": "inkomen", "titel": "inkomen", "totaal": 2}]
    html = runner.invoke(app, ["xref", str(xref_kb), "-f", "html"]).stdout
    assert html.startswith('<table class="xref-matrix">\n<caption>Modulen en SCW-competenties</caption>')


def test_gaps_exit_codes(xref_kb: Path) -> None:
    plain = runner.invoke(app, ["xref", str(xref_kb), "--gaps"])
    assert plain.exit_code == 0, plain.output
    assert plain.stdout.rstrip().endswith("5 lacunes (alle modulen).")
    assert runner.invoke(app, ["xref", str(xref_kb), "--gaps", "--fail-on-gaps"]).exit_code == 1
    as_json = runner.invoke(app, ["xref", str(xref_kb), "--gaps", "--fail-on-gaps", "-f", "json"])
    assert as_json.exit_code == 1
    assert json.loads(as_json.stdout)["aantal"] == 5


def test_no_gaps_passes_in_ci(xref_kb: Path) -> None:
    (xref_kb / "kennisbouwstenen" / "ouderen.yaml").unlink()
    for name in ("wmw-02-signaalopvolging.yaml", "wmw-03-eerste-hulp.yaml"):
        path = xref_kb / "modules" / name
        path.write_text(
            path.read_text(encoding="utf-8")
            + "koppelingen:\n  herkomst: redactioneel\n  competenties: [4A]\n  kennisdomeinen: [inkomen]\n",
            encoding="utf-8",
        )
    result = runner.invoke(app, ["xref", str(xref_kb), "--gaps", "--fail-on-gaps"])
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip().endswith("Geen lacunes.")


def test_lookups(xref_kb: Path) -> None:
    result = runner.invoke(app, ["xref", str(xref_kb), "--competentie", "4L"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("4L Geeft inzicht in sociale vraagstukken (SCW-competentie): 1 modulen\n")
    domain = runner.invoke(app, ["xref", str(xref_kb), "--kennisdomein", "inkomen", "-f", "markdown"])
    assert domain.stdout.startswith("### inkomen (kennisdomein): 2 modulen\n")
    group = runner.invoke(app, ["xref", str(xref_kb), "--doelgroep", "ouderen"])
    assert "geen modulen" in group.stdout


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["xref", "--competentie", "4Z"], "Onbekend id '4Z'."),
        (["xref", "--competentie", "gk1"], "Onbekend id 'gk1'; bedoel je 'gk-1'?"),
        (["xref", "--kennisdomein", "4A"], "'4A' is een SCW-competentie, geen kennisdomein."),
        (["xref", "--competentie", "inkomen"], "'inkomen' is een kennisdomein, geen competentie."),
        (["xref", "--by", "thema"], "Onbekende waarde 'thema' voor --by; kies uit: scw, gk, kennisdomein, doelgroep."),
        (["xref", "--beroep", "jongerenwerk"], "Onbekende waarde 'jongerenwerk' voor --beroep"),
        (["xref", "--format", "pdf"], "Onbekend formaat 'pdf'; kies uit: table, csv"),
        (["xref", "--excel"], "--excel hoort bij --format csv."),
        (["xref", "--fail-on-gaps"], "--fail-on-gaps hoort bij --gaps."),
        (["xref", "--gaps", "--competentie", "4A"], "Kies één vraag tegelijk"),
        (["xref", "--gaps", "-f", "csv"], "Formaat 'csv' kan niet bij --gaps; kies uit: table, markdown, json."),
        (["show", "wmw-011"], "Onbekend id 'wmw-011'; bedoel je 'wmw-01'?"),
        (["graph", "--select", "wmw-9*"], "'wmw-9*' past op geen enkel id."),
        (["graph", "--relaties", "vriendschap"], "Onbekende waarde 'vriendschap' voor --relaties"),
        (["graph", "--format", "svg"], "Onbekend formaat 'svg'; kies uit: mermaid, dot"),
        (["compare", "wmw-01", "4A"], "'4A' is geen module; compare vergelijkt modulen."),
        (["compare", "wmw-01"], "wmw-01 heeft geen tegenhangers; geef een tweede id."),
        (["compare", "wmw-01", "wmw-02", "wmw-03"], "Geef één of twee module-ids."),
        (["compare", "wmw-01", "wmw-99"], "Onbekend id 'wmw-99'"),
    ],
)
def test_usage_errors_exit_2_in_dutch(xref_kb: Path, arguments: list[str], message: str) -> None:
    command = arguments[0]
    kb = [str(xref_kb)] if command in ("xref", "graph") else ["--kb", str(xref_kb)]
    result = runner.invoke(app, [command, *kb, *arguments[1:]])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_show_and_graph(xref_kb: Path) -> None:
    shown = runner.invoke(app, ["show", "WMW-03", "--kb", str(xref_kb)])
    assert shown.exit_code == 0, shown.output
    assert "Specificatie van (1)\n  wmw-01  Aanmelding\n" in shown.stdout
    assert "Verwijst naar (1)\n  wmw-02  Signaalopvolging\n" in shown.stdout
    mermaid = runner.invoke(app, ["graph", str(xref_kb), "--select", "wmw-03,iow-*"])
    assert mermaid.exit_code == 0, mermaid.output
    assert "  n_wmw_03 -->|specificatie van| n_wmw_01\n" in mermaid.stdout
    assert "  n_iow_02 --- n_4L\n" in mermaid.stdout
    dot = runner.invoke(app, ["graph", str(xref_kb), "-f", "dot", "--relaties", "kennisdomein"])
    assert '"iow-02" -> "inkomen" [arrowhead=none, color="#be185d"];' in dot.stdout


def test_compare_with_counterpart_by_default(xref_kb: Path) -> None:
    result = runner.invoke(app, ["compare", "iow-02", "--kb", str(xref_kb)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("iow-02 Signaalopvolging en vraagverheldering ↔ wmw-02 Signaalopvolging\n")
    assert "  [-In de wijk.-]{+Bij de bewoner thuis.+}\n" in result.stdout


def test_compare_formats_on_shipped_data(tmp_path: Path) -> None:
    markdown = runner.invoke(app, ["compare", "wmw-12", "iow-11", "-f", "markdown", "--kb", str(SHIPPED)])
    assert markdown.exit_code == 0, markdown.output
    assert "~~Kwetsbare~~ **(Kwetsbare)** wijkbewoners" in markdown.stdout
    target = tmp_path / "waakvlam.html"
    html = runner.invoke(app, ["compare", "wmw-12", "iow-11", "-f", "html", "--kb", str(SHIPPED), "-o", str(target)])
    assert html.exit_code == 0, html.output
    assert "<td><p><ins>(Kwetsbare)</ins> wijkbewoners" in target.read_text(encoding="utf-8")


def _run(*arguments: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "wijkmodulen", *arguments], cwd=ROOT, capture_output=True, text=True,
        encoding="utf-8", env=env, check=False,
    )


@pytest.mark.slow
def test_compare_on_a_pipe_marks_words_in_plain_text() -> None:
    result = _run("compare", "wmw-12", "iow-11")
    assert result.returncode == 0, result.stderr
    assert "  [-Kwetsbare-]{+(Kwetsbare)+} wijkbewoners die op gezette tijden" in result.stdout
    assert "\x1b[" not in result.stdout
    assert "Duur en frequentie (gelijk)" in result.stdout


@pytest.mark.slow
def test_xref_table_on_a_pipe_is_100_columns_wide() -> None:
    result = _run("xref")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= 100
    assert lines[2].split()[2:] == [f"4{chr(c)}" for c in range(ord("A"), ord("T") + 1)] + ["Σ"]


def test_select_suggests_a_near_id(xref_kb: Path) -> None:
    result = runner.invoke(app, ["graph", str(xref_kb), "--select", "wmw-3"])
    assert result.exit_code == 2
    assert "'wmw-3' past op geen enkel id; bedoel je 'wmw-03'?" in result.stderr


def test_a_broken_file_is_announced_and_the_rest_is_still_shown(xref_kb: Path) -> None:
    (xref_kb / "modules" / "wmw-03-eerste-hulp.yaml").write_text("id: wmw-03\ntitel: [\n", encoding="utf-8")
    result = runner.invoke(app, ["xref", str(xref_kb), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert "Let op: 1 bestanden konden niet (volledig) geladen worden; draai 'wijkmodulen lint'." in result.stderr
    assert result.stdout.splitlines()[1:4] == [
        "wmw-01,Aanmelding,wijkmaatschappelijk-werk,1,,1",
        "wmw-02,Signaalopvolging,wijkmaatschappelijk-werk,,,0",
        "iow-02,Signaalopvolging en vraagverheldering,individueel-opbouwwerk,1,1,2",
    ]
