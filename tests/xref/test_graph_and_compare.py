"""The relation graph (Mermaid, DOT) and the word-level comparison of two modules."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from wijkmodulen.load.kb import load_knowledge_base
from wijkmodulen.xref.compare import NEWLINE, compare_modules, diff_tokens, fragments
from wijkmodulen.xref.compare_formats import compare_html, compare_markdown, compare_plain, compare_rich
from wijkmodulen.xref.graph import NothingSelected, build_graph, graph_dot, graph_mermaid

from conftest import shipped_kb


def test_mermaid(xref_kb: Path) -> None:
    assert graph_mermaid(build_graph(load_knowledge_base(xref_kb))) == """\
flowchart LR
  n_wmw_01["wmw-01 Aanmelding"]:::wmw
  n_wmw_02["wmw-02 Signaalopvolging"]:::wmw
  n_wmw_03["wmw-03 Eerste hulp"]:::wmw
  n_iow_02["iow-02 Signaalopvolging en vraagverheldering"]:::iow
  n_4A(["4A Maakt zich bekend"]):::competentie
  n_4L(["4L Geeft inzicht in sociale vraagstukken"]):::competentie
  n_gk_1(["gk-1 Contact leggen en aangaan van betekenisvolle relaties"]):::competentie
  n_wmw_01 --- n_4A
  n_wmw_01 --- n_gk_1
  n_wmw_03 -->|specificatie van| n_wmw_01
  n_wmw_03 -.->|verwijst naar| n_wmw_02
  n_iow_02 <-->|tegenhanger| n_wmw_02
  n_iow_02 --- n_4A
  n_iow_02 --- n_4L
  classDef wmw fill:#dbeafe,stroke:#1d4ed8
  classDef iow fill:#dcfce7,stroke:#15803d
  classDef competentie fill:#fef3c7,stroke:#b45309
"""


def test_select_keeps_the_neighbours(xref_kb: Path) -> None:
    kb = load_knowledge_base(xref_kb)
    graph = build_graph(kb, ["wmw-02"])
    assert {n.id for n in graph.nodes} == {"wmw-02", "wmw-03", "iow-02"}
    assert {(e.source, e.target, e.relatie) for e in graph.edges} == {
        ("wmw-03", "wmw-02", "verwijzing"),
        ("iow-02", "wmw-02", "tegenhanger"),
    }
    by_pattern = build_graph(kb, ["4*"], ("competentie",))
    assert {n.id for n in by_pattern.nodes} == {"4A", "4L", "wmw-01", "iow-02"}
    with pytest.raises(NothingSelected):
        build_graph(kb, ["wmw-9*"])


def test_relations_can_be_chosen(xref_kb: Path) -> None:
    graph = build_graph(load_knowledge_base(xref_kb), relaties=("kennisdomein",))
    assert {(e.source, e.target) for e in graph.edges} == {("wmw-01", "inkomen"), ("iow-02", "inkomen")}


def test_dot(xref_kb: Path) -> None:
    dot = graph_dot(build_graph(load_knowledge_base(xref_kb), ["wmw-03"]))
    assert dot == """\
digraph wijkmodulen {
  rankdir=LR;
  node [fontname="Helvetica"];
  edge [fontname="Helvetica", fontsize=10];
  "wmw-01" [label="wmw-01\\nAanmelding", shape=box, style=filled, fillcolor="#dbeafe"];
  "wmw-02" [label="wmw-02\\nSignaalopvolging", shape=box, style=filled, fillcolor="#dbeafe"];
  "wmw-03" [label="wmw-03\\nEerste hulp", shape=box, style=filled, fillcolor="#dbeafe"];
  "wmw-03" -> "wmw-01" [label="specificatie van"];
  "wmw-03" -> "wmw-02" [label="verwijst naar", style=dashed];
}
"""


def test_labels_are_escaped(xref_kb: Path) -> None:
    path = xref_kb / "modules" / "wmw-03-eerste-hulp.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("titel: Eerste hulp", 'titel: Hulp "nu" <snel>'),
                    encoding="utf-8")
    graph = build_graph(load_knowledge_base(xref_kb), ["wmw-03"])
    assert 'n_wmw_03["wmw-03 Hulp #quot;nu#quot; #lt;snel#gt;"]' in graph_mermaid(graph)
    assert '[label="wmw-03\\nHulp \\"nu\\" <snel>"' in graph_dot(graph)


def test_shipped_graph_has_every_module_and_valid_node_ids() -> None:
    graph = build_graph(shipped_kb())
    assert sum(n.kind in ("wmw", "iow") for n in graph.nodes) == 39
    assert {e.relatie for e in graph.edges} == {"specificatie", "verwijzing", "tegenhanger", "competentie"}
    assert sum(e.relatie == "tegenhanger" for e in graph.edges) == 9  # 9 iow schakelmodulen, 8 wmw
    mermaid = graph_mermaid(graph)
    for line in mermaid.splitlines()[1:]:
        node = r"n_\w+(\[\"[^\"]+\"\]|\(\[\"[^\"]+\"\]\)):::\w+"
        edge = r"n_\w+ (-->|-\.->|<-->|---)(\|[a-z ]+\|)? n_\w+"
        assert re.fullmatch(rf"  ({node}|{edge}|classDef \w+ \S+)", line), line
    assert len(mermaid.splitlines()) < 500  # GitHub renders up to 500 edges


def test_diff_tokens_marks_words_and_folds_short_common_words() -> None:
    pieces, ratio = diff_tokens(["Bij", "de", "bewoner", "thuis", "."], ["In", "de", "wijk", "."])
    assert [(p.op, " ".join(p.tokens)) for p in pieces] == [
        ("weg", "Bij de bewoner thuis"),
        ("nieuw", "In de wijk"),
        ("gelijk", "."),
    ]
    assert 0 < ratio < 1
    same, ratio = diff_tokens(["a", NEWLINE], ["a", NEWLINE])
    assert [p.op for p in same] == ["gelijk"]
    assert ratio == 1


def test_compare_fixture_plain(xref_kb: Path) -> None:
    kb = load_knowledge_base(xref_kb)
    comparison = compare_modules(kb.modules["wmw-02"].model, kb.modules["iow-02"].model)
    assert compare_plain(comparison) == """\
wmw-02 Signaalopvolging ↔ iow-02 Signaalopvolging en vraagverheldering
Wijkmaatschappelijk werk ↔ Individueel opbouwwerk: 4 van 7 secties verschillen; woorden 58% gelijk.
[-woorden-] staan alleen in wmw-02, {+woorden+} alleen in iow-02.

Titel (verschilt; 67% gelijk)
  Signaalopvolging {+en vraagverheldering+}

Doelgroep (gelijk)

Doelen (verschilt; 36% gelijk)
  [-De wijkbewoner heeft vertrouwen.-]
  • {+De vraag is helder.+}

Duur en frequentie (gelijk)

Setting (verschilt; 44% gelijk)
  [-Bij de bewoner thuis.-]{+In de wijk.+}

Werkwijze/activiteiten (verschilt; 22% gelijk)
  De [-wijkmaatschappelijk werker:-]{+individueel opbouwwerker gaat op signalen af.+}
  • [-zoekt de bewoner op.-]

Randvoorwaarden (gelijk)"""


def test_compare_fixture_markdown_and_html(xref_kb: Path) -> None:
    kb = load_knowledge_base(xref_kb)
    comparison = compare_modules(kb.modules["wmw-02"].model, kb.modules["iow-02"].model)
    markdown = compare_markdown(comparison)
    assert "### Setting (verschilt; 44% gelijk)\n\n~~Bij de bewoner thuis.~~ **In de wijk.**\n" in markdown
    assert "### Doelen (verschilt; 36% gelijk)\n\n~~De wijkbewoner heeft vertrouwen.~~\n\n- **De vraag is helder.**\n" in (
        markdown
    )
    html = compare_html(comparison)
    assert (
        '<tr class="verschil"><th scope="row">Setting</th><td><p><del>Bij de bewoner thuis.</del></p></td>'
        "<td><p><ins>In de wijk.</ins></p></td></tr>"
    ) in html
    assert '<tr class="gelijk"><th scope="row">Doelgroep</th><td><p>Kwetsbare wijkbewoners.</p></td>' in html
    assert (
        '<th scope="row">Werkwijze/activiteiten</th><td><p>De <del>wijkmaatschappelijk werker:</del></p>'
        "<ul><li><del>zoekt de bewoner op.</del></li></ul></td>"
    ) in html


def test_markup_in_texts_is_escaped(xref_kb: Path) -> None:
    path = xref_kb / "modules" / "iow-02-signaalopvolging.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("setting: In de wijk.", "setting: In de <wijk> *nu*."),
                    encoding="utf-8")
    kb = load_knowledge_base(xref_kb)
    comparison = compare_modules(kb.modules["wmw-02"].model, kb.modules["iow-02"].model)
    assert "<ins>In de &lt;wijk&gt; *nu*.</ins>" in compare_html(comparison)
    assert r"**In de <wijk> \*nu\*.**" in compare_markdown(comparison)


@pytest.fixture(scope="module")
def waakvlam() -> object:
    kb = shipped_kb()
    return compare_modules(kb.modules["wmw-12"].model, kb.modules["iow-11"].model)


def test_waakvlamcontacten_differences(waakvlam: object) -> None:
    text = compare_plain(waakvlam)  # type: ignore[arg-type]
    sections = {s.key: s.same for s in waakvlam.sections}  # type: ignore[attr-defined]
    assert sections == {
        "titel": True,
        "doelgroep": False,
        "doelen": False,
        "duur_en_frequentie": True,
        "setting": False,
        "werkwijze": False,
        "randvoorwaarden": True,
    }
    assert "  [-Kwetsbare-]{+(Kwetsbare)+} wijkbewoners die op gezette tijden" in text
    assert (
        "beroep te doen op de [-wijkmaatschappelijk werker/individueel opbouwwerker.-]"
        "{+individueel opbouwwerker/wijkmaatschappelijk werker.+}"
    ) in text
    assert "[-Doorgaans bij de bewoner thuis en soms op een locatie in de wijk, bijvoorbeeld-]" in text
    assert "{+deelname aan activiteiten; bij een informatie- en adviespunt; via social media.+}" in text
    assert text.count("{+individueel opbouwwerker/wijkmaatschappelijk werker+}") == 2
    # Unchanged list items are shown plainly.
    assert "  • actief licht contact te zoeken en te houden met de bewoner en op gezette tijden even langs gaan;" in text


def test_waakvlamcontacten_sides_rebuild_each_text(waakvlam: object) -> None:
    kb = shipped_kb()
    for section in waakvlam.sections:  # type: ignore[attr-defined]
        for only, module in (("weg", kb.modules["wmw-12"].model), ("nieuw", kb.modules["iow-11"].model)):
            words = [text for line in fragments(section, only=only) for op, text in line if op != "marker"]
            value = getattr(module, section.key)
            if isinstance(value, str):
                assert " ".join(words) == " ".join(value.split())


def test_waakvlamcontacten_in_colour(waakvlam: object) -> None:
    buffer = io.StringIO()
    Console(file=buffer, force_terminal=True, color_system="standard", width=100).print(compare_rich(waakvlam))  # type: ignore[arg-type]
    output = buffer.getvalue()
    assert "\x1b[1;9;31mKwetsbare\x1b[0m" in output  # bold, struck through, red
    assert "\x1b[1;4;32m(Kwetsbare)\x1b[0m" in output  # bold, underlined, green
    assert "[-" not in output
