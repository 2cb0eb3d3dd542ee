"""The kinds of KB file in one table: where each lives, which model reads it, how its ids look, its
labels, its JSON Schema and its handbook page.

The loader (which folders, which model, which index), ``locate`` and ``fmt`` (what is a KB folder),
``schema`` (one JSON Schema per kind), ``summary`` (a count per index), the reference check (WM103,
for the references a kind declares), ``xref``/``show`` (which ids resolve, what an entry is called),
``diff`` (which indexes are compared, the groups of its summary) and the handbook (the page and anchor
of each index's entries) read this table; a new kind is one more entry. Code that is about one
particular kind (the competence matrix is about competences) names it by the constants below.
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

# The names of the built-in indexes and kinds, for code that is about one of them in particular.
MODULE = "module"
SCW_THEMA = "scw-thema"
SCW_COMPETENTIE = "scw-competentie"
GENERIEKE_COMPETENTIE = "generieke-competentie"
KENNISDOMEIN = "kennisdomein"
DOELGROEP = "doelgroep"
INLEIDING = "inleiding"
COMPETENTIE = "competentie"  # the kind holding the three competence indexes
KENNISBOUWSTEEN = "kennisbouwsteen"  # the kind holding knowledge domains and target groups
BRONNEN = "bronnen"


@dataclass(frozen=True)
class Index:
    """One sort of id in the KB (the kinds ``xref``, ``show`` and ``diff`` speak of)."""

    name: str  # "module", "scw-competentie", "kennisdomein", ...
    id_pattern: str
    summary: str  # message key of its line in `summary` ("{count}")
    attribute: str | None = None  # the KnowledgeBase attribute that holds it; None: ``kb.index(name)``
    label: str = ""  # message key of what one entry is called (xref, show, diff); "": "index.<name>"
    page: str | None = None  # the handbook page that prints its entries (None: none, or one page each)
    anchor: str | None = None  # the prefix of an entry's anchor on that page ("<anchor>-<id>")
    xref: bool = True  # whether `xref`/`show` resolve its ids (the introduction's paragraphs are not linked)

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", f"index.{self.name}")


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
    # (field, index): a field holding ids (a string or a list) that must name an entry of that index (WM103)
    references: tuple[tuple[str, str], ...] = ()
    plural: str = ""  # message key of its name for many (a group of `diff`'s summary); "": "kind.plural.<name>"

    def __post_init__(self) -> None:
        if not self.plural:
            object.__setattr__(self, "plural", f"kind.plural.{self.name}")

    @property
    def group(self) -> str:
        """Its key in `diff`'s summary (the folder: ``modules``, ``competenties``, ...)."""
        return self.folder or self.name

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
    Kind(BRONNEN, "kind.bronnen", (Bronnen,), file="bronnen.yaml"),
    Kind(
        MODULE, "kind.module", (Module,), folder="modules",
        indexes=(Index(MODULE, MODULE_ID, "summary.modules", "modules", page="modulen"),),
    ),
    Kind(
        COMPETENTIE, "kind.competentie", (ScwThema, ScwCompetentie, GeneriekeCompetentie), folder="competenties",
        indexes=(
            Index(SCW_THEMA, SLUG_ID, "summary.scw_themas", "scw_themas",
                  page="bijlagen/scw-competenties", anchor="thema"),
            Index(SCW_COMPETENTIE, SCW_COMPETENTIE_ID, "summary.scw_competenties", "scw_competenties",
                  page="bijlagen/scw-competenties", anchor="competentie"),
            Index(GENERIEKE_COMPETENTIE, GENERIEKE_COMPETENTIE_ID, "summary.generieke_competenties",
                  "generieke_competenties", page="bijlagen/generieke-competenties", anchor="competentie"),
        ),
    ),
    Kind(
        KENNISBOUWSTEEN, "kind.kennisbouwsteen", (Kennisbouwsteen,), folder="kennisbouwstenen",
        indexes=(
            Index(KENNISDOMEIN, SLUG_ID, "summary.kennisdomeinen", "kennisdomeinen",
                  page="bijlagen/kennisbouwstenen", anchor="kennis"),
            Index(DOELGROEP, SLUG_ID, "summary.doelgroepen", "doelgroepen",
                  page="bijlagen/kennisbouwstenen", anchor="kennis"),
        ),
    ),
    Kind(
        INLEIDING, "kind.inleiding", (Inleiding,), folder="inleiding",
        indexes=(Index(INLEIDING, SLUG_ID, "summary.inleiding", "inleiding", page="inleiding", anchor="inleiding",
                       xref=False),),
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
def _lookups(
    version: int,
) -> tuple[tuple[str, ...], dict[str, Kind], dict[type[BaseModel], Kind], dict[str, Index]]:
    folders = tuple(kind.folder for kind in KINDS if kind.folder is not None)
    by_folder = {kind.folder: kind for kind in KINDS if kind.folder is not None}
    by_model = {model: kind for kind in KINDS for model in kind.models}
    by_name: dict[str, Index] = {}
    for index in (index for kind in KINDS for index in kind.indexes):
        by_name.setdefault(index.name, index)  # the first of a name, as a search in KB order finds it
    return folders, by_folder, by_model, by_name


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


def indexes_by_name() -> Mapping[str, Index]:
    return _lookups(_version[0])[3]


def index_named(name: str) -> Index:
    """The index called ``name``; KeyError when there is none."""
    return _lookups(_version[0])[3][name]


def xref_indexes() -> list[Index]:
    """The indexes whose ids `xref` and `show` resolve, in KB order."""
    return [index for index in indexes() if index.xref]


def kind_of_index(name: str) -> Kind:
    return next(kind for kind in KINDS if any(index.name == name for index in kind.indexes))


def model_of(data: Any, kind: Kind) -> type[BaseModel] | None:
    """The model of a file of ``kind`` with ``data``; None when its ``soort`` names none."""
    if len(kind.models) == 1:
        return kind.models[0]
    soort = data.get("soort") if isinstance(data, dict) else None
    return kind.soorten.get(soort) if isinstance(soort, str) else None
