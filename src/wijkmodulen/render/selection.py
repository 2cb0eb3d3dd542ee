"""Which modules go into a handbook: --beroep, --cluster, --module and --competentie.

Values within one option add up (two clusters: the modules of either); different options narrow down
(a profession and a competence: that profession's modules exercising the competence).
"""

from __future__ import annotations

from dataclasses import dataclass

from wijkmodulen.errors import WijkmodulenError
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t
from wijkmodulen.model import Module
from wijkmodulen.model.common import BEROEP_PREFIX, beroep_named, cluster_named


class SelectionError(WijkmodulenError):
    """A selection value the KB does not know, or a selection without modules; the message is Dutch."""


@dataclass(frozen=True)
class Selectie:
    beroepen: tuple[str, ...] = ()
    clusters: tuple[str, ...] = ()
    modules: tuple[str, ...] = ()
    competenties: tuple[str, ...] = ()
    team: str | None = None  # render --team: the modules are this team's offer

    @property
    def is_alles(self) -> bool:
        return not (self.beroepen or self.clusters or self.modules or self.competenties)


def _beroep(value: str) -> str:
    beroep = beroep_named(value)
    if beroep is None:
        choices = ", ".join([*BEROEP_PREFIX, *BEROEP_PREFIX.values()])
        raise SelectionError(t("render.unknown_beroep", value=value, choices=choices))
    return beroep


def _cluster(value: str, known: list[str]) -> str:
    cluster = cluster_named(value, known)
    if cluster is None:
        raise SelectionError(t("render.unknown_cluster", value=value, choices="; ".join(known)))
    return cluster


def select_modules(kb: KnowledgeBase, selectie: Selectie) -> tuple[list[Module], Selectie]:
    """The selected modules in publication order and the selection in the KB's own spelling;
    raises SelectionError for unknown values."""
    modules = [entry.model for entry in kb.modules_in_order()]
    clusters = list(dict.fromkeys(m.cluster for m in modules))
    beroepen = list(dict.fromkeys(_beroep(v) for v in selectie.beroepen))
    gekozen_clusters = list(dict.fromkeys(_cluster(v, clusters) for v in selectie.clusters))
    for module_id in selectie.modules:
        if module_id not in kb.modules:
            raise SelectionError(t("render.unknown_module", value=module_id))
    for competentie in selectie.competenties:
        if competentie not in kb.competenties:
            raise SelectionError(
                t("render.unknown_competentie", value=competentie, choices=", ".join(kb.competenties))
            )

    def chosen(module: Module) -> bool:
        linked = set(module.koppelingen.competenties) if module.koppelingen else set()
        return (
            (not beroepen or module.beroep in beroepen)
            and (not gekozen_clusters or module.cluster in gekozen_clusters)
            and (not selectie.modules or module.id in selectie.modules)
            and (not selectie.competenties or bool(linked & set(selectie.competenties)))
        )

    selected = [m for m in modules if chosen(m)]
    if not selected:
        raise SelectionError(t("render.empty_selection"))
    spelled = Selectie(
        tuple(beroepen), tuple(gekozen_clusters), tuple(dict.fromkeys(selectie.modules)),
        tuple(dict.fromkeys(selectie.competenties)), selectie.team,
    )
    return selected, spelled
