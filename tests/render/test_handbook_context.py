"""The handbook context: selections, grouping, links outside the selection, footnotes, colophon."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from wijkmodulen.render.context import EpochError, build_date
from wijkmodulen.render.index import dutch_sort_key
from wijkmodulen.render.selection import Selectie, SelectionError

from conftest import MINIMAL, SHIPPED
from render_helpers import handbook


def ids(selectie: Selectie) -> list[str]:
    return [m.id for m in handbook(SHIPPED, selectie).modules]


def test_whole_kb_in_publication_order() -> None:
    h = handbook(SHIPPED)
    assert len(h.modules) == 39
    assert [b.titel for b in h.beroepen] == ["Wijkmaatschappelijk werk", "Individueel opbouwwerk"]
    assert [f.titel for f in h.beroepen[1].functies] == [
        "Modulen voor contactlegging en signalering", "Modulen voor de uitvoeringsfuncties",
        "Modulen voor de contextfuncties",
    ]
    assert [c.titel for c in h.beroepen[0].functies[1].clusters] == [
        "Concrete dienstverlening", "Begeleiding en ondersteuning", "Crisisinterventie",
        "Onderzoek en rapportage", "Bemiddeling", "Casemanagement",
    ]


def test_selections() -> None:
    assert ids(Selectie(beroepen=("wmw",))) == [f"wmw-{n:02d}" for n in range(1, 20)]
    assert ids(Selectie(beroepen=("individueel-opbouwwerk",)))[0] == "iow-01"
    assert ids(Selectie(clusters=("aanmelding en intake",))) == ["wmw-01", "wmw-02", "wmw-03"]
    assert ids(Selectie(clusters=("Voorlichting",))) == ["wmw-19", "iow-20"]
    assert ids(Selectie(modules=("iow-04", "wmw-06"))) == ["wmw-06", "iow-04"]
    assert ids(Selectie(competenties=("4J",))) == ["wmw-02", "wmw-03", "wmw-14", "iow-01"]
    # Different options narrow down; values of one option add up.
    assert ids(Selectie(beroepen=("iow",), competenties=("4J",))) == ["iow-01"]
    assert ids(Selectie(clusters=("Voorlichting", "Bemiddeling"), beroepen=("wmw",))) == ["wmw-16", "wmw-19"]


def test_selection_spelled_as_in_the_kb() -> None:
    h = handbook(SHIPPED, Selectie(beroepen=("WMW",), clusters=("aanmelding EN intake",)))
    assert h.selectie == Selectie(beroepen=("wijkmaatschappelijk-werk",), clusters=("Aanmelding en intake",))


@pytest.mark.parametrize(("selectie", "message"), [
    (Selectie(beroepen=("opbouwwerk",)), ("Onbekend beroep 'opbouwwerk'; kies uit: wijkmaatschappelijk-werk, "
                                          "individueel-opbouwwerk, wmw, iow.")),
    (Selectie(clusters=("Koken",)), "Onbekend cluster 'Koken'; kies uit: Aanmelding en intake; "),
    (Selectie(modules=("wmw-99",)), "Onbekende module 'wmw-99'."),
    (Selectie(competenties=("4Z",)), "Onbekende competentie '4Z'; kies uit: 4A, 4B"),
    (Selectie(beroepen=("iow",), modules=("wmw-01",)), "Geen enkele module past bij deze selectie."),
])
def test_bad_selections(selectie: Selectie, message: str) -> None:
    with pytest.raises(SelectionError) as error:
        handbook(SHIPPED, selectie)
    assert str(error.value).startswith(message)


def test_links_outside_the_selection_are_marked() -> None:
    h = handbook(SHIPPED, Selectie(modules=("wmw-02", "iow-01")))
    wmw_02, iow_01 = h.modules
    assert [(link.anchor, link.present) for link in wmw_02.tegenhangers] == [("iow-01", True), ("iow-02", False)]
    assert iow_01.specificatie_van is not None
    assert iow_01.specificatie_van.extern
    assert all(link.present for link in wmw_02.competenties)
    assert [row.module.anchor for row in h.matrix[0].rijen] == ["wmw-02", "iow-01"]


def test_every_footnote_mark_is_placed_after_its_word() -> None:
    h = handbook(SHIPPED)
    notes = [(m.id, n) for m in h.modules for n in m.notes]
    assert len(notes) == 34
    assert [m_id for m_id, note in notes if not note.placed] == []
    wmw_02 = next(m for m in h.modules if m.id == "wmw-02")
    doelen = next(s for s in wmw_02.sections if s.key == "doelen")
    segments = doelen.blocks[0].tekst
    assert [s.tekst for s in segments[:2]] == ["De wijkbewoner", "*"]
    assert segments[1].noot == "wmw-02-noot-1"
    assert segments[1].ref == "wmw-02-noot-1-ref"


def test_printed_headings_follow_kopjes() -> None:
    h = handbook(SHIPPED)
    iow_20 = next(m for m in h.modules if m.id == "iow-20")
    assert [s.kopje for s in iow_20.sections][:2] == ["Doelgroep", "Doel"]
    assert "Werkwijze of activiteiten" in [s.kopje for s in iow_20.sections]


def test_register_is_sorted_the_dutch_way_and_links_users() -> None:
    h = handbook(SHIPPED)
    letters = [letter.letter for letter in h.register]
    assert letters == sorted(letters, key=dutch_sort_key)
    for letter in h.register:
        terms = [e.term for e in letter.entries]
        assert terms == sorted(terms, key=dutch_sort_key)
    entry = next(e for letter in h.register for e in letter.entries if e.term == "Zet aan tot participatie (4P)")
    assert entry.targets[0].anchor == "competentie-4P"
    assert [t.anchor for t in entry.targets[1:]] == [
        "wmw-07", "wmw-09", "wmw-13", "iow-02", "iow-06", "iow-07", "iow-09", "iow-14"]


def test_matrix_follows_koppelingen() -> None:
    h = handbook(MINIMAL)
    competenties, kennis = h.matrix
    assert competenties.kolom_ids == ("4A", "4L", "gk-1")
    row = {r.module.anchor: r.cellen for r in competenties.rijen}
    assert row["wmw-01"] == (True, False, True)
    assert {r.module.anchor: r.cellen for r in kennis.rijen}["wmw-01"] == (True, False)


def test_build_date_from_source_date_epoch() -> None:
    assert build_date({"SOURCE_DATE_EPOCH": "1700000000"}) == date(2023, 11, 14)
    with pytest.raises(EpochError):
        build_date({"SOURCE_DATE_EPOCH": "gisteren"})


def _git(folder: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": "2024-05-06T12:00:00+00:00",
           "GIT_COMMITTER_DATE": "2024-05-06T12:00:00+00:00", "GIT_AUTHOR_NAME": "Redactie",
           "GIT_AUTHOR_EMAIL": "redactie@example.org", "GIT_COMMITTER_NAME": "Redactie",
           "GIT_COMMITTER_EMAIL": "redactie@example.org"}
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)


def test_colophon_names_the_review_of_the_links() -> None:
    shipped = handbook(SHIPPED).colofon
    assert (shipped.rubric_versies, shipped.tweede_lezing) == ((1,), True)
    minimal = handbook(MINIMAL).colofon  # its modules' links are not reviewed
    assert (minimal.rubric_versies, minimal.tweede_lezing) == ((), False)


def test_colophon_names_the_kb_commit(minimal_kb: Path) -> None:
    assert handbook(minimal_kb).colofon.git is None  # not a repository
    _git(minimal_kb, "init", "-q")
    _git(minimal_kb, "add", ".")
    _git(minimal_kb, "commit", "-q", "-m", "Kennisbank")
    info = handbook(minimal_kb).colofon.git
    assert info is not None
    assert info.datum == date(2024, 5, 6)
    assert len(info.commit) == 40
    assert not info.gewijzigd
    head = subprocess.run(["git", "-C", str(minimal_kb), "rev-parse", "HEAD"], capture_output=True, text=True, encoding="utf-8",
                          check=True).stdout.strip()
    assert info.commit == head
    (minimal_kb / "modules" / "wmw-01-aanmelding.yaml").write_text(
        (minimal_kb / "modules" / "wmw-01-aanmelding.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    changed = handbook(minimal_kb).colofon.git
    assert changed is not None
    assert changed.gewijzigd
