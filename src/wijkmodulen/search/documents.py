"""What can be found: modules, competences, SCW themes, kennisbouwstenen and introduction chapters,
each as plain texts per weighted field, with the anchor it has in the HTML handbook."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # the models are needed to build documents, not to search stored ones
    from wijkmodulen.load.kb import KnowledgeBase
    from wijkmodulen.model import Module

Soort = Literal["module", "competentie", "thema", "kennisbouwsteen", "inleiding"]

# A field's weight: a word in a module's title says more about the module than one in its conditions.
FIELD_WEIGHTS: dict[str, float] = {
    "titel": 6.0,
    "doelen": 3.0,
    "doelgroep": 2.0,
    "omschrijving": 2.0,
    "werkwijze": 1.5,
    "overig": 1.0,
}
# The modules are what a professional looks for; the appendices and the introduction come second.
SOORT_WEIGHTS: dict[str, float] = {
    "module": 1.0, "competentie": 0.6, "thema": 0.6, "kennisbouwsteen": 0.6, "inleiding": 0.6,
}
_MODULE_FIELDS: dict[str, tuple[str, ...]] = {
    "doelgroep": ("doelgroep",),
    "doelen": ("doelen",),
    "werkwijze": ("werkwijze",),
    "overig": ("duur_en_frequentie", "setting", "aanvullende_informatie", "randvoorwaarden"),
}


@dataclass(frozen=True)
class SearchDoc:
    id: str
    soort: Soort
    titel: str
    anchor: str  # the element's id in the HTML handbook
    fields: dict[str, tuple[str, ...]]  # weighted field -> its texts, the title included
    beroep: str | None = None
    cluster: str | None = None
    competenties: frozenset[str] = field(default_factory=frozenset)

    @property
    def passages(self) -> tuple[str, ...]:
        """The texts a snippet is taken from, in printed order, the title left out."""
        return tuple(text for name, texts in self.fields.items() if name != "titel" for text in texts)


def _texts(value: Any) -> tuple[str, ...]:
    from wijkmodulen.model.module import collect_texts

    texts: list[str] = []
    collect_texts(value, texts)
    return tuple(texts)


def module_doc(module: Module) -> SearchDoc:
    fields: dict[str, tuple[str, ...]] = {"titel": (module.titel,)}
    for name, sections in _MODULE_FIELDS.items():
        fields[name] = tuple(text for section in sections for text in _texts(getattr(module, section)))
    fields["overig"] += tuple(note.tekst for note in module.voetnoten)
    linked = module.koppelingen.competenties if module.koppelingen else []
    return SearchDoc(
        module.id, "module", module.titel, module.id, fields,
        beroep=module.beroep, cluster=module.cluster, competenties=frozenset(linked),
    )


def _reference_doc(model: Any, soort: Soort, anchor: str) -> SearchDoc:
    fields = {
        "titel": (model.titel,),
        "omschrijving": _texts(getattr(model, "omschrijving", None)),
        "overig": _texts([*getattr(model, "proces", []), *getattr(model, "resultaat", [])]),
    }
    return SearchDoc(model.id, soort, model.titel, anchor, fields)


def searched_indexes() -> dict[str, int]:
    """The indexes of the KB that are searched, and the place of each in the handbook's order. The
    kinds table is imported here, not above: a search from the cache needs no models."""
    from wijkmodulen.model import kinds  # here, not above: see the docstring

    return {
        kinds.MODULE: 0, kinds.INLEIDING: 1, kinds.SCW_THEMA: 2, kinds.SCW_COMPETENTIE: 3,
        kinds.GENERIEKE_COMPETENTIE: 3, kinds.KENNISDOMEIN: 4, kinds.DOELGROEP: 5,
    }


_BEROEP_ORDER = {"wijkmaatschappelijk-werk": 0, "individueel-opbouwwerk": 1}

OrderKey = tuple[int, int, int, str]


def _anchor(index: str, entry_id: str) -> str:
    """The entry's anchor in the single-page handbook, with the prefix the kinds table gives its index."""
    from wijkmodulen.model import kinds  # here, not above: see searched_indexes

    return f"{kinds.index_named(index).anchor}-{entry_id}"


def entry_document(index: str, model: Any) -> tuple[OrderKey, SearchDoc] | None:
    """The document of one entry of the KB's index ``index`` (None for an index that is not searched),
    with its place in the handbook's order: modules by profession and number, the introduction by its
    order, the competences by id, the SCW themes and kennisbouwstenen by their order."""
    from wijkmodulen.model import kinds  # here, not above: see searched_indexes

    group = searched_indexes().get(index)
    if group is None:
        return None
    if index == kinds.MODULE:
        return (group, _BEROEP_ORDER[model.beroep], model.nummer, model.id), module_doc(model)
    anchor = _anchor(index, model.id)
    if index == kinds.INLEIDING:
        doc = SearchDoc(model.id, "inleiding", model.titel, anchor,
                        {"titel": (model.titel,), "overig": _texts(model.tekst)})
        return (group, model.volgorde, 0, model.id), doc
    if index in (kinds.SCW_COMPETENTIE, kinds.GENERIEKE_COMPETENTIE):
        return (group, 0, 0, model.id), _reference_doc(model, "competentie", anchor)
    if index == kinds.SCW_THEMA:
        return (group, model.volgorde or 0, 0, model.id), _reference_doc(model, "thema", anchor)
    return (group, model.volgorde or 0, 0, model.id), _reference_doc(model, "kennisbouwsteen", anchor)


def kb_documents(kb: KnowledgeBase, module_ids: Iterable[str] | None = None) -> list[SearchDoc]:
    """Every searchable item of ``kb`` in handbook order; only the modules in ``module_ids`` when given
    (a handbook of a selection searches what it prints)."""
    from wijkmodulen.model import kinds  # here, not above: see searched_indexes

    wanted = None if module_ids is None else set(module_ids)
    found: list[tuple[OrderKey, SearchDoc]] = []
    for index in searched_indexes():
        entries = kb.in_focus(kb.modules) if index == kinds.MODULE else kb.index(index).values()
        for entry in entries:
            if index == kinds.MODULE and wanted is not None and entry.model.id not in wanted:
                continue
            document = entry_document(index, entry.model)
            if document is not None:
                found.append(document)
    found.sort(key=lambda pair: pair[0])
    return [doc for _, doc in found]
