"""Competences: the SCW profile (themes, 4A-4T) and the generic competences of the wijkprofessional."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from wijkmodulen.model.common import (
    GENERIEKE_COMPETENTIE_ID,
    SCW_COMPETENTIE_ID,
    SLUG_ID,
    Bron,
    Item,
    Sectie,
    Strict,
)


class ScwThema(Strict):
    """One of the six generic themes of the SCW profile."""

    id: str = Field(pattern=SLUG_ID)
    soort: Literal["scw-thema"]
    titel: str = Field(min_length=1)
    volgorde: int | None = None
    omschrijving: Sectie | None = None
    bron: Bron


class ScwCompetentie(Strict):
    """A competence 4A-4T of the SCW profile, with its process and result lists."""

    id: str = Field(pattern=SCW_COMPETENTIE_ID)
    soort: Literal["scw-competentie"]
    titel: str = Field(min_length=1)
    omschrijving: Sectie | None = None
    thema: str | None = Field(default=None, description="Het SCW-thema (4A-4K).")
    vakspecifiek: bool = Field(default=False, description="true voor de vakspecifieke competenties (4L-4T).")
    proces: list[Item] = Field(default_factory=list)
    resultaat: list[Item] = Field(default_factory=list)
    bron: Bron


class GeneriekeCompetentie(Strict):
    """A generic competence of the wijkprofessional (Kennisbouwstenen)."""

    id: str = Field(pattern=GENERIEKE_COMPETENTIE_ID)
    soort: Literal["generieke-competentie"]
    titel: str = Field(min_length=1)
    volgorde: int | None = None
    omschrijving: Sectie | None = None
    bron: Bron


Competentie = ScwThema | ScwCompetentie | GeneriekeCompetentie
