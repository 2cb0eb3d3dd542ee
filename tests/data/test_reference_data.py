"""The reference data of the shipped KB: exact id sets and the printed item counts."""

from __future__ import annotations

import pytest

from wijkmodulen.load.kb import KnowledgeBase

from conftest import SHIPPED, shipped_kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return shipped_kb()


def test_scw_competence_ids(kb: KnowledgeBase) -> None:
    assert sorted(kb.scw_competenties) == [f"4{letter}" for letter in "ABCDEFGHIJKLMNOPQRST"]


def test_scw_themes(kb: KnowledgeBase) -> None:
    titles = [e.model.titel for e in sorted(kb.scw_themas.values(), key=lambda e: e.model.volgorde or 0)]
    assert titles == [
        "Contactueel en communicatief", "Vraag- en oplossingsgericht", "Doel- en resultaatgericht",
        "Ondernemend en innovatief", "Inzichtelijk en verantwoord", "Professioneel en kwaliteitsgericht",
    ]
    assert all(e.model.omschrijving for e in kb.scw_themas.values())


def test_generic_competences_as_printed(kb: KnowledgeBase) -> None:
    assert sorted(kb.generieke_competenties) == [f"gk-{n}" for n in range(1, 8)]
    assert kb.generieke_competenties["gk-1"].model.titel == "Contact leggen en aangaan van betekenisvolle relaties"
    assert kb.generieke_competenties["gk-7"].model.titel == "Hanteren van verschillende beroepsrollen"


def test_knowledge_domains_and_target_groups(kb: KnowledgeBase) -> None:
    assert sorted(kb.kennisdomeinen) == sorted([
        "lichamelijke-gezondheid", "dagelijks-functioneren", "inkomen", "participatie",
        "opvoeden-en-opgroeien", "veiligheid", "psychische-gezondheid",
    ])
    assert sorted(kb.doelgroepen) == sorted([
        "jeugd-en-opvoeders", "ouderen", "niet-aangeboren-hersenletsel", "licht-verstandelijke-beperking",
        "migratieachtergrond", "lhbti", "laaggeletterdheid",
    ])
    # names only: the source gives no descriptions, so none may be invented
    assert all(e.model.omschrijving is None for e in [*kb.kennisdomeinen.values(), *kb.doelgroepen.values()])


def test_generic_scw_competences_name_an_existing_theme(kb: KnowledgeBase) -> None:
    for letter in "ABCDEFGHIJK":
        competence = kb.scw_competenties[f"4{letter}"].model
        assert competence.thema in kb.scw_themas, competence.id
        assert not competence.vakspecifiek
    for letter in "LMNOPQRST":
        competence = kb.scw_competenties[f"4{letter}"].model
        assert competence.vakspecifiek, competence.id
        assert competence.thema is None, competence.id


# (proces, resultaat) items per competence as printed in Bijlage 1 "Profiel SCW"
PRINTED_COUNTS = {
    "4A": (8, 3), "4B": (4, 1), "4C": (8, 2), "4D": (3, 1), "4E": (5, 2), "4F": (6, 3), "4G": (5, 2),
    "4H": (5, 2), "4I": (5, 2), "4J": (7, 2), "4K": (5, 3), "4L": (6, 2), "4M": (4, 2), "4N": (7, 2),
    "4O": (8, 2), "4P": (4, 3), "4Q": (6, 2), "4R": (7, 3), "4S": (6, 2), "4T": (5, 4),
}


@pytest.mark.parametrize(("competence", "counts"), PRINTED_COUNTS.items())
def test_proces_and_resultaat_counts(kb: KnowledgeBase, competence: str, counts: tuple[int, int]) -> None:
    model = kb.scw_competenties[competence].model
    assert (len(model.proces), len(model.resultaat)) == counts


def test_every_file_has_provenance_and_notice_exists(kb: KnowledgeBase) -> None:
    assert kb.bronnen is not None
    titles = {p.titel for p in kb.bronnen.model.bronnen}
    for entry in kb.entries():
        assert entry.model.bron.publicatie in titles, entry.source.path
    notice = (SHIPPED / "NOTICE.md").read_text(encoding="utf-8")
    assert "licentie" in notice.lower()
