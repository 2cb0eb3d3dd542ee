"""The cross-reference matrix appendix: which module exercises which competence and draws on which
kennisbouwsteen, read from the modules' editorial links (koppelingen)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.model import Module
from wijkmodulen.render.links import Link


@dataclass(frozen=True)
class MatrixRow:
    module: Link
    cellen: tuple[bool, ...]


@dataclass(frozen=True)
class Matrix:
    soort: str  # "competenties" or "kennisbouwstenen": the template chooses the caption
    kolommen: tuple[Link, ...]
    kolom_ids: tuple[str, ...]
    rijen: tuple[MatrixRow, ...]


def koppelingen_matrix(
    kb: KnowledgeBase,
    modules: Sequence[Module],
    module_link: Callable[[str], Link],
    reference_link: Callable[[str], Link],
) -> tuple[Matrix, ...]:
    """One matrix of modules against competences, one against knowledge domains and target groups."""
    competenties = [*sorted(kb.scw_competenties), *sorted(kb.generieke_competenties, key=_gk_order)]
    kennis = [
        *sorted(kb.kennisdomeinen, key=lambda i: (kb.kennisdomeinen[i].model.volgorde or 0, i)),
        *sorted(kb.doelgroepen, key=lambda i: (kb.doelgroepen[i].model.volgorde or 0, i)),
    ]

    def rows(columns: list[str], linked: Callable[[Module], set[str]]) -> tuple[MatrixRow, ...]:
        return tuple(
            MatrixRow(module_link(m.id), tuple(c in linked(m) for c in columns)) for m in modules
        )

    def linked_competenties(module: Module) -> set[str]:
        return set(module.koppelingen.competenties) if module.koppelingen else set()

    def linked_kennis(module: Module) -> set[str]:
        k = module.koppelingen
        return {*k.kennisdomeinen, *k.doelgroepen} if k else set()

    return (
        Matrix("competenties", tuple(reference_link(c) for c in competenties), tuple(competenties),
               rows(competenties, linked_competenties)),
        Matrix("kennisbouwstenen", tuple(reference_link(c) for c in kennis), tuple(kennis),
               rows(kennis, linked_kennis)),
    )


def _gk_order(identifier: str) -> tuple[int, str]:
    number = identifier.rsplit("-", 1)[-1]
    return (int(number) if number.isdigit() else 0, identifier)
