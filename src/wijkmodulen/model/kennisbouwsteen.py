"""Kennisbouwstenen: knowledge domains and target groups."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from wijkmodulen.model.common import SLUG_ID, Bron, Sectie, Strict


class Kennisbouwsteen(Strict):
    id: str = Field(pattern=SLUG_ID)
    soort: Literal["kennisdomein", "doelgroep"]
    titel: str = Field(min_length=1, description="De naam zoals gedrukt.")
    volgorde: int | None = None
    omschrijving: Sectie | None = Field(default=None, description="Alleen waar de bron tekst geeft.")
    bron: Bron
