"""Building blocks shared by every kind of file: text sections, provenance, id patterns."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

# Ids are part of file names and of references between files; the patterns are documented in
# the docs (docs/kennisbank.md, "Ids") and enforced by lint rule WM101.
# Two digits as printed (wmw-06); a national KB numbers past 99 without leading zeros (wmw-112).
# Digits are spelled [0-9]: `\d` takes Arabic-Indic and full-width digits too (in Python's re and in
# pydantic's regex engine alike), which would let a look-alike id become a page name.
MODULE_ID = r"^(wmw|iow)-([1-9][0-9]{2,}|[0-9]{2})$"
SCW_COMPETENTIE_ID = r"^4[A-T]$"
GENERIEKE_COMPETENTIE_ID = r"^gk-[0-9]+$"
SLUG_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# A title is a heading, a table-of-contents line and part of a file name; the longest shipped is ~80.
TITEL_MAX = 200

BEROEP_PREFIX = {"wijkmaatschappelijk-werk": "wmw", "individueel-opbouwwerk": "iow"}


def beroep_named(value: str) -> str | None:
    """The profession a value names, by full name or id prefix (``wmw``, ``iow``), any case."""
    key = value.strip().casefold()
    by_prefix = {prefix: beroep for beroep, prefix in BEROEP_PREFIX.items()}
    return key if key in BEROEP_PREFIX else by_prefix.get(key)


def cluster_named(value: str, known: Iterable[str]) -> str | None:
    """The cluster among ``known`` that ``value`` names, in the KB's own spelling; case is forgiven."""
    wanted = value.strip().casefold()
    return next((cluster for cluster in known if cluster.casefold() == wanted), None)


class Strict(BaseModel):
    """Base for every model: unknown keys are errors, values are not coerced silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class LijstItem(Strict):
    """A list item that carries a sub-list of its own."""

    tekst: str
    lijst: list[str] = Field(min_length=1)


Item = Annotated[
    Annotated[str, Tag("tekst")] | Annotated[LijstItem, Tag("item-met-lijst")],
    Discriminator(lambda v: "tekst" if isinstance(v, str) else "item-met-lijst"),
]


class TekstBlok(Strict):
    """One paragraph."""

    tekst: str = Field(min_length=1)


class LijstBlok(Strict):
    """A bulleted list."""

    lijst: list[Item] = Field(min_length=1)


class ActiviteitenBlok(Strict):
    """An actor line ("De wijkmaatschappelijk werker:") followed by the activities it introduces."""

    uitvoerder: str = Field(
        min_length=1, description="De regel die de activiteiten inleidt, bijv. 'De wijkmaatschappelijk werker:'."
    )
    activiteiten: list[Item] = Field(min_length=1)


def _blok_soort(value: Any) -> str:
    if isinstance(value, dict):
        if "uitvoerder" in value or "activiteiten" in value:
            return "activiteiten"
        if "lijst" in value:
            return "lijst"
    return "tekst"


Blok = Annotated[
    Annotated[TekstBlok, Tag("tekst")]
    | Annotated[LijstBlok, Tag("lijst")]
    | Annotated[ActiviteitenBlok, Tag("activiteiten")],
    Discriminator(_blok_soort),
]


def _sectie_vorm(value: Any) -> str:
    if isinstance(value, list):
        if value and all(isinstance(item, dict) and _is_blok(item) for item in value):
            return "blokken"
        return "lijst"
    return "alinea"


def _is_blok(item: dict[str, Any]) -> bool:
    # A dict with 'tekst' and 'lijst' together is a list item with a sub-list, not a block.
    keys = set(item)
    return bool(keys) and not {"tekst", "lijst"} <= keys


Sectie = Annotated[
    Annotated[str, Tag("alinea")]
    | Annotated[list[Item], Tag("lijst")]
    | Annotated[list[Blok], Tag("blokken")],
    Discriminator(_sectie_vorm),
]
"""A section as printed: one paragraph (text), a bulleted list (list of texts), or blocks."""


class Bron(Strict):
    """Where the text comes from."""

    publicatie: str = Field(description="Titel van de publicatie, zoals in data/bronnen.yaml.")
    jaar: int | None = None
    sectie: str | None = Field(default=None, description="Hoofdstuk of paragraaf in de publicatie.")
    paginas: list[int] | None = Field(default=None, description="Gedrukte paginanummers.")


Herkomst = Literal["redactioneel"]
