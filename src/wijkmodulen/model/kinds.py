"""The kinds of KB file in one table: where each lives, which model reads it, how its ids look, its
label, its JSON Schema and its handbook page.

The loader (which folders, which model, which index), ``locate`` and ``fmt`` (what is a KB folder),
``schema`` (one JSON Schema per kind), ``summary`` (a count per index) and the reference check (WM103,
for the references a kind declares) read this table; a new kind is one more entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel

from wijkmodulen.model.bronnen import Bronnen
from wijkmodulen.model.common import GENERIEKE_COMPETENTIE_ID, MODULE_ID, SCW_COMPETENTIE_ID, SLUG_ID
from wijkmodulen.model.competentie import GeneriekeCompetentie, ScwCompetentie, ScwThema
from wijkmodulen.model.inleiding import Inleiding
from wijkmodulen.model.kennisbouwsteen import Kennisbouwsteen
from wijkmodulen.model.module import Module


@dataclass(frozen=True)
class Index:
    """One sort of id in the KB (the kinds ``xref`` and ``show`` speak of)."""

    name: str  # "module", "scw-competentie", "kennisdomein", ...
    id_pattern: str
    summary: str  # message key of its line in `summary` ("{count}")
    attribute: str | None = None  # the KnowledgeBase attribute that holds it; None: ``kb.index(name)``


@dataclass(frozen=True)
class Kind:
    """One kind of file. A kind with several models tells them apart by the file's ``soort``; a kind with
    several indexes puts an entry in the index its model's ``soort`` names."""

    name: str  # also the JSON Schema's name: <name>.schema.json
    label: str  # message key of its name in messages
    models: tuple[type[BaseModel], ...]
    folder: str | None = None  # files under <root>/<folder>/
    file: str | None = None  # or one file <root>/<file>
    indexes: tuple[Index, ...] = ()
    page: str | None = None  # the handbook page that prints this kind (None: not a page of its own)
    # (field, index): a field holding ids (a string or a list) that must name an entry of that index (WM103)
    references: tuple[tuple[str, str], ...] = ()

    @property
    def soorten(self) -> dict[str, type[BaseModel]]:
        """The models by the ``soort`` value that selects them (kinds with several models)."""
        return {_soort(model): model for model in self.models} if len(self.models) > 1 else {}

    def index_of(self, model: BaseModel) -> Index | None:
        if len(self.indexes) == 1:
            return self.indexes[0]
        soort = getattr(model, "soort", None)
        return next((index for index in self.indexes if index.name == soort), None)


def _soort(model: type[BaseModel]) -> str:
    values = get_args(model.model_fields["soort"].annotation)
    return str(values[0])


KINDS: list[Kind] = [
    Kind("bronnen", "kind.bronnen", (Bronnen,), file="bronnen.yaml"),
    Kind(
        "module", "kind.module", (Module,), folder="modules", page="modulen",
        indexes=(Index("module", MODULE_ID, "summary.modules", "modules"),),
    ),
    Kind(
        "competentie", "kind.competentie", (ScwThema, ScwCompetentie, GeneriekeCompetentie), folder="competenties",
        page="bijlagen/scw-competenties",
        indexes=(
            Index("scw-thema", SLUG_ID, "summary.scw_themas", "scw_themas"),
            Index("scw-competentie", SCW_COMPETENTIE_ID, "summary.scw_competenties", "scw_competenties"),
            Index("generieke-competentie", GENERIEKE_COMPETENTIE_ID, "summary.generieke_competenties",
                  "generieke_competenties"),
        ),
    ),
    Kind(
        "kennisbouwsteen", "kind.kennisbouwsteen", (Kennisbouwsteen,), folder="kennisbouwstenen",
        page="bijlagen/kennisbouwstenen",
        indexes=(
            Index("kennisdomein", SLUG_ID, "summary.kennisdomeinen", "kennisdomeinen"),
            Index("doelgroep", SLUG_ID, "summary.doelgroepen", "doelgroepen"),
        ),
    ),
    Kind(
        "inleiding", "kind.inleiding", (Inleiding,), folder="inleiding", page="inleiding",
        indexes=(Index("inleiding", SLUG_ID, "summary.inleiding", "inleiding"),),
    ),
]


_version = [0]  # bumped by register(): the lookups below are cached per version of the table


def register(kind: Kind) -> None:
    """Add a kind to the table (after the built-in ones)."""
    KINDS.append(kind)
    _version[0] += 1


def unregister(name: str) -> None:
    KINDS[:] = [kind for kind in KINDS if kind.name != name]
    _version[0] += 1


@cache
def _lookups(version: int) -> tuple[tuple[str, ...], dict[str, Kind], dict[type[BaseModel], Kind]]:
    folders = tuple(kind.folder for kind in KINDS if kind.folder is not None)
    by_folder = {kind.folder: kind for kind in KINDS if kind.folder is not None}
    by_model = {model: kind for kind in KINDS for model in kind.models}
    return folders, by_folder, by_model


def folder_kinds() -> list[Kind]:
    """The kinds kept as a folder of files, in KB order."""
    return [kind for kind in KINDS if kind.folder is not None]


def folders() -> tuple[str, ...]:
    """The kind folders, in KB order."""
    return _lookups(_version[0])[0]


def file_kinds() -> dict[str, Kind]:
    """The kinds kept as one file at the KB root, by file name."""
    return {kind.file: kind for kind in KINDS if kind.file is not None}


def file_kinds_named(name: str) -> str:
    """The file name of a one-file kind."""
    return next(str(kind.file) for kind in KINDS if kind.name == name)


def kind_named(name: str) -> Kind:
    return next(kind for kind in KINDS if kind.name == name)


def kind_of_folder(folder: str) -> Kind | None:
    return _lookups(_version[0])[1].get(folder)


def kind_of_model() -> Mapping[type[BaseModel], Kind]:
    return _lookups(_version[0])[2]


def indexes() -> list[Index]:
    """Every index, in KB order."""
    return [index for kind in KINDS for index in kind.indexes]


def model_of(data: Any, kind: Kind) -> type[BaseModel] | None:
    """The model of a file of ``kind`` with ``data``; None when its ``soort`` names none."""
    if len(kind.models) == 1:
        return kind.models[0]
    soort = data.get("soort") if isinstance(data, dict) else None
    return kind.soorten.get(soort) if isinstance(soort, str) else None
