"""The cross-reference matrix on a small fixture KB and on the shipped data, in every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from wijkmodulen.load.kb import load_knowledge_base
from wijkmodulen.xref import build_matrix, matrix_csv, matrix_html, matrix_json, matrix_markdown, matrix_table

from conftest import shipped_kb


def test_cells_and_totals(xref_kb: Path) -> None:
    matrix = build_matrix(load_knowledge_base(xref_kb), "scw")
    assert [c.id for c in matrix.columns] == ["4A", "4L"]
    assert [(r.id, r.cells, r.totaal) for r in matrix.rows] == [
        ("wmw-01", (True, False), 1),
        ("wmw-02", (False, False), 0),
        ("wmw-03", (False, False), 0),
        ("iow-02", (True, True), 2),
    ]
    assert matrix.column_totals == (2, 1)
    assert matrix.totaal == 3
    assert matrix.linked("iow-02", "4L")
    assert not matrix.linked("wmw-01", "4L")


def test_each_dimension_has_its_own_columns(xref_kb: Path) -> None:
    kb = load_knowledge_base(xref_kb)
    assert [c.id for c in build_matrix(kb, "gk").columns] == ["gk-1"]
    assert build_matrix(kb, "gk").column_totals == (1,)
    assert build_matrix(kb, "kennisdomein").column_totals == (2,)
    doelgroep = build_matrix(kb, "doelgroep")
    assert [c.id for c in doelgroep.columns] == ["ouderen"]
    assert doelgroep.columns[0].afkorting == "D1"  # long ids are abbreviated for the terminal
    assert doelgroep.totaal == 0


def test_beroep_keeps_one_profession(xref_kb: Path) -> None:
    matrix = build_matrix(load_knowledge_base(xref_kb), "scw", beroep="individueel-opbouwwerk")
    assert [r.id for r in matrix.rows] == ["iow-02"]
    assert matrix.column_totals == (1, 1)


def test_unknown_link_target_is_left_out(xref_kb: Path) -> None:
    path = xref_kb / "modules" / "wmw-01-aanmelding.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("[4A, gk-1]", "[4A, 4Z, gk-1]"), encoding="utf-8")
    matrix = build_matrix(load_knowledge_base(xref_kb), "scw")
    assert matrix.rows[0].totaal == 1


def test_csv_header_and_rows(xref_kb: Path) -> None:
    data = matrix_csv(build_matrix(load_knowledge_base(xref_kb), "scw"))
    assert data == (
        b"id,titel,beroep,4A Maakt zich bekend,4L Geeft inzicht in sociale vraagstukken,totaal\n"
        b"wmw-01,Aanmelding,wijkmaatschappelijk-werk,1,,1\n"
        b"wmw-02,Signaalopvolging,wijkmaatschappelijk-werk,,,0\n"
        b"wmw-03,Eerste hulp,wijkmaatschappelijk-werk,,,0\n"
        b"iow-02,Signaalopvolging en vraagverheldering,individueel-opbouwwerk,1,1,2\n"
        b"totaal,,,2,1,3\n"
    )


def test_excel_csv_has_bom_semicolons_and_crlf(xref_kb: Path) -> None:
    data = matrix_csv(build_matrix(load_knowledge_base(xref_kb), "kennisdomein"), excel=True)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").split("\r\n")[0] == "id;titel;beroep;inkomen;totaal"
    assert data == (
        "\ufeffid;titel;beroep;inkomen;totaal\r\n"
        "wmw-01;Aanmelding;wijkmaatschappelijk-werk;1;1\r\n"
        "wmw-02;Signaalopvolging;wijkmaatschappelijk-werk;;0\r\n"
        "wmw-03;Eerste hulp;wijkmaatschappelijk-werk;;0\r\n"
        "iow-02;Signaalopvolging en vraagverheldering;individueel-opbouwwerk;1;1\r\n"
        "totaal;;;2;2\r\n"
    ).encode()


def test_csv_quotes_separators_in_titles(xref_kb: Path) -> None:
    path = xref_kb / "modules" / "wmw-03-eerste-hulp.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("titel: Eerste hulp", "titel: Eerste hulp; snel, kort"),
                    encoding="utf-8")
    matrix = build_matrix(load_knowledge_base(xref_kb), "gk")
    assert b'wmw-03,"Eerste hulp; snel, kort",' in matrix_csv(matrix)
    assert b'wmw-03;"Eerste hulp; snel, kort";' in matrix_csv(matrix, excel=True)


def test_shipped_csv_header_starts_with_the_ids() -> None:
    matrix = build_matrix(shipped_kb(), "scw")
    header = next(csv.reader(io.StringIO(matrix_csv(matrix).decode())))
    assert header[:4] == ["id", "titel", "beroep", "4A Maakt zich bekend"]
    assert [h.split()[0] for h in header[3:-1]] == [f"4{chr(c)}" for c in range(ord("A"), ord("T") + 1)]
    assert header[-1] == "totaal"


def test_markdown(xref_kb: Path) -> None:
    assert matrix_markdown(build_matrix(load_knowledge_base(xref_kb), "scw")) == (
        "**Modulen en SCW-competenties**\n"
        "\n"
        "| id | titel | 4A | 4L | totaal |\n"
        "|---|---|:-:|:-:|--:|\n"
        "| wmw-01 | Aanmelding | x |   | 1 |\n"
        "| wmw-02 | Signaalopvolging |   |   | 0 |\n"
        "| wmw-03 | Eerste hulp |   |   | 0 |\n"
        "| iow-02 | Signaalopvolging en vraagverheldering | x | x | 2 |\n"
        "| **totaal** |  | 2 | 1 | 3 |\n"
        "\n"
        "- **4A** Maakt zich bekend\n"
        "- **4L** Geeft inzicht in sociale vraagstukken\n"
    )


def test_json(xref_kb: Path) -> None:
    data = json.loads(matrix_json(build_matrix(load_knowledge_base(xref_kb), "scw", "wijkmaatschappelijk-werk")))
    assert data == {
        "by": "scw",
        "beroep": "wijkmaatschappelijk-werk",
        "kolommen": [
            {"id": "4A", "titel": "Maakt zich bekend", "totaal": 1},
            {"id": "4L", "titel": "Geeft inzicht in sociale vraagstukken", "totaal": 0},
        ],
        "rijen": [
            {"id": "wmw-01", "titel": "Aanmelding", "beroep": "wijkmaatschappelijk-werk", "koppelingen": ["4A"],
             "totaal": 1},
            {"id": "wmw-02", "titel": "Signaalopvolging", "beroep": "wijkmaatschappelijk-werk", "koppelingen": [],
             "totaal": 0},
            {"id": "wmw-03", "titel": "Eerste hulp", "beroep": "wijkmaatschappelijk-werk", "koppelingen": [],
             "totaal": 0},
        ],
        "totaal": 1,
    }


def test_html_fragment(xref_kb: Path) -> None:
    assert matrix_html(build_matrix(load_knowledge_base(xref_kb), "gk")) == (
        '<table class="xref-matrix">\n'
        "<caption>Modulen en generieke competenties</caption>\n"
        "<thead>\n"
        '<tr><th scope="col">id</th><th scope="col">titel</th><th scope="col">'
        '<abbr title="Contact leggen en aangaan van betekenisvolle relaties">gk-1</abbr></th>'
        '<th scope="col">totaal</th></tr>\n'
        "</thead>\n"
        "<tbody>\n"
        '<tr class="wijkmaatschappelijk-werk"><th scope="row">wmw-01</th><td>Aanmelding</td>'
        '<td class="link">●</td><td>1</td></tr>\n'
        '<tr class="wijkmaatschappelijk-werk"><th scope="row">wmw-02</th><td>Signaalopvolging</td>'
        "<td></td><td>0</td></tr>\n"
        '<tr class="wijkmaatschappelijk-werk"><th scope="row">wmw-03</th><td>Eerste hulp</td>'
        "<td></td><td>0</td></tr>\n"
        '<tr class="individueel-opbouwwerk"><th scope="row">iow-02</th>'
        "<td>Signaalopvolging en vraagverheldering</td><td></td><td>0</td></tr>\n"
        "</tbody>\n"
        "<tfoot>\n"
        '<tr><th scope="row" colspan="2">totaal</th><td>1</td><td>1</td></tr>\n'
        "</tfoot>\n"
        "</table>\n"
    )


def test_html_escapes_titles(xref_kb: Path) -> None:
    path = xref_kb / "modules" / "wmw-03-eerste-hulp.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("titel: Eerste hulp", "titel: Hulp <b>&</b> zo"),
                    encoding="utf-8")
    html = matrix_html(build_matrix(load_knowledge_base(xref_kb), "scw"))
    assert "<td>Hulp &lt;b&gt;&amp;&lt;/b&gt; zo</td>" in html
    assert "<b>" not in html


def _render(renderable: object, width: int = 100) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, highlight=False).print(renderable)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines())


def test_table(xref_kb: Path) -> None:
    assert _render(matrix_table(build_matrix(load_knowledge_base(xref_kb), "scw"))) == (
        "Modulen en SCW-competenties\n"
        "\n"
        " id     titel                                 4A 4L Σ\n"
        " ────────────────────────────────────────────────────\n"
        " wmw-01 Aanmelding                            ●     1\n"
        " wmw-02 Signaalopvolging                            0\n"
        " wmw-03 Eerste hulp                                 0\n"
        "\n"
        " iow-02 Signaalopvolging en vraagverheldering ●  ●  2\n"
        "\n"
        " totaal                                       2  1  3\n"
        "\n"
        "Legenda (● = gekoppeld, Σ = aantal koppelingen van de module):\n"
        "4A Maakt zich bekend\n"
        "4L Geeft inzicht in sociale vraagstukken"
    )


@pytest.mark.parametrize("by", ["scw", "gk", "kennisdomein", "doelgroep"])
def test_shipped_table_fits_100_columns_and_keeps_every_column(by: str) -> None:
    matrix = build_matrix(shipped_kb(), by)  # type: ignore[arg-type]
    text = _render(matrix_table(matrix))
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 100
    header = next(line for line in lines if line.startswith(" id "))
    assert header.split()[2:] == [c.afkorting for c in matrix.columns] + ["Σ"]
    totals = next(line for line in lines if line.startswith(" totaal"))
    assert totals.split()[1:] == [str(n) for n in matrix.column_totals] + [str(matrix.totaal)]
    assert len(matrix.rows) == 39


def test_shipped_totals_agree_with_the_links() -> None:
    kb = shipped_kb()
    matrix = build_matrix(kb, "scw")
    links = sum(
        1 for e in kb.modules.values() for c in (e.model.koppelingen.competenties if e.model.koppelingen else [])
        if not c.startswith("gk-")
    )
    assert matrix.totaal == links == sum(r.totaal for r in matrix.rows)
    wmw_12 = next(r for r in matrix.rows if r.id == "wmw-12")
    assert [c.id for c, cell in zip(matrix.columns, wmw_12.cells, strict=True) if cell] == ["4A"]
