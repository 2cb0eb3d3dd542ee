"""Introduction chapters of the publication (printed before the modules)."""

from __future__ import annotations

from pydantic import Field

from wijkmodulen.model.common import SLUG_ID, Blok, Bron, Strict


class Inleiding(Strict):
    id: str = Field(pattern=SLUG_ID)
    volgorde: int = Field(ge=1)
    hoofdstuk: str | None = None
    titel: str = Field(min_length=1)
    tekst: list[Blok] = Field(min_length=1)
    bron: Bron
