"""What can be found: modules, competences, SCW themes, kennisbouwstenen and introduction chapters,
each as plain texts per weighted field, with the anchor it has in the HTML handbook."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from wijkmodulen.load.kb import Entry, KnowledgeBase
from wijkmodulen.model import Module
from wijkmodulen.model.module import collect_texts

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


def kb_documents(kb: KnowledgeBase, module_ids: Iterable[str] | None = None) -> list[SearchDoc]:
    """Every searchable item of ``kb`` in handbook order; only the modules in ``module_ids`` when given
    (a handbook of a selection searches what it prints)."""
    wanted = None if module_ids is None else set(module_ids)
    docs = [module_doc(e.model) for e in kb.modules_in_order() if wanted is None or e.model.id in wanted]
    for inleiding in sorted(kb.inleiding.values(), key=lambda e: (e.model.volgorde, e.model.id)):
        chapter = inleiding.model
        docs.append(SearchDoc(
            chapter.id, "inleiding", chapter.titel, f"inleiding-{chapter.id}",
            {"titel": (chapter.titel,), "overig": _texts(chapter.tekst)},
        ))
    for thema in sorted(kb.scw_themas.values(), key=lambda e: (e.model.volgorde or 0, e.model.id)):
        docs.append(_reference_doc(thema.model, "thema", f"thema-{thema.model.id}"))
    competenties: list[Entry[Any]] = [*kb.scw_competenties.values(), *kb.generieke_competenties.values()]
    for competentie in sorted(competenties, key=lambda e: e.model.id):
        docs.append(_reference_doc(competentie.model, "competentie", f"competentie-{competentie.model.id}"))
    for kennis in (kb.kennisdomeinen, kb.doelgroepen):
        for bouwsteen in sorted(kennis.values(), key=lambda e: (e.model.volgorde or 0, e.model.id)):
            docs.append(_reference_doc(bouwsteen.model, "kennisbouwsteen", f"kennis-{bouwsteen.model.id}"))
    return docs
