"""A module: one unit of practice, with the fixed sections of the publication."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from wijkmodulen.model.common import MODULE_ID, TITEL_MAX, Blok, Bron, Herkomst, Sectie, Strict

Beroep = Literal["wijkmaatschappelijk-werk", "individueel-opbouwwerk"]
Functie = Literal["toegangsfuncties", "contactlegging-en-signalering", "uitvoeringsfuncties", "contextfuncties"]

BEROEP_LABELS: dict[str, str] = {
    "wijkmaatschappelijk-werk": "Wijkmaatschappelijk werk",
    "individueel-opbouwwerk": "Individueel opbouwwerk",
}
# Function groups per profession in publication order, with their printed headings.
FUNCTIES: dict[str, dict[str, str]] = {
    "wijkmaatschappelijk-werk": {
        "toegangsfuncties": "Modulen voor de toegangsfuncties",
        "uitvoeringsfuncties": "Modulen voor de uitvoeringsfuncties",
        "contextfuncties": "Modulen voor de contextfuncties",
    },
    "individueel-opbouwwerk": {
        "contactlegging-en-signalering": "Modulen voor contactlegging en signalering",
        "uitvoeringsfuncties": "Modulen voor de uitvoeringsfuncties",
        "contextfuncties": "Modulen voor de contextfuncties",
    },
}
# The functions whose modules are casework with one resident or household (the rest, the context
# functions, are collective work): where a collective competence (4L-4T) needs a stated reason.
INDIVIDUELE_FUNCTIES: dict[str, frozenset[str]] = {
    "wijkmaatschappelijk-werk": frozenset({"toegangsfuncties", "uitvoeringsfuncties"}),
    "individueel-opbouwwerk": frozenset({"contactlegging-en-signalering", "uitvoeringsfuncties"}),
}
SECTIES = (
    "doelgroep", "doelen", "duur_en_frequentie", "setting", "werkwijze", "aanvullende_informatie",
    "randvoorwaarden",
)
STANDAARD_KOPJES: dict[str, str] = {
    "doelgroep": "Doelgroep",
    "doelen": "Doelen",
    "duur_en_frequentie": "Duur en frequentie",
    "setting": "Setting",
    "werkwijze": "Werkwijze/activiteiten",
    "aanvullende_informatie": "Aanvullende informatie",
    "randvoorwaarden": "Randvoorwaarden",
}

# Field descriptions are the publication's own definitions ("De modulen kennen een strikte opbouw").
_DOELGROEP = (
    "Bij de doelgroep wordt benoemd welke bewoners of cliënten door de professional met de module bereikt "
    "dienen te worden."
)
_DOELEN = (
    "De doelen beschrijven telkens welke beoogde resultaten met de inzet van de module in beeld dienen te komen."
)
_DUUR = (
    "Onder duur en frequentie staat hoe lang de beoogde inzet in beslag neemt en wat de frequentie van de "
    "contacten is."
)
_SETTING = "Bij setting wordt beschreven waar het contact of de interventie plaatsvindt."
_WERKWIJZE = (
    "De werkwijze en activiteiten geven een aanduiding van het handelingsrepertoire waarover de professional "
    "bij de betreffende module moet of kan beschikken."
)
_AANVULLEND = (
    "Aanvullende informatie wordt gegeven over zaken die onder de reguliere rubrieken in de modulen geen "
    "logische plaats hebben."
)
_RANDVOORWAARDEN = "De randvoorwaarden gaan voornamelijk over organisatorische randvoorwaarden."


class ExterneModule(Strict):
    """A module outside this knowledge base (e.g. of regular opbouwwerk)."""

    extern: str = Field(min_length=1, description="Naam van de module zoals de tekst die noemt.")


class Voetnoot(Strict):
    teken: str = Field(min_length=1, description="Het voetnootteken, bijv. '*'.")
    sectie: Literal[
        "doelgroep", "doelen", "duur_en_frequentie", "setting", "werkwijze", "aanvullende_informatie",
        "randvoorwaarden",
    ] = Field(description="De sectie waarin het teken staat.")
    anker: str = Field(min_length=1, description="Het woord waar het voetnootteken achter staat.")
    tekst: str = Field(min_length=1)


class Kopjes(Strict):
    """Printed section headings where they differ from the defaults."""

    doelgroep: str | None = None
    doelen: str | None = None
    duur_en_frequentie: str | None = None
    setting: str | None = None
    werkwijze: str | None = None
    aanvullende_informatie: str | None = None
    randvoorwaarden: str | None = None


Dimensie = Literal["competenties", "kennisdomeinen", "doelgroepen"]
DIMENSIES: tuple[str, ...] = ("competenties", "kennisdomeinen", "doelgroepen")


class TweedeLezing(Strict):
    """A second reader's pass over a reviewed module's links: who, and when."""

    door: str = Field(
        min_length=1,
        title="Tweede lezing door",
        description="Wie of wat de beoordeling nog eens heeft gelezen, bijv. 'redactie'.",
    )
    datum: date = Field(title="Datum", description="De dag van de tweede lezing (JJJJ-MM-DD).")


class Beoordeling(Strict):
    """The record of a review of a module's links against a version of the rubric (docs/rubric.md)."""

    door: str = Field(
        min_length=1,
        title="Beoordeeld door",
        description="Wie of wat de koppelingen heeft beoordeeld, bijv. 'redactie'.",
    )
    datum: date = Field(title="Datum", description="De dag van de beoordeling (JJJJ-MM-DD).")
    rubric: int = Field(
        ge=1, title="Rubricversie", description="De versie van de rubric (docs/rubric.md) waartegen is beoordeeld."
    )
    tweede_lezing: TweedeLezing | None = Field(
        default=None,
        title="Tweede lezing",
        description="Een tweede lezer die elke koppeling, elk citaat en elke reden van de beoordeling heeft nagelopen.",
    )


class Koppelingen(Strict):
    """Editorial links: not in the publication, chosen by the editors (see docs/kennisbank.md, 'Koppelingen')."""

    herkomst: Herkomst = Field(description="Altijd 'redactioneel': de publicatie legt deze koppelingen niet.")
    competenties: list[str] = Field(default_factory=list, description="SCW-competenties (4A-4T) en gk-1..gk-7.")
    kennisdomeinen: list[str] = Field(default_factory=list)
    doelgroepen: list[str] = Field(
        default_factory=list, description="Doelgroepen van de kennisbouwstenen, alleen als de module daarop is toegespitst."
    )
    toelichting: dict[str, str] = Field(
        default_factory=dict, description="Per gekoppeld id: de zin uit de module die de koppeling draagt."
    )
    collectief: dict[str, str] = Field(
        default_factory=dict,
        title="Collectieve kant",
        description=(
            "Per vakspecifieke, collectieve competentie (4L-4T) bij een module van individuele hulpverlening: "
            "welke collectieve kant van de module de koppeling rechtvaardigt."
        ),
    )
    zonder_grond: dict[Dimensie, str] = Field(
        default_factory=dict,
        title="Geen koppeling, omdat",
        description=(
            "Per lege dimensie (competenties, kennisdomeinen, doelgroepen): waarom de moduletekst geen grond "
            "geeft voor een koppeling."
        ),
    )
    beoordeling: Beoordeling | None = Field(
        default=None,
        title="Beoordeling",
        description="Wie de koppelingen wanneer tegen welke rubricversie heeft beoordeeld.",
    )


class Module(Strict):
    id: str = Field(pattern=MODULE_ID, description="<beroep-prefix>-<nummer>: wmw-06, iow-11.")
    titel: str = Field(min_length=1, max_length=TITEL_MAX)
    beroep: Beroep
    functie: Functie
    cluster: str = Field(min_length=1)
    nummer: int = Field(ge=1)
    schakelmodule: bool
    tegenhangers: list[str] = Field(default_factory=list, description="Ids van de versie(s) van het andere beroep.")
    tegenhangers_toelichting: str | None = Field(
        default=None, description="Waarom de tegenhangers zo zijn gekozen, of waarom er geen is."
    )
    specificatie_van: str | ExterneModule | None = None
    doelgroep: Sectie = Field(description=_DOELGROEP)
    doelen: Sectie = Field(description=_DOELEN)
    duur_en_frequentie: Sectie = Field(description=_DUUR)
    setting: Sectie = Field(description=_SETTING)
    werkwijze: list[Blok] = Field(min_length=1, description=_WERKWIJZE)
    aanvullende_informatie: Sectie | None = Field(default=None, description=_AANVULLEND)
    randvoorwaarden: Sectie = Field(description=_RANDVOORWAARDEN)
    kopjes: Kopjes | None = None
    voetnoten: list[Voetnoot] = Field(default_factory=list)
    sic: list[str] = Field(
        default_factory=list,
        title="Zo in de bron",
        description=(
            "Woorden uit de moduletekst die als vergissing ogen maar zo in de publicatie staan (een fout van "
            "de auteurs, geen OCR-schade); het handboek zet er [sic] achter."
        ),
    )
    verwijzingen: list[str] = Field(default_factory=list, description="Andere modulen die de tekst noemt.")
    bron: Bron
    # Editorial additions come after the publication's own text and its source.
    koppelingen: Koppelingen | None = None

    def sectie_teksten(self) -> list[str]:
        """Every paragraph, actor line and list item of the sections, in printed order."""
        texts: list[str] = []
        for name in SECTIES:
            collect_texts(getattr(self, name), texts)
        return texts

    def kopje(self, sectie: str) -> str:
        """The printed heading of ``sectie``."""
        custom = getattr(self.kopjes, sectie, None) if self.kopjes else None
        return custom or STANDAARD_KOPJES[sectie]


def collect_texts(value: object, texts: list[str]) -> None:
    """Append every string in ``value`` (a text, a list, a model, nested) to ``texts``, in order."""
    if isinstance(value, str):
        texts.append(value)
    elif isinstance(value, list):
        for item in value:
            collect_texts(item, texts)
    elif isinstance(value, BaseModel):
        for field_value in value.__dict__.values():
            collect_texts(field_value, texts)
