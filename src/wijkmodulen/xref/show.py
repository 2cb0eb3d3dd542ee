"""``show``: one module, competence, theme, domain or target group with its links both ways."""

from __future__ import annotations

from dataclasses import dataclass

from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t
from wijkmodulen.model import kinds
from wijkmodulen.model.module import BEROEP_LABELS, FUNCTIES, ExterneModule, Module
from wijkmodulen.xref.ids import Kind, display_name, kind_label, resolve, title_of


@dataclass(frozen=True)
class Link:
    id: str
    titel: str
    note: str | None = None


@dataclass(frozen=True)
class LinkGroup:
    label: str
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Description:
    kind: Kind
    id: str
    titel: str
    facts: tuple[tuple[str, str], ...]
    groups: tuple[LinkGroup, ...]


def _titel(kb: KnowledgeBase, identifier: str) -> str:
    return title_of(kb, identifier) or "?"


def _links(kb: KnowledgeBase, ids: list[str], notes: dict[str, str] | None = None) -> tuple[Link, ...]:
    notes = notes or {}
    return tuple(Link(i, _titel(kb, i), notes.get(i)) for i in ids)


def _modules_where(kb: KnowledgeBase, wanted: str, field: str) -> list[str]:
    """Modules whose ``field`` (a list or a single id) names ``wanted``."""
    found = []
    for entry in kb.modules_in_order():
        value = getattr(entry.model, field)
        values = value if isinstance(value, list) else [value]
        if wanted in values:
            found.append(entry.model.id)
    return found


def _describe_module(kb: KnowledgeBase, module: Module) -> Description:
    facts = [
        (t("show.beroep"), BEROEP_LABELS[module.beroep]),
        (t("show.functie"), FUNCTIES[module.beroep].get(module.functie, module.functie)),
        (t("show.cluster"), module.cluster),
        (t("show.nummer"), str(module.nummer)),
        (t("show.schakelmodule"), t("show.ja") if module.schakelmodule else t("show.nee")),
    ]
    if module.bron.paginas:
        facts.append((t("show.paginas"), ", ".join(map(str, module.bron.paginas))))
    counterparts = [*module.tegenhangers]
    counterparts += [m for m in _modules_where(kb, module.id, "tegenhangers") if m not in counterparts]
    groups = [LinkGroup(t("show.tegenhangers"), _links(kb, counterparts))]
    if module.tegenhangers_toelichting:
        facts.append((t("show.tegenhangers_toelichting"), module.tegenhangers_toelichting))
    spec = module.specificatie_van
    if isinstance(spec, ExterneModule):
        groups.append(LinkGroup(t("show.specificatie_van"), (Link("", spec.extern, t("show.extern")),)))
    else:
        groups.append(LinkGroup(t("show.specificatie_van"), _links(kb, [spec] if spec else [])))
    groups += [
        LinkGroup(t("show.gespecificeerd_door"), _links(kb, _modules_where(kb, module.id, "specificatie_van"))),
        LinkGroup(t("show.verwijst_naar"), _links(kb, module.verwijzingen)),
        LinkGroup(t("show.genoemd_door"), _links(kb, _modules_where(kb, module.id, "verwijzingen"))),
    ]
    links = module.koppelingen
    if links is not None:
        groups += [
            LinkGroup(t("show.competenties"), _links(kb, links.competenties, links.toelichting)),
            LinkGroup(t("show.kennisdomeinen"), _links(kb, links.kennisdomeinen, links.toelichting)),
            LinkGroup(t("show.doelgroepen"), _links(kb, links.doelgroepen, links.toelichting)),
        ]
    return Description(kinds.MODULE, module.id, module.titel, tuple(facts), tuple(groups))


def _modules_linking(kb: KnowledgeBase, identifiers: list[str]) -> tuple[LinkGroup, ...]:
    groups = []
    for beroep, label in BEROEP_LABELS.items():
        links = []
        for entry in kb.modules_in_order():
            module = entry.model
            if module.beroep != beroep or module.koppelingen is None:
                continue
            k = module.koppelingen
            for identifier in identifiers:
                if identifier in (*k.competenties, *k.kennisdomeinen, *k.doelgroepen):
                    note = k.toelichting.get(identifier)
                    if len(identifiers) > 1:
                        note = f"[{identifier}] {note or ''}".rstrip()
                    links.append(Link(module.id, module.titel, note))
        groups.append(LinkGroup(t("show.modulen", beroep=label), tuple(links)))
    return tuple(groups)


def describe(kb: KnowledgeBase, identifier: str) -> Description:
    """Everything ``identifier`` links to and everything that links to it. Raises ``UnknownId``."""
    found = resolve(kb, identifier)
    model = found.model
    if found.kind == kinds.MODULE:
        return _describe_module(kb, model)
    facts: list[tuple[str, str]] = [(t("show.soort"), t(kind_label(found.kind)))]
    groups: list[LinkGroup] = []
    ids = [found.id]
    if found.kind == kinds.SCW_COMPETENTIE:
        if model.thema:
            facts.append((t("show.thema"), f"{model.thema} ({_titel(kb, model.thema)})"))
        if model.vakspecifiek:
            facts.append((t("show.vakspecifiek"), t("show.ja")))
    elif found.kind == kinds.SCW_THEMA:
        ids = [cid for cid, e in sorted(kb.scw_competenties.items()) if e.model.thema == found.id]
        groups.append(LinkGroup(t("show.competenties_in_thema"), _links(kb, ids)))
    groups += _modules_linking(kb, ids)
    return Description(found.kind, found.id, model.titel, tuple(facts), tuple(groups))


def describe_text(description: Description) -> str:
    lines = [display_name(description.id, description.titel)]
    width = max((len(label) for label, _ in description.facts), default=0)
    lines += [f"  {label + ':':<{width + 1}} {value}" for label, value in description.facts]
    for group in description.groups:
        lines += ["", f"{group.label} ({len(group.links)})"]
        if not group.links:
            lines.append(f"  {t('show.geen')}")
        id_width = max((len(link.id) for link in group.links), default=0)
        for link in group.links:
            aligned = f"{'':<{id_width}}  " if id_width else ""
            if not link.id:  # a module outside the KB: its name only
                lines.append(f"  {aligned}{link.titel}")
            elif display_name(link.id, link.titel) == link.id:  # a domain named like its id
                lines.append(f"  {link.id}")
                aligned = "  "
            else:
                lines.append(f"  {link.id:<{id_width}}  {link.titel}")
            if link.note:
                lines.append(f"  {aligned}{link.note}")
    return "\n".join(lines)
