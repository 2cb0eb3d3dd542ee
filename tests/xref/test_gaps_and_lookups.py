"""Coverage gaps, lookups and `show` on a small fixture KB and on the shipped data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wijkmodulen.load.kb import load_knowledge_base
from wijkmodulen.xref.gaps import find_gaps, gaps_json, gaps_markdown, gaps_text
from wijkmodulen.xref.ids import UnknownId
from wijkmodulen.xref.lookup import WrongKind, lookup, lookup_json, lookup_text
from wijkmodulen.xref.show import describe, describe_text

from conftest import shipped_kb


def _ids(items: tuple[object, ...]) -> list[str]:
    return [item.id for item in items]  # type: ignore[attr-defined]


def test_gaps_overall_and_per_profession(xref_kb: Path) -> None:
    gaps = find_gaps(load_knowledge_base(xref_kb))
    unreached = {kind: _ids(items) for kind, items in gaps.scope.unreached}
    assert unreached == {
        "scw-competentie": [],
        "scw-thema": [],
        "generieke-competentie": [],
        "kennisdomein": [],
        "doelgroep": ["ouderen"],
    }
    assert _ids(gaps.scope.zonder_competenties) == ["wmw-02", "wmw-03"]
    assert _ids(gaps.scope.zonder_kennisdomeinen) == ["wmw-02", "wmw-03"]
    assert gaps.scope.zonder_tegenhanger == ()
    assert gaps.scope.count == 5
    assert gaps.has_gaps
    wmw, iow = gaps.per_beroep
    assert dict(wmw.unreached)["scw-competentie"][0].id == "4L"
    assert _ids(dict(iow.unreached)["generieke-competentie"]) == ["gk-1"]


def test_theme_is_reached_through_its_competences(xref_kb: Path) -> None:
    for name in ("wmw-01-aanmelding.yaml", "iow-02-signaalopvolging.yaml"):
        path = xref_kb / "modules" / name
        text = path.read_text(encoding="utf-8").replace("competenties: [4A, ", "competenties: [")
        text = "\n".join(line for line in text.splitlines() if not line.strip().startswith("4A:"))
        path.write_text(text + "\n", encoding="utf-8")
    unreached = dict(find_gaps(load_knowledge_base(xref_kb)).scope.unreached)
    assert _ids(unreached["scw-competentie"]) == ["4A"]
    assert _ids(unreached["scw-thema"]) == ["contactueel-en-communicatief"]


def test_schakelmodule_without_counterpart_shows_its_reason(xref_kb: Path) -> None:
    for name, other in (("wmw-02-signaalopvolging.yaml", "iow-02"), ("iow-02-signaalopvolging.yaml", "wmw-02")):
        path = xref_kb / "modules" / name
        path.write_text(
            path.read_text(encoding="utf-8").replace(
                f"tegenhangers: [{other}]", "tegenhangers: []\ntegenhangers_toelichting: Nog niet beschreven."
            ),
            encoding="utf-8",
        )
    gaps = find_gaps(load_knowledge_base(xref_kb))
    assert [(i.id, i.detail) for i in gaps.scope.zonder_tegenhanger] == [
        ("wmw-02", "Nog niet beschreven."),
        ("iow-02", "Nog niet beschreven."),
    ]
    assert "reden: Nog niet beschreven." in gaps_text(gaps)


def test_gaps_for_one_profession(xref_kb: Path) -> None:
    gaps = find_gaps(load_knowledge_base(xref_kb), beroep="individueel-opbouwwerk")
    assert gaps.per_beroep == ()
    assert _ids(dict(gaps.scope.unreached)["generieke-competentie"]) == ["gk-1"]
    assert gaps.scope.zonder_competenties == ()


def test_gaps_text(xref_kb: Path) -> None:
    assert gaps_text(find_gaps(load_knowledge_base(xref_kb))) == """\
Lacunes: alle modulen
  SCW-competenties die geen module raakt: geen
  SCW-thema's waarvan geen module een competentie raakt: geen
  Generieke competenties die geen module raakt: geen
  Kennisdomeinen die geen module nodig heeft: geen
  Doelgroepen waarop geen module is toegespitst (1):
    ouderen  ouderen
  Modulen zonder gekoppelde competentie (2):
    wmw-02  Signaalopvolging
    wmw-03  Eerste hulp
  Modulen zonder gekoppeld kennisdomein (2):
    wmw-02  Signaalopvolging
    wmw-03  Eerste hulp
  Schakelmodulen zonder tegenhanger: geen

Lacunes: Wijkmaatschappelijk werk (alleen wat het andere beroep wel bereikt)
  SCW-competenties die geen module raakt (1):
    4L  Geeft inzicht in sociale vraagstukken
  SCW-thema's waarvan geen module een competentie raakt: geen
  Generieke competenties die geen module raakt: geen
  Kennisdomeinen die geen module nodig heeft: geen
  Doelgroepen waarop geen module is toegespitst: geen

Lacunes: Individueel opbouwwerk (alleen wat het andere beroep wel bereikt)
  SCW-competenties die geen module raakt: geen
  SCW-thema's waarvan geen module een competentie raakt: geen
  Generieke competenties die geen module raakt (1):
    gk-1  Contact leggen en aangaan van betekenisvolle relaties
  Kennisdomeinen die geen module nodig heeft: geen
  Doelgroepen waarop geen module is toegespitst: geen

5 lacunes (alle modulen)."""


def test_gaps_markdown_and_json(xref_kb: Path) -> None:
    gaps = find_gaps(load_knowledge_base(xref_kb))
    markdown = gaps_markdown(gaps)
    assert "### Lacunes: alle modulen\n\n- SCW-competenties die geen module raakt: geen\n" in markdown
    assert "- Modulen zonder gekoppelde competentie (2):\n  - `wmw-02` Signaalopvolging\n" in markdown
    data = json.loads(gaps_json(gaps))
    assert data["aantal"] == 5
    assert data["niet_bereikt"]["doelgroep"] == [{"id": "ouderen", "titel": "ouderen", "detail": None}]
    assert [s["beroep"] for s in data["per_beroep"]] == ["wijkmaatschappelijk-werk", "individueel-opbouwwerk"]


def test_shipped_gaps_are_the_unserved_target_groups() -> None:
    gaps = find_gaps(shipped_kb())
    unreached = dict(gaps.scope.unreached)
    assert _ids(unreached["doelgroep"]) == [
        "ouderen", "niet-aangeboren-hersenletsel", "licht-verstandelijke-beperking", "migratieachtergrond", "lhbti",
        "laaggeletterdheid",
    ]
    # Reviewed links are never padded: what no module reaches is reported, not forced (docs/rubric.md).
    assert _ids(unreached["scw-competentie"]) == ["4G", "4K"]
    assert _ids(unreached["scw-thema"]) == ["inzichtelijk-en-verantwoord"]
    assert _ids(unreached["generieke-competentie"]) == []
    assert _ids(unreached["kennisdomein"]) == ["lichamelijke-gezondheid"]
    assert gaps.scope.count == 23  # 10 unreached ids and 13 modules without a domain
    # A module that links no domain is listed with its recorded reason (koppelingen.zonder_grond).
    kb = shipped_kb()
    for item in gaps.scope.zonder_kennisdomeinen:
        links = kb.modules[item.id].model.koppelingen
        assert links is not None
        assert item.detail == links.zonder_grond.get("kennisdomeinen")


def test_lookup_competence_per_profession(xref_kb: Path) -> None:
    result = lookup(load_knowledge_base(xref_kb), "4a", ("scw-competentie",))
    assert result.id == "4A"
    assert [(b, _ids(hits)) for b, hits in result.per_beroep] == [
        ("wijkmaatschappelijk-werk", ["wmw-01"]),
        ("individueel-opbouwwerk", ["iow-02"]),
    ]
    assert lookup_text(result) == """\
4A Maakt zich bekend (SCW-competentie): 2 modulen

Wijkmaatschappelijk werk (1)
  wmw-01  Aanmelding
          “Aanmelden is het eerste gerichte contact”: contact maken.

Individueel opbouwwerk (1)
  iow-02  Signaalopvolging en vraagverheldering
          “gaat op signalen af”: contact maken."""


def test_lookup_theme_and_domain(xref_kb: Path) -> None:
    kb = load_knowledge_base(xref_kb)
    theme = lookup(kb, "contactueel-en-communicatief", ("scw-thema",))
    assert [(hit.id, hit.via) for _, hits in theme.per_beroep for hit in hits] == [("wmw-01", "4A"), ("iow-02", "4A")]
    domain = lookup(kb, "inkomen", ("kennisdomein",))
    assert domain.count == 2
    assert lookup_text(domain).splitlines()[0] == "inkomen (kennisdomein): 2 modulen"
    assert json.loads(lookup_json(domain))["per_beroep"]["individueel-opbouwwerk"][0]["id"] == "iow-02"
    nobody = lookup(kb, "ouderen", ("doelgroep",))
    assert nobody.count == 0
    assert "  geen modulen" in lookup_text(nobody)


def test_lookup_errors(xref_kb: Path) -> None:
    kb = load_knowledge_base(xref_kb)
    with pytest.raises(WrongKind):
        lookup(kb, "inkomen", ("scw-competentie",))
    with pytest.raises(UnknownId) as error:
        lookup(kb, "4M", ("scw-competentie",))
    assert error.value.suggestion is None  # 4A is not close enough to suggest
    with pytest.raises(UnknownId) as error:
        lookup(kb, "gk1", ("generieke-competentie",))
    assert error.value.suggestion == "gk-1"
    with pytest.raises(UnknownId) as error:
        lookup(kb, "wmw-011", ("scw-competentie",))
    assert error.value.suggestion == "wmw-01"


def test_shipped_lookup_4p() -> None:
    result = lookup(shipped_kb(), "4P", ("scw-competentie",))
    per_beroep = {b: _ids(hits) for b, hits in result.per_beroep}
    assert per_beroep["wijkmaatschappelijk-werk"] == ["wmw-07", "wmw-09", "wmw-13"]
    assert per_beroep["individueel-opbouwwerk"] == ["iow-02", "iow-06", "iow-07", "iow-09", "iow-14"]


def test_show_module_links_both_ways(xref_kb: Path) -> None:
    assert describe_text(describe(load_knowledge_base(xref_kb), "wmw-01")) == """\
wmw-01 Aanmelding
  Beroep:        Wijkmaatschappelijk werk
  Functie:       Modulen voor de toegangsfuncties
  Cluster:       Aanmelding en intake
  Nummer:        1
  Schakelmodule: nee
  Pagina's:      26

Tegenhangers (0)
  geen

Specificatie van (0)
  geen

Gespecificeerd in (1)
  wmw-03  Eerste hulp

Verwijst naar (0)
  geen

Genoemd in (0)
  geen

Competenties (redactioneel) (2)
  4A    Maakt zich bekend
        “Aanmelden is het eerste gerichte contact”: contact maken.
  gk-1  Contact leggen en aangaan van betekenisvolle relaties
        “bespreekt met de aanmelder de aanmelding”: contact leggen.

Kennisdomeinen (redactioneel) (1)
  inkomen
    “Kwetsbare wijkbewoners die zichzelf melden.”: vaak met geldzorgen.

Doelgroepen (redactioneel) (0)
  geen"""


def test_show_counterparts_references_and_competence(xref_kb: Path) -> None:
    kb = load_knowledge_base(xref_kb)
    groups = {g.label: [link.id for link in g.links] for g in describe(kb, "wmw-02").groups}
    assert groups["Tegenhangers"] == ["iow-02"]
    assert groups["Genoemd in"] == ["wmw-03"]
    competence = describe(kb, "4L")
    assert competence.facts == (("Soort", "SCW-competentie"), ("Vakspecifiek", "ja"))
    assert [(g.label, [link.id for link in g.links]) for g in competence.groups] == [
        ("Modulen Wijkmaatschappelijk werk", []),
        ("Modulen Individueel opbouwwerk", ["iow-02"]),
    ]
    theme = describe(kb, "contactueel-en-communicatief")
    assert [link.id for link in theme.groups[0].links] == ["4A"]
    assert describe(kb, "4A").facts[1] == ("Thema", "contactueel-en-communicatief (Contactueel en communicatief)")


def test_show_external_specification_on_shipped_data() -> None:
    text = describe_text(describe(shipped_kb(), "iow-01"))
    assert "Specificatie van (1)\n  Contactlegging met wijkbewoners\n  (module buiten deze kennisbank)" in text
    assert "Tegenhangers (1)\n  wmw-02  Signaalopvolging" in text
