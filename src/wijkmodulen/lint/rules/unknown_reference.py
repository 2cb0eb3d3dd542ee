from __future__ import annotations

import difflib
from collections.abc import Collection, Iterator
from typing import Any

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import Entry, KnowledgeBase
from wijkmodulen.load.yaml_source import Path_
from wijkmodulen.messages import t
from wijkmodulen.model import Module, ScwCompetentie, kinds


class UnknownReference(Rule):
    """Elke verwijzing wijst naar een bestaand id: tegenhangers, verwijzingen, specificatie_van,
    de koppelingen (competenties, kennisdomeinen, doelgroepen, toelichting), het thema van een
    SCW-competentie en de publicatie in `bron`.

    Passes:
        koppelingen: {herkomst: redactioneel, competenties: [4C], kennisdomeinen: [inkomen]}
    Fails:
        koppelingen: {herkomst: redactioneel, competenties: [4Z], kennisdomeinen: [geld]}
    """

    code = "WM103"
    name = "unknown-reference"
    severity = Severity.ERROR
    scope = "kb"
    focused = True

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        publicaties = {p.titel for p in kb.bronnen.model.bronnen} if kb.bronnen else None
        for entry in kb.entries():
            bron = getattr(entry.model, "bron", None)  # every built-in kind has one; a new kind may not
            if publicaties is not None and bron is not None and bron.publicatie not in publicaties:
                yield Finding(
                    entry.source, t("ref.unknown_publicatie", value=entry.model.bron.publicatie),
                    ("bron", "publicatie"),
                )
        for entry in kb.in_focus(kb.scw_competenties):
            yield from self._competentie(kb, entry)
        for entry in kb.in_focus(kb.modules):
            yield from self._module(kb, entry)
        yield from _declared(kb)

    def _competentie(self, kb: KnowledgeBase, entry: Entry[ScwCompetentie]) -> Iterator[Finding]:
        model = entry.model
        if (model.thema is None) == (not model.vakspecifiek):
            yield Finding(entry.source, t("ref.thema_vakspecifiek"), ("thema" if model.thema else "id",))
        if model.thema is not None:
            yield from _unknown(kb, entry, ("thema",), [model.thema], kb.scw_themas, "kind.scw_thema", single=True)

    def _module(self, kb: KnowledgeBase, entry: Entry[Module]) -> Iterator[Finding]:
        module = entry.model
        yield from _unknown(kb, entry, ("tegenhangers",), module.tegenhangers, kb.modules, "kind.module")
        yield from _unknown(kb, entry, ("verwijzingen",), module.verwijzingen, kb.modules, "kind.module")
        if isinstance(module.specificatie_van, str):
            yield from _unknown(kb, entry, ("specificatie_van",), [module.specificatie_van], kb.modules,
                                "kind.module", single=True)
        links = module.koppelingen
        if links is None:
            return
        yield from _unknown(kb, entry, ("koppelingen", "competenties"), links.competenties, kb.competenties,
                            "kind.competentie")
        yield from _unknown(kb, entry, ("koppelingen", "kennisdomeinen"), links.kennisdomeinen, kb.kennisdomeinen,
                            "kind.kennisdomein")
        yield from _unknown(kb, entry, ("koppelingen", "doelgroepen"), links.doelgroepen, kb.doelgroepen,
                            "kind.doelgroep")
        linked = {*links.competenties, *links.kennisdomeinen, *links.doelgroepen}
        for key in links.toelichting:
            if key not in linked:
                yield Finding(entry.source, t("ref.toelichting_not_linked", id=key),
                              ("koppelingen", "toelichting", key))


def _declared(kb: KnowledgeBase) -> Iterator[Finding]:
    """The references a kind declares in the table (model/kinds.py): each id names an entry of its index."""
    label_of = {index.name: kind.label for kind in kinds.KINDS for index in kind.indexes}
    for kind in kinds.KINDS:
        for field, target in kind.references:
            known = kb.index(target)
            for spec in kind.indexes:
                for entry in kb.index(spec.name).values():
                    value = getattr(entry.model, field, None)
                    if isinstance(value, str):
                        yield from _unknown(kb, entry, (field,), [value], known, label_of[target], single=True)
                    elif isinstance(value, list):
                        yield from _unknown(kb, entry, (field,), value, known, label_of[target])


def _unknown(kb: KnowledgeBase, entry: Entry[Any], path: Path_, ids: list[str], known: Collection[str],
             kind: str, single: bool = False) -> Iterator[Finding]:
    for index, identifier in enumerate(ids):
        # An id whose file failed to load is reported there (WM001/WM002), not again here.
        if identifier in known or identifier in kb.unloaded_ids:
            continue
        matches = [k for k in sorted(known) if k.startswith(identifier)][:1] or difflib.get_close_matches(
            identifier, list(known), n=1, cutoff=0.6
        )
        message = (
            t("ref.unknown_hint", kind=t(kind), id=identifier, suggestion=matches[0])
            if matches
            else t("ref.unknown", kind=t(kind), id=identifier)
        )
        yield Finding(entry.source, message, path if single else (*path, index), at_value=True)
