"""A search of a loaded KB: the filters (--beroep, --cluster, --competentie) and the result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wijkmodulen.messages import t
from wijkmodulen.search.documents import SearchDoc
from wijkmodulen.search.index import SearchIndex
from wijkmodulen.search.query import Hit, query_stems, search

if TYPE_CHECKING:
    from wijkmodulen.load.kb import KnowledgeBase


class FilterError(Exception):
    """A filter value the KB does not know; the message is Dutch."""


@dataclass(frozen=True)
class Filters:
    beroepen: tuple[str, ...] = ()
    clusters: tuple[str, ...] = ()
    competenties: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.beroepen or self.clusters or self.competenties)


@dataclass(frozen=True)
class SearchResult:
    query: str
    stems: tuple[str, ...]  # what the query was matched as
    hits: tuple[Hit, ...]
    total: int  # hits before the limit


def _checked(index: SearchIndex, filters: Filters) -> Filters:
    """The filters in the KB's own spelling (the clusters and competences the index holds); raises
    FilterError for a value it does not know."""
    if filters.empty:
        return filters
    # The profession and cluster names are the models' (imported only when a filter is given).
    from wijkmodulen.model.common import BEROEP_PREFIX, beroep_named, cluster_named

    beroepen: list[str] = []
    for value in filters.beroepen:
        beroep = beroep_named(value)
        if beroep is None:
            choices = ", ".join([*BEROEP_PREFIX, *BEROEP_PREFIX.values()])
            raise FilterError(t("render.unknown_beroep", value=value, choices=choices))
        beroepen.append(beroep)
    known = list(dict.fromkeys(doc.cluster for doc in index.docs if doc.soort == "module" and doc.cluster))
    clusters: list[str] = []
    for value in filters.clusters:
        cluster = cluster_named(value, known)
        if cluster is None:
            raise FilterError(t("render.unknown_cluster", value=value, choices="; ".join(known)))
        clusters.append(cluster)
    competenties = [doc.id for doc in index.docs if doc.soort == "competentie"]
    for value in filters.competenties:
        if value not in competenties:
            raise FilterError(t("render.unknown_competentie", value=value, choices=", ".join(competenties)))
    return Filters(tuple(beroepen), tuple(clusters), filters.competenties)


def _keeper(filters: Filters) -> Callable[[SearchDoc], bool] | None:
    """Values within one filter add up, different filters narrow down (as render's selection); any
    filter keeps modules only."""
    if filters.empty:
        return None

    def keep(doc: SearchDoc) -> bool:
        return (
            doc.soort == "module"
            and (not filters.beroepen or doc.beroep in filters.beroepen)
            and (not filters.clusters or doc.cluster in filters.clusters)
            and (not filters.competenties or bool(doc.competenties & set(filters.competenties)))
        )

    return keep


def kb_index(kb: KnowledgeBase) -> SearchIndex:
    """The index of a loaded KB, built on the fly."""
    from wijkmodulen.search.documents import kb_documents
    from wijkmodulen.search.index import build_index

    return build_index(kb_documents(kb))


def search_index(index: SearchIndex, query: str, filters: Filters = Filters(), limit: int | None = 10) -> SearchResult:
    """Rank the indexed modules, competences, kennisbouwstenen and introduction chapters for ``query``."""
    keep = _keeper(_checked(index, filters))
    hits, total = search(index, query, keep, limit)
    return SearchResult(query, tuple(query_stems(query, index)), tuple(hits), total)


def search_kb(kb: KnowledgeBase, query: str, filters: Filters = Filters(), limit: int | None = 10) -> SearchResult:
    """``search_index`` on the index of a loaded KB, built on the fly."""
    return search_index(kb_index(kb), query, filters, limit)
