"""The team report: what the offered modules need, how the team covers it, and where the gaps are.

Plain data only; the formatters (``formats.py``) and the handbook turn it into text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.model import Module
from wijkmodulen.model.common import beroep_named
from wijkmodulen.team.load import cluster_van
from wijkmodulen.team.model import TeamProfiel

Soort = Literal["competentie", "kennisdomein", "doelgroep"]
Tekort = Literal["niet-gedekt", "onder-niveau"]
SOORTEN: tuple[Soort, ...] = ("competentie", "kennisdomein", "doelgroep")
HOOGSTE_NIVEAU = 4


@dataclass(frozen=True)
class ModuleRef:
    id: str
    titel: str


@dataclass(frozen=True)
class Behoefte:
    """A competence, knowledge domain or target group that at least one offered module needs."""

    id: str
    soort: Soort
    titel: str
    modules: tuple[str, ...]  # the offered modules that link it, in publication order
    niveaus: tuple[int, ...]  # per member, in profile order; 0 = not mastered or not filled in
    tekort: Tekort | None

    @property
    def per_niveau(self) -> tuple[int, ...]:
        """How many members are at level 1, 2, 3 and 4."""
        return tuple(self.niveaus.count(level) for level in range(1, HOOGSTE_NIVEAU + 1))

    @property
    def hoogste(self) -> int:
        return max(self.niveaus, default=0)


@dataclass(frozen=True)
class Suggestie:
    """Learning material for one gap: its description, and the modules outside the offer that exercise it
    (the offered ones are ``behoefte.modules``)."""

    behoefte: Behoefte
    omschrijving: str | None  # the competence description, where the source gives one
    verder: tuple[ModuleRef, ...]  # modules outside the offer that link it: more practice material


@dataclass(frozen=True)
class TeamReport:
    team: str
    niveau: int
    leden: tuple[str, ...]
    rollen: tuple[str | None, ...]
    modules: tuple[ModuleRef, ...]
    behoeften: tuple[Behoefte, ...]
    lacunes: tuple[Suggestie, ...]  # most depended-on first

    def van_soort(self, soort: Soort) -> tuple[Behoefte, ...]:
        return tuple(b for b in self.behoeften if b.soort == soort)


def offered_modules(kb: KnowledgeBase, profiel: TeamProfiel) -> list[Module]:
    """The modules of the offer (ids, clusters and professions add up), in publication order."""
    aanbod = profiel.aanbod
    ids = set(aanbod.modules)
    clusters = {cluster_van(c, kb) for c in aanbod.clusters}
    beroepen = {beroep_named(b) for b in aanbod.beroepen}
    return [
        e.model for e in kb.modules_in_order()
        if e.model.id in ids or e.model.cluster in clusters or e.model.beroep in beroepen
    ]


def _links(module: Module, soort: Soort) -> list[str]:
    k = module.koppelingen
    if k is None:
        return []
    return {"competentie": k.competenties, "kennisdomein": k.kennisdomeinen, "doelgroep": k.doelgroepen}[soort]


def _catalogue(kb: KnowledgeBase) -> list[tuple[Soort, str, Any]]:
    """Every linkable id in a fixed order: SCW 4A-4T, generic competences, domains, target groups."""
    def volgorde(entry: Any) -> tuple[int, str]:
        return (entry.model.volgorde or 0, entry.model.id)

    scw: list[Any] = sorted(kb.scw_competenties.values(), key=lambda e: e.model.id)
    generiek: list[Any] = sorted(kb.generieke_competenties.values(), key=volgorde)
    return [
        *(("competentie", e.model.id, e.model) for e in [*scw, *generiek]),
        *(("kennisdomein", e.model.id, e.model) for e in sorted(kb.kennisdomeinen.values(), key=volgorde)),
        *(("doelgroep", e.model.id, e.model) for e in sorted(kb.doelgroepen.values(), key=volgorde)),
    ]


def _omschrijving(model: Any) -> str | None:
    value = getattr(model, "omschrijving", None)
    return value if isinstance(value, str) else None


def build_report(kb: KnowledgeBase, profiel: TeamProfiel, niveau: int | None = None) -> TeamReport:
    """The report for a profile without findings; ``niveau`` overrides the profile's own."""
    drempel = niveau if niveau is not None else profiel.niveau
    offered = offered_modules(kb, profiel)
    offered_ids = {m.id for m in offered}
    all_modules = [e.model for e in kb.modules_in_order()]
    behoeften: list[Behoefte] = []
    suggesties: list[Suggestie] = []
    for soort, ref_id, model in _catalogue(kb):
        users = tuple(m.id for m in offered if ref_id in _links(m, soort))
        if not users:
            continue
        levels = tuple(_level(lid, soort, ref_id) for lid in profiel.leden)
        tekort: Tekort | None = None
        if not any(levels):
            tekort = "niet-gedekt"
        elif max(levels) < drempel:
            tekort = "onder-niveau"
        behoefte = Behoefte(ref_id, soort, model.titel, users, levels, tekort)
        behoeften.append(behoefte)
        if tekort:
            linking = [m for m in all_modules if ref_id in _links(m, soort)]
            suggesties.append(Suggestie(
                behoefte,
                _omschrijving(model),
                tuple(ModuleRef(m.id, m.titel) for m in linking if m.id not in offered_ids),
            ))
    position = {b.id: n for n, b in enumerate(behoeften)}
    suggesties.sort(key=_gap_order(position))
    return TeamReport(
        team=profiel.team,
        niveau=drempel,
        leden=tuple(lid.naam for lid in profiel.leden),
        rollen=tuple(lid.rol for lid in profiel.leden),
        modules=tuple(ModuleRef(m.id, m.titel) for m in offered),
        behoeften=tuple(behoeften),
        lacunes=tuple(suggesties),
    )


def _gap_order(position: dict[str, int]) -> Callable[[Suggestie], tuple[int, int, int, int]]:
    """Most dependent modules first; then what nobody covers, then the lowest best level; then KB order."""
    def key(s: Suggestie) -> tuple[int, int, int, int]:
        b = s.behoefte
        return (-len(b.modules), 0 if b.tekort == "niet-gedekt" else 1, b.hoogste, position[b.id])
    return key


def _level(lid: Any, soort: Soort, ref_id: str) -> int:
    table: dict[str, int] = {
        "competentie": lid.competenties, "kennisdomein": lid.kennisdomeinen, "doelgroep": lid.doelgroepen,
    }[soort]
    return table.get(ref_id, 0)
