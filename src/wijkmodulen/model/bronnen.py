"""The source publications the knowledge base quotes (data/bronnen.yaml)."""

from __future__ import annotations

from pydantic import Field

from wijkmodulen.model.common import Strict


class Publicatie(Strict):
    titel: str = Field(min_length=1, description="Zoals gebruikt in 'bron.publicatie'.")
    ondertitel: str | None = None
    auteurs: list[str] = Field(default_factory=list)
    jaar: int | None = None
    uitgever: str | None = None
    plaats: str | None = None
    url: str | None = None
    citaat: str = Field(min_length=1, description="Volledige bronvermelding.")


class Bronnen(Strict):
    bronnen: list[Publicatie] = Field(min_length=1)
