"""The team report on the example profile and the shipped KB: coverage counts, gap order and suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest

from wijkmodulen.load.kb import KnowledgeBase, load_knowledge_base
from wijkmodulen.team.load import load_profile
from wijkmodulen.team.report import TeamReport, build_report

from conftest import shipped_kb
from team_helpers import EXAMPLE, KLEIN, MINIMAL, write


@pytest.fixture(scope="module")
def shipped() -> KnowledgeBase:
    return shipped_kb()


def report_for(kb: KnowledgeBase, path: Path, niveau: int | None = None) -> TeamReport:
    loaded = load_profile(path, kb)
    assert loaded.findings == ()
    assert loaded.profiel is not None
    return build_report(kb, loaded.profiel, niveau)


def test_offer_by_cluster_and_id_in_publication_order(shipped: KnowledgeBase) -> None:
    report = report_for(shipped, EXAMPLE)
    assert [m.id for m in report.modules] == [
        "wmw-01", "wmw-02", "wmw-03", "wmw-11", "iow-01", "iow-02", "iow-03", "iow-04",
    ]
    assert report.leden == ("AB", "CD", "EF", "GH")


def test_coverage_counts(shipped: KnowledgeBase) -> None:
    report = report_for(shipped, EXAMPLE)
    # id: (offered modules needing it, members at level 1, 2, 3, 4, gap)
    coverage = {b.id: (len(b.modules), b.per_niveau, b.tekort) for b in report.behoeften}
    assert coverage == {
        "4A": (3, (0, 0, 1, 0), None),
        "4B": (7, (0, 1, 2, 1), None),
        "4C": (3, (0, 0, 1, 0), None),
        "4E": (1, (0, 0, 0, 0), "niet-gedekt"),
        "4J": (3, (0, 1, 0, 0), "onder-niveau"),
        "4P": (1, (0, 0, 1, 0), None),
        "gk-1": (4, (0, 0, 1, 1), None),
        "gk-2": (5, (1, 2, 0, 0), "onder-niveau"),
        "gk-3": (3, (0, 0, 1, 0), None),
        "gk-5": (3, (1, 1, 0, 0), "onder-niveau"),
        "gk-6": (1, (0, 0, 0, 0), "niet-gedekt"),
        "participatie": (2, (0, 1, 0, 0), "onder-niveau"),
        "opvoeden-en-opgroeien": (1, (0, 0, 0, 0), "niet-gedekt"),
        "veiligheid": (5, (0, 0, 0, 0), "niet-gedekt"),
        "jeugd-en-opvoeders": (1, (0, 1, 0, 0), "onder-niveau"),
    }
    veiligheid = next(b for b in report.behoeften if b.id == "veiligheid")
    assert veiligheid.modules == ("wmw-02", "wmw-03", "wmw-11", "iow-01", "iow-02")
    vraag = next(b for b in report.behoeften if b.id == "4B")
    assert vraag.niveaus == (4, 3, 3, 2)


def test_gap_order_most_needed_first_then_uncovered_then_lowest(shipped: KnowledgeBase) -> None:
    report = report_for(shipped, EXAMPLE)
    assert [(s.behoefte.id, len(s.behoefte.modules)) for s in report.lacunes] == [
        ("veiligheid", 5),  # as many modules as gk-2, but nobody covers it
        ("gk-2", 5),
        ("4J", 3),  # 4J and gk-5: both best level 2, the KB's order decides
        ("gk-5", 3),
        ("participatie", 2),
        ("4E", 1),  # nobody covers 4E, gk-6, opvoeden-en-opgroeien: the KB's order decides
        ("gk-6", 1),
        ("opvoeden-en-opgroeien", 1),
        ("jeugd-en-opvoeders", 1),  # uncovered before best level 2
    ]


def test_suggestions(shipped: KnowledgeBase) -> None:
    report = report_for(shipped, EXAMPLE)
    verder = {s.behoefte.id: [m.id for m in s.verder] for s in report.lacunes}
    assert verder == {
        "veiligheid": ["wmw-14", "iow-06", "iow-13"],
        "gk-2": ["wmw-12", "wmw-18", "iow-11", "iow-13", "iow-17"],
        "4J": ["wmw-14"],
        "gk-5": ["wmw-04", "wmw-05", "wmw-06", "wmw-13", "wmw-14", "wmw-15", "wmw-17", "wmw-19", "iow-06", "iow-08",
                 "iow-15", "iow-16", "iow-20"],
        "participatie": ["wmw-07", "wmw-08", "wmw-09", "wmw-13", "wmw-15", "wmw-19", "iow-06", "iow-07", "iow-09",
                         "iow-10", "iow-14", "iow-15", "iow-16", "iow-18", "iow-19", "iow-20"],
        "4E": [],
        "gk-6": ["wmw-09", "iow-06", "iow-09", "iow-10", "iow-18"],
        "opvoeden-en-opgroeien": [],
        "jeugd-en-opvoeders": [],
    }
    described = {s.behoefte.id: s.omschrijving for s in report.lacunes if s.omschrijving}
    # Only the SCW competences have a description in the source.
    assert sorted(described) == ["4E", "4J"]
    assert described["4E"] == shipped.scw_competenties["4E"].model.omschrijving


def test_a_lower_level_leaves_fewer_gaps(shipped: KnowledgeBase) -> None:
    report = report_for(shipped, EXAMPLE, niveau=2)
    assert report.niveau == 2
    assert [s.behoefte.id for s in report.lacunes] == ["veiligheid", "4E", "gk-6", "opvoeden-en-opgroeien"]
    report = report_for(shipped, EXAMPLE, niveau=4)
    assert len(report.lacunes) == 13  # all but 4B and gk-1


def test_minimal_kb_tie_breakers(tmp_path: Path) -> None:
    kb = load_knowledge_base(MINIMAL)
    report = report_for(kb, write(tmp_path, KLEIN))
    assert [m.id for m in report.modules] == ["wmw-01", "wmw-02", "wmw-03", "iow-02"]
    assert [(s.behoefte.id, s.behoefte.tekort, s.behoefte.hoogste) for s in report.lacunes] == [
        ("gk-1", "niet-gedekt", 0),
        ("ouderen", "niet-gedekt", 0),
        ("4L", "onder-niveau", 1),
        ("inkomen", "onder-niveau", 2),
    ]


def test_a_team_without_gaps(tmp_path: Path) -> None:
    kb = load_knowledge_base(MINIMAL)
    profile = KLEIN.replace("{4A: 3}", "{4A: 3, gk-1: 4, 4L: 3}\n    kennisdomeinen: {inkomen: 3}\n"
                                       "    doelgroepen: {ouderen: 3}")
    report = report_for(kb, write(tmp_path, profile))
    assert report.lacunes == ()
