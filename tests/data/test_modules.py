"""The 39 modules of the publication: order, titles, schakelmodulen, references."""

from __future__ import annotations

import re

import pytest

from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.model.module import ExterneModule

from conftest import SHIPPED, shipped_kb

WMW_TITLES = [
    "Aanmelding", "Signaalopvolging", "Outreachende intake", "Informatie en advies",
    "Praktische en materiële dienstverlening/begeleiding", "Eerste hulp bij financiële problemen",
    "Stabilisatie schuldenproblematiek", "Inschakelen sociale netwerk", "Structurering dagelijkse leven",
    "Psychosociale begeleiding", "Licht pedagogische hulp", "Waakvlamcontacten",
    "Opbouwen en versterken van een informeel netwerk rond en met het cliëntsysteem", "Hulp in acute situaties",
    "Rapportage ten behoeve van derden", "Belangenbehartiging en bemiddeling naar instanties", "Casemanagement",
    "Signalering (collectiveren individuele problematiek)", "Voorlichting",
]
IOW_TITLES = [
    "Contactlegging met (tijdelijk) kwetsbare bewoners", "Signaalopvolging en vraagverheldering",
    "Preventief huisbezoek", "Informatie en advies", "Ondersteunende advisering (procesgericht)",
    "Ondersteunen bij opbouwen van dagritme en dagbesteding",
    "Ontwikkelingsgerichte ondersteuning (gericht op verheffing en emancipatie)",
    "Motiverende ondersteuning (eventueel toeleidingstraject)", "Activering (en begeleiding) naar activiteiten",
    "Activering naar maatschappelijke inzet", "Waakvlamcontacten",
    "Belangenbehartiging en bemiddeling naar instanties", "Lichte bemiddeling",
    "Opbouwen en versterken van een informeel netwerk rond en met het cliëntsysteem",
    "Rapportage ten behoeve van derden",
    "Coördinatie en afstemming individuele hulpverlening en collectieve arrangementen",
    "Signalering (collectiveren individuele problematiek)",
    "Kwartiermaken bij collectieve arrangementen (formeel en informeel)",
    "Kwartiermaken bij bewoners en bewonersgroepen", "Voorlichting",
]
SCHAKELMODULEN = {
    "wmw-02", "wmw-04", "wmw-12", "wmw-13", "wmw-15", "wmw-16", "wmw-18", "wmw-19",
    "iow-01", "iow-02", "iow-04", "iow-11", "iow-12", "iow-14", "iow-15", "iow-17", "iow-20",
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return shipped_kb()


def test_19_plus_20_modules_in_publication_order(kb: KnowledgeBase) -> None:
    ordered = [e.model for e in kb.modules_in_order()]
    wmw = [m for m in ordered if m.beroep == "wijkmaatschappelijk-werk"]
    iow = [m for m in ordered if m.beroep == "individueel-opbouwwerk"]
    assert [m.titel for m in wmw] == WMW_TITLES
    assert [m.titel for m in iow] == IOW_TITLES
    assert [m.nummer for m in wmw] == list(range(1, 20))
    assert [m.nummer for m in iow] == list(range(1, 21))
    assert [m.id for m in wmw] == [f"wmw-{n:02d}" for n in range(1, 20)]
    assert [m.id for m in iow] == [f"iow-{n:02d}" for n in range(1, 21)]


def test_schakelmodule_set_and_mutual_counterparts(kb: KnowledgeBase) -> None:
    assert {i for i, e in kb.modules.items() if e.model.schakelmodule} == SCHAKELMODULEN
    for identifier in SCHAKELMODULEN:
        module = kb.modules[identifier].model
        assert module.tegenhangers, identifier
        for other in module.tegenhangers:
            assert kb.modules[other].model.beroep != module.beroep
            assert identifier in kb.modules[other].model.tegenhangers
    # the extra opbouwwerk schakelmodule: both iow-01 and iow-02 pair with wmw-02, with a reason
    assert kb.modules["wmw-02"].model.tegenhangers == ["iow-01", "iow-02"]
    assert kb.modules["iow-01"].model.tegenhangers_toelichting
    assert kb.modules["iow-02"].model.tegenhangers_toelichting


def test_specificaties_and_verwijzingen_exist(kb: KnowledgeBase) -> None:
    assert kb.modules["wmw-06"].model.specificatie_van == "wmw-05"
    assert kb.modules["wmw-07"].model.specificatie_van == "wmw-05"
    assert isinstance(kb.modules["iow-01"].model.specificatie_van, ExterneModule)
    for entry in kb.modules.values():
        module = entry.model
        if isinstance(module.specificatie_van, str):
            assert module.specificatie_van in kb.modules
        for target in module.verwijzingen:
            assert target in kb.modules, (module.id, target)


def test_every_module_has_its_sections_and_pages(kb: KnowledgeBase) -> None:
    for entry in kb.modules.values():
        module = entry.model
        assert module.werkwijze, module.id
        assert module.randvoorwaarden, module.id
        assert module.doelen, module.id
        assert module.bron.paginas, module.id
    assert sum(1 for e in kb.modules.values() if e.model.aanvullende_informatie) == 7


def test_introduction_chapters(kb: KnowledgeBase) -> None:
    titles = [e.model.titel for e in sorted(kb.inleiding.values(), key=lambda e: e.model.volgorde)]
    assert titles == [
        "Introductie op de modulen", "Grondhouding", "Schakelmodulen",
        "Basisvormen van waaruit outreachend werken vertrekt", "Ongewenste bemoeienis?", "Randvoorwaarden",
        "De modulen",
    ]


def test_no_ocr_debris_in_data() -> None:
    # é read for ë/ï in the words the OCR damaged, the ™ footnote mark, the "4+" heading icon
    debris = re.compile(r"cliént|materiéle|financiéle|ideeén|creéer|strategieén|™|4\+|\bgeinformeerd\b")
    hits = []
    for path in sorted(SHIPPED.rglob("*")):
        if path.is_file():
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if debris.search(line):
                    hits.append(f"{path.relative_to(SHIPPED)}:{number}: {line.strip()}")
    assert hits == []


def test_every_slip_marked_sic_is_printed_in_its_module() -> None:
    # [sic] marks the authors' own slips, kept as printed: each phrase must be in the module's text.
    kb = shipped_kb()
    marked = {}
    for entry in kb.modules.values():
        text = " ".join(" ".join(entry.model.sectie_teksten()).split())
        for phrase in entry.model.sic:
            assert phrase in text, (entry.model.id, phrase)
        marked.update(dict.fromkeys(entry.model.sic, entry.model.id))
    assert set(marked) == {
        "watchfull waiting", "Hij toets", "specifiteit", "de volgens aspecten", "de informatie van deze informatie"
    }
