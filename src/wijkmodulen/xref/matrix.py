"""The cross-reference matrix: a row per module, a column per competence, domain or target group."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from wijkmodulen.load.kb import Entry, KnowledgeBase
from wijkmodulen.model.module import Module

Dimension = Literal["scw", "gk", "kennisdomein", "doelgroep"]
DIMENSIONS: tuple[str, ...] = get_args(Dimension)

# Short letters for columns whose ids are too long for a terminal header (see ``Column.afkorting``).
_ABBREVIATION_PREFIX: dict[str, str] = {"kennisdomein": "K", "doelgroep": "D"}
_MAX_HEADER = 4


@dataclass(frozen=True)
class Column:
    """A competence, domain or target group: its id, printed title and terminal abbreviation."""

    id: str
    titel: str
    afkorting: str


@dataclass(frozen=True)
class Row:
    """A module and, per column of the matrix, whether it links to that column."""

    id: str
    titel: str
    beroep: str
    cells: tuple[bool, ...]

    @property
    def totaal(self) -> int:
        return sum(self.cells)


@dataclass(frozen=True)
class Matrix:
    """Modules against one dimension. ``column_totals[i]`` counts the modules linking column i."""

    by: Dimension
    beroep: str | None
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    column_totals: tuple[int, ...]

    @property
    def totaal(self) -> int:
        return sum(self.column_totals)

    def linked(self, module_id: str, column_id: str) -> bool:
        row = next(r for r in self.rows if r.id == module_id)
        return row.cells[[c.id for c in self.columns].index(column_id)]


def columns_of(kb: KnowledgeBase, by: Dimension) -> tuple[Column, ...]:
    """The columns of dimension ``by`` in their natural order (4A-4T, gk-1.., printed order)."""
    indexes: dict[str, dict[str, Entry[Any]]] = {
        "scw": kb.scw_competenties,
        "gk": kb.generieke_competenties,
        "kennisdomein": kb.kennisdomeinen,
        "doelgroep": kb.doelgroepen,
    }
    index = indexes[by]
    entries = sorted(index.values(), key=lambda e: (getattr(e.model, "volgorde", None) or 0, _natural(e.model.id)))
    prefix = _ABBREVIATION_PREFIX.get(by, "")
    return tuple(
        Column(
            e.model.id,
            e.model.titel,
            e.model.id if len(e.model.id) <= _MAX_HEADER else f"{prefix}{number}",
        )
        for number, e in enumerate(entries, start=1)
    )


def linked_ids(module: Module, by: Dimension) -> list[str]:
    """The ids a module links in dimension ``by`` (editorial koppelingen)."""
    links = module.koppelingen
    if links is None:
        return []
    if by == "scw":
        return [c for c in links.competenties if not c.startswith("gk-")]
    if by == "gk":
        return [c for c in links.competenties if c.startswith("gk-")]
    return list(links.kennisdomeinen if by == "kennisdomein" else links.doelgroepen)


def build_matrix(kb: KnowledgeBase, by: Dimension = "scw", beroep: str | None = None) -> Matrix:
    """The matrix of ``kb``'s modules (of ``beroep`` only, if given) against dimension ``by``.

    Links to ids that are not in the KB are left out: lint reports them (WM103).
    """
    columns = columns_of(kb, by)
    rows: list[Row] = []
    for entry in kb.modules_in_order():
        module = entry.model
        if beroep is not None and module.beroep != beroep:
            continue
        linked = set(linked_ids(module, by))
        rows.append(Row(module.id, module.titel, module.beroep, tuple(c.id in linked for c in columns)))
    totals = tuple(sum(row.cells[i] for row in rows) for i in range(len(columns)))
    return Matrix(by, beroep, columns, tuple(rows), totals)


def _natural(identifier: str) -> tuple[str, int]:
    """Sort gk-2 before gk-10."""
    head, _, tail = identifier.rpartition("-")
    return (head, int(tail)) if tail.isascii() and tail.isdigit() else (identifier, 0)
