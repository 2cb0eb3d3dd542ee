"""The search domain: words, stems, compounds, ranking, filters and the three output formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from snowballstemmer.dutch_porter_stemmer import DutchPorterStemmer  # type: ignore[import-untyped]
from typer.testing import CliRunner

from wijkmodulen.cli import app
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.search.compounds import split_compound
from wijkmodulen.search.documents import kb_documents
from wijkmodulen.search.formats import format_markdown, format_text
from wijkmodulen.search.index import SearchIndex, build_index
from wijkmodulen.search.query import query_stems, search
from wijkmodulen.search.run import FilterError, Filters, search_kb
from wijkmodulen.search.text import stem_words, words

from conftest import SHIPPED, shipped_kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return shipped_kb()


@pytest.fixture(scope="module")
def index(kb: KnowledgeBase) -> SearchIndex:
    return build_index(kb_documents(kb))


def test_words_are_lower_case_without_accents() -> None:
    assert words("Financiële problemen, cliënt’s (groeps)activiteit 4P") == [
        "financiele", "problemen", "client", "s", "groeps", "activiteit", "4p",
    ]


def test_the_fast_stemmer_is_the_snowball_algorithm(index: SearchIndex) -> None:
    """snowballstemmer hands stemming to PyStemmer's C code; both must give the classic Snowball Dutch
    stems for every word of the KB."""
    vocabulary = sorted({*index.stems, *index.terms})
    pure = DutchPorterStemmer()
    assert stem_words(vocabulary) == [pure.stemWord(word) for word in vocabulary]
    assert stem_words(["gesprekken", "geweld", "gezondheid"]) == ["gesprek", "geweld", "gezond"]


def test_compounds_split_into_words_of_the_vocabulary() -> None:
    vocabulary = {"schulden", "problematiek", "verslaving", "schuld", "hulpverlening", "traject", "huis"}
    assert split_compound("schuldenproblematiek", vocabulary) == ("schulden", "problematiek")
    assert split_compound("verslavingsproblematiek", vocabulary) == ("verslaving", "problematiek")
    assert split_compound("schuldhulpverleningstraject", vocabulary) == ("schuld", "hulpverlening", "traject")
    assert split_compound("huiselijk", vocabulary) == ()
    assert split_compound("schulden", vocabulary) == ()


def test_a_query_word_finds_the_compounds_that_contain_it(index: SearchIndex) -> None:
    hits, _ = search(index, "schulden")
    assert hits[0].doc.id == "wmw-07"  # "Stabilisatie schuldenproblematiek": the title, as a compound part
    assert "schulden" in hits[0].snippet


def test_inflections_meet_in_their_stem(index: SearchIndex) -> None:
    assert query_stems("gesprekken", index) == query_stems("gesprek", index) == ["gesprek"]
    # a word the KB does not use falls back to the longest stem it begins with
    assert query_stems("crisissen", index) == ["crisis"]
    assert query_stems("de het een", index) == []


def test_documents_matching_more_query_words_come_first(index: SearchIndex) -> None:
    hits, total = search(index, "huiselijk geweld")
    assert hits[0].doc.id == "iow-13"
    assert hits[0].matched == 2
    assert all(hit.matched <= 2 for hit in hits)
    assert total == len(hits)


def test_filters_keep_matching_modules_only(kb: KnowledgeBase) -> None:
    everything = search_kb(kb, "netwerk", limit=None)
    assert {hit.doc.soort for hit in everything.hits} > {"module"}
    iow = search_kb(kb, "netwerk", Filters(beroepen=("iow",)), limit=None)
    assert iow.hits
    assert {hit.doc.beroep for hit in iow.hits} == {"individueel-opbouwwerk"}
    cluster = search_kb(kb, "netwerk", Filters(clusters=("aanmelding en intake",)), limit=None)
    assert {hit.doc.cluster for hit in cluster.hits} == {"Aanmelding en intake"}
    competentie = search_kb(kb, "netwerk", Filters(competenties=("4S",)), limit=None)
    assert competentie.hits
    assert all("4S" in hit.doc.competenties for hit in competentie.hits)
    assert search_kb(kb, "schulden", Filters(beroepen=("iow",))).hits == ()


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (Filters(beroepen=("jeugdwerk",)), "Onbekend beroep 'jeugdwerk'"),
        (Filters(clusters=("Nergens",)), "Onbekend cluster 'Nergens'"),
        (Filters(competenties=("9Z",)), "Onbekende competentie '9Z'"),
    ],
)
def test_unknown_filter_values_are_named(kb: KnowledgeBase, filters: Filters, message: str) -> None:
    with pytest.raises(FilterError, match=message):
        search_kb(kb, "netwerk", filters)


def test_text_output_keeps_control_characters_from_the_terminal(kb: KnowledgeBase) -> None:
    result = search_kb(kb, "schulden\x1b[31m", limit=2)
    text = format_text(result)
    assert "\x1b" not in text
    assert text.splitlines()[0] == "De eerste 2 van 3 treffers voor 'schulden[31m'."
    assert "1. wmw-07  Stabilisatie schuldenproblematiek  (module," in text


def test_markdown_output_escapes_kb_text(kb: KnowledgeBase) -> None:
    markdown = format_markdown(search_kb(kb, "schulden *vet* <b>", limit=1))
    assert markdown.startswith("## Zoekresultaten voor ‘schulden \\*vet\\* &lt;b&gt;’\n")
    assert "1. **Stabilisatie schuldenproblematiek** (wmw-07, module)" in markdown
    assert "<b>" not in markdown


def test_cli_json_and_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["zoek", "schulden", str(SHIPPED), "--format", "json", "-n", "1"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["aantal"] == 3
    assert [hit["id"] for hit in data["treffers"]] == ["wmw-07"]
    assert data["treffers"][0]["fragment"].startswith("Kwetsbare wijkbewoners met problematische schulden")
    wrong = runner.invoke(app, ["zoek", "x", str(SHIPPED), "--format", "xml"])
    assert wrong.exit_code == 2
    assert "Onbekend formaat 'xml'" in wrong.output
    unknown = runner.invoke(app, ["zoek", "x", str(SHIPPED), "--beroep", "jeugdwerk"])
    assert unknown.exit_code == 2
    assert "Traceback" not in unknown.output


def test_cli_searches_what_loads_of_a_broken_kb(minimal_kb: Path) -> None:
    broken = next((minimal_kb / "modules").glob("*.yaml"))
    broken.write_text("id: [\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["zoek", "netwerk", str(minimal_kb)])
    assert result.exit_code == 0, result.output
    assert "1 bestand(en) van de kennisbank konden niet gelezen worden" in result.stderr


def test_the_example_in_the_docs_is_what_zoek_prints() -> None:
    page = (SHIPPED.parent / "docs" / "zoeken.md").read_text(encoding="utf-8")
    block = page.split("```console\n", 1)[1].split("```", 1)[0]
    command, shown = block.split("\n", 1)
    assert command == "$ wijkmodulen zoek schulden"
    result = CliRunner().invoke(app, ["zoek", "schulden", str(SHIPPED)])
    assert result.exit_code == 0, result.output
    assert result.stdout == shown
