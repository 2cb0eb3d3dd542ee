"""The cross-reference matrix appendix: which module exercises which competence and draws on which
kennisbouwsteen. Columns and links come from ``wijkmodulen.xref`` (the same as ``wijkmodulen xref``);
this module only joins two dimensions per table and turns ids into handbook links."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.model import Module, kinds
from wijkmodulen.render.links import Link
from wijkmodulen.xref.matrix import Dimension, columns_of, linked_ids


@dataclass(frozen=True)
class MatrixRow:
    module: Link
    cellen: tuple[bool, ...]


@dataclass(frozen=True)
class Matrix:
    soort: str  # the kind's group, "competenties" or "kennisbouwstenen": the template chooses the caption
    kolommen: tuple[Link, ...]
    kolom_ids: tuple[str, ...]
    rijen: tuple[MatrixRow, ...]


# Each appendix table joins two dimensions of the xref matrix: the competences, the kennisbouwstenen.
_TABLES: tuple[tuple[str, tuple[Dimension, Dimension]], ...] = (
    (kinds.kind_named(kinds.COMPETENTIE).group, ("scw", "gk")),
    (kinds.kind_named(kinds.KENNISBOUWSTEEN).group, ("kennisdomein", "doelgroep")),
)


def koppelingen_matrix(
    kb: KnowledgeBase,
    modules: Sequence[Module],
    module_link: Callable[[str], Link],
    reference_link: Callable[[str], Link],
) -> tuple[Matrix, ...]:
    """One matrix of modules against competences, one against knowledge domains and target groups."""
    tables = []
    for soort, dimensions in _TABLES:
        ids = tuple(column.id for by in dimensions for column in columns_of(kb, by))
        rows = []
        for module in modules:
            linked = {i for by in dimensions for i in linked_ids(module, by)}
            rows.append(MatrixRow(module_link(module.id), tuple(i in linked for i in ids)))
        tables.append(Matrix(soort, tuple(reference_link(i) for i in ids), ids, tuple(rows)))
    return tuple(tables)
