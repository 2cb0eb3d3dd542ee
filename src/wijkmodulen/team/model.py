"""The team profile file: the team, the modules it offers, and each member's self-assessed levels."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from wijkmodulen.model.common import Strict

NIVEAUS: dict[int, str] = {
    1: "beginnend",
    2: "in ontwikkeling",
    3: "bekwaam",
    4: "ervaren: kan het anderen leren",
}
"""The self-assessment scale; 0 (or leaving an id out) means: not mastered, not familiar."""

Niveau = Annotated[int, Field(ge=0, le=4)]


_Strict = Strict  # unknown keys are errors; every key has its Dutch title (model/field_docs.py)


class Aanbod(_Strict):
    """The modules the team offers; the three lists add up."""

    modules: list[str] = Field(default_factory=list, description="Module-ids, bijv. wmw-01.")
    clusters: list[str] = Field(default_factory=list, description="Clusters zoals gedrukt, bijv. 'Aanmelding en intake'.")
    beroepen: list[str] = Field(
        default_factory=list,
        description="Alle modulen van een beroep: wijkmaatschappelijk-werk (wmw) of individueel-opbouwwerk (iow).",
    )


class Lid(_Strict):
    """One member, anonymous: initials or a role are enough."""

    naam: str = Field(min_length=1, max_length=40, description="Initialen of rol, bijv. 'AB' of 'wmw-er 1'.")
    rol: str | None = Field(default=None, description="Functie in het team, bijv. 'wijkmaatschappelijk werker'.")
    competenties: dict[str, Niveau] = Field(
        default_factory=dict, description="Per SCW-competentie (4A-4T) of generieke competentie (gk-1..): niveau 0-4."
    )
    kennisdomeinen: dict[str, Niveau] = Field(
        default_factory=dict, description="Per kennisdomein: bekendheid 0-4."
    )
    doelgroepen: dict[str, Niveau] = Field(default_factory=dict, description="Per doelgroep: bekendheid 0-4.")


class TeamProfiel(_Strict):
    """A team profile (wijkmodulen team PROFIEL)."""

    team: str = Field(min_length=1, description="Naam van het team.")
    niveau: int = Field(
        default=3, ge=1, le=4,
        description="Het niveau dat nodig is: wat geen lid minstens op dit niveau beheerst, is een lacune.",
    )
    aanbod: Aanbod
    leden: list[Lid] = Field(min_length=1)
