"""Lookups: which modules exercise a competence (or theme), need a domain, or serve a target group."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t
from wijkmodulen.model import kinds as kind_table
from wijkmodulen.model.module import BEROEP_LABELS, Module
from wijkmodulen.xref.ids import Kind, display_name, kind_label, resolve

# Which kinds each lookup option accepts.
COMPETENTIE_KINDS: tuple[Kind, ...] = (
    kind_table.SCW_COMPETENTIE, kind_table.GENERIEKE_COMPETENTIE, kind_table.SCW_THEMA,
)
# The kinds each question (`xref --competentie/--kennisdomein/--doelgroep`) accepts.
QUESTIONS: dict[str, tuple[Kind, ...]] = {
    kind_table.COMPETENTIE: COMPETENTIE_KINDS,
    kind_table.KENNISDOMEIN: (kind_table.KENNISDOMEIN,),
    kind_table.DOELGROEP: (kind_table.DOELGROEP,),
}


def expected_label(kinds: tuple[Kind, ...]) -> str:
    """The message key of what a question asks for: one index, or the competences as a whole."""
    if len(kinds) == 1:
        return kind_label(kinds[0])
    return kind_table.kind_named(kind_table.COMPETENTIE).label


class WrongKind(ValueError):
    def __init__(self, identifier: str, kind: str) -> None:
        super().__init__(identifier)
        self.identifier = identifier
        self.kind = kind


@dataclass(frozen=True)
class Hit:
    """A module that links the looked-up id (``via``: the competence, when a theme was asked)."""

    id: str
    titel: str
    via: str
    toelichting: str | None


@dataclass(frozen=True)
class Lookup:
    kind: Kind
    id: str
    titel: str
    per_beroep: tuple[tuple[str, tuple[Hit, ...]], ...]

    @property
    def count(self) -> int:
        return sum(len(hits) for _, hits in self.per_beroep)


def _linked(module: Module) -> list[str]:
    links = module.koppelingen
    if links is None:
        return []
    return [*links.competenties, *links.kennisdomeinen, *links.doelgroepen]


def lookup(kb: KnowledgeBase, identifier: str, kinds: tuple[Kind, ...]) -> Lookup:
    """Modules linking ``identifier`` (of one of ``kinds``), per profession.

    Raises ``UnknownId`` or ``WrongKind``.
    """
    found = resolve(kb, identifier)
    if found.kind not in kinds:
        raise WrongKind(found.id, found.kind)
    if found.kind == kind_table.SCW_THEMA:
        wanted = [cid for cid, e in sorted(kb.scw_competenties.items()) if e.model.thema == found.id]
    else:
        wanted = [found.id]
    per_beroep: list[tuple[str, tuple[Hit, ...]]] = []
    for beroep in BEROEP_LABELS:
        hits: list[Hit] = []
        for entry in kb.modules_in_order():
            module = entry.model
            if module.beroep != beroep:
                continue
            linked = _linked(module)
            toelichting = module.koppelingen.toelichting if module.koppelingen else {}
            hits += [Hit(module.id, module.titel, via, toelichting.get(via)) for via in wanted if via in linked]
        per_beroep.append((beroep, tuple(hits)))
    return Lookup(found.kind, found.id, found.model.titel, tuple(per_beroep))


def _heading(result: Lookup) -> str:
    kind = t(kind_label(result.kind))
    return t("lookup.heading", name=display_name(result.id, result.titel), kind=kind, count=result.count)


def lookup_text(result: Lookup) -> str:
    lines = [_heading(result)]
    for beroep, hits in result.per_beroep:
        lines += ["", f"{BEROEP_LABELS[beroep]} ({len(hits)})"]
        if not hits:
            lines.append(f"  {t('lookup.none')}")
        for hit in hits:
            via = f" [{hit.via}]" if hit.via != result.id else ""
            lines.append(f"  {hit.id}  {hit.titel}{via}")
            if hit.toelichting:
                lines.append(f"          {hit.toelichting}")
    return "\n".join(lines)


def lookup_markdown(result: Lookup) -> str:
    lines = [f"### {_heading(result)}"]
    for beroep, hits in result.per_beroep:
        lines += ["", f"**{BEROEP_LABELS[beroep]}** ({len(hits)})", ""]
        if not hits:
            lines.append(f"- {t('lookup.none')}")
        for hit in hits:
            via = f" [{hit.via}]" if hit.via != result.id else ""
            reason = f": {hit.toelichting}" if hit.toelichting else ""
            lines.append(f"- `{hit.id}` {hit.titel}{via}{reason}")
    return "\n".join(lines) + "\n"


def lookup_json(result: Lookup) -> str:
    data = {
        "soort": result.kind,
        "id": result.id,
        "titel": result.titel,
        "aantal": result.count,
        "per_beroep": {beroep: [asdict(hit) for hit in hits] for beroep, hits in result.per_beroep},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
