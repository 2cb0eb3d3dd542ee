"""Coverage gaps: what no module reaches, and modules that miss links or a counterpart."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from wijkmodulen.load.kb import Entry, KnowledgeBase
from wijkmodulen.messages import t
from wijkmodulen.model import kinds
from wijkmodulen.model.module import BEROEP_LABELS, Module

# The kinds of reference data a module can reach (through its koppelingen), in the order they are reported.
TARGET_KINDS = (kinds.SCW_COMPETENTIE, kinds.SCW_THEMA, kinds.GENERIEKE_COMPETENTIE, kinds.KENNISDOMEIN, kinds.DOELGROEP)


@dataclass(frozen=True)
class Item:
    id: str
    titel: str
    detail: str | None = None


@dataclass(frozen=True)
class ScopeGaps:
    """Gaps among the modules of one profession, or of all (``beroep`` None)."""

    beroep: str | None
    unreached: tuple[tuple[str, tuple[Item, ...]], ...]  # (kind, items) in TARGET_KINDS order
    zonder_competenties: tuple[Item, ...]
    zonder_kennisdomeinen: tuple[Item, ...]
    zonder_tegenhanger: tuple[Item, ...]

    @property
    def count(self) -> int:
        return sum(len(items) for _, items in self.unreached) + len(self.zonder_competenties) + len(
            self.zonder_kennisdomeinen
        ) + len(self.zonder_tegenhanger)


@dataclass(frozen=True)
class Gaps:
    """``scope`` decides the exit code; ``per_beroep`` is the same question per profession."""

    scope: ScopeGaps
    per_beroep: tuple[ScopeGaps, ...]

    @property
    def has_gaps(self) -> bool:
        return self.scope.count > 0


def _scope(kb: KnowledgeBase, beroep: str | None) -> ScopeGaps:
    modules = [e.model for e in kb.modules_in_order() if beroep is None or e.model.beroep == beroep]
    reached: set[str] = set()
    for module in modules:
        if module.koppelingen is not None:
            reached.update(module.koppelingen.competenties)
            reached.update(module.koppelingen.kennisdomeinen)
            reached.update(module.koppelingen.doelgroepen)
    themes_reached = {
        entry.model.thema for identifier, entry in kb.scw_competenties.items() if identifier in reached
    }
    targets: dict[str, dict[str, Entry[Any]]] = {kind: kb.index(kind) for kind in TARGET_KINDS}
    unreached: list[tuple[str, tuple[Item, ...]]] = []
    for kind in TARGET_KINDS:
        seen = themes_reached if kind == kinds.SCW_THEMA else reached
        entries = sorted(targets[kind].values(), key=lambda e: (getattr(e.model, "volgorde", None) or 0, e.model.id))
        unreached.append((kind, tuple(Item(e.model.id, e.model.titel) for e in entries if e.model.id not in seen)))
    return ScopeGaps(
        beroep=beroep,
        unreached=tuple(unreached),
        zonder_competenties=tuple(
            _item(m, _zonder_grond(m, "competenties")) for m in modules if not _links(m, "competenties")
        ),
        zonder_kennisdomeinen=tuple(
            _item(m, _zonder_grond(m, "kennisdomeinen")) for m in modules if not _links(m, "kennisdomeinen")
        ),
        zonder_tegenhanger=tuple(
            _item(m, m.tegenhangers_toelichting) for m in modules if m.schakelmodule and not m.tegenhangers
        ),
    )


def _links(module: Module, kind: str) -> list[str]:
    return list(getattr(module.koppelingen, kind)) if module.koppelingen else []


def _zonder_grond(module: Module, kind: str) -> str | None:
    """The recorded reason why the module links nothing of ``kind`` (a review's "none, because")."""
    return module.koppelingen.zonder_grond.get(kind) if module.koppelingen else None  # type: ignore[call-overload]


def _item(module: Module, detail: str | None = None) -> Item:
    return Item(module.id, module.titel, detail)


def find_gaps(kb: KnowledgeBase, beroep: str | None = None) -> Gaps:
    """Gaps among all modules and per profession; with ``beroep``, among that profession's only."""
    if beroep is not None:
        return Gaps(_scope(kb, beroep), ())
    return Gaps(_scope(kb, None), tuple(_scope(kb, b) for b in BEROEP_LABELS))


# --- formatters -----------------------------------------------------------------------------


def _scope_title(scope: ScopeGaps) -> str:
    return BEROEP_LABELS[scope.beroep] if scope.beroep else t("gaps.all_modules")


def _sections(scope: ScopeGaps, overall: ScopeGaps | None) -> list[tuple[str, tuple[Item, ...]]]:
    """The lists to print; for a profession (``overall`` given) only what the KB as a whole reaches."""
    known = {kind: {item.id for item in items} for kind, items in overall.unreached} if overall else {}
    sections = [
        (t(f"gaps.unreached.{kind}"), tuple(i for i in items if i.id not in known.get(kind, ())))
        for kind, items in scope.unreached
    ]
    if overall is None:
        sections += [
            (t("gaps.zonder_competenties"), scope.zonder_competenties),
            (t("gaps.zonder_kennisdomeinen"), scope.zonder_kennisdomeinen),
            (t("gaps.zonder_tegenhanger"), scope.zonder_tegenhanger),
        ]
    return sections


def _conclusion(gaps: Gaps) -> str:
    if not gaps.has_gaps:
        return t("gaps.none_total")
    return t("gaps.total", count=gaps.scope.count, scope=_scope_title(gaps.scope))


def _scopes(gaps: Gaps) -> list[tuple[str, ScopeGaps, ScopeGaps | None]]:
    """(heading, scope, the overall scope for a profession's section) in print order."""
    return [
        (t("gaps.heading", scope=_scope_title(gaps.scope)), gaps.scope, None),
        *((t("gaps.heading_beroep", scope=_scope_title(s)), s, gaps.scope) for s in gaps.per_beroep),
    ]


def gaps_text(gaps: Gaps) -> str:
    lines: list[str] = []
    for heading, scope, overall in _scopes(gaps):
        if lines:
            lines.append("")
        lines.append(heading)
        for label, items in _sections(scope, overall):
            if not items:
                lines.append(f"  {label}: {t('gaps.none')}")
                continue
            lines.append(f"  {label} ({len(items)}):")
            width = max(len(item.id) for item in items)
            for item in items:
                lines.append(f"    {item.id:<{width}}  {item.titel}")
                if item.detail:
                    lines.append(f"    {'':<{width}}  {t('gaps.reason', reason=item.detail)}")
    lines += ["", _conclusion(gaps)]
    return "\n".join(lines)


def gaps_markdown(gaps: Gaps) -> str:
    lines: list[str] = []
    for heading, scope, overall in _scopes(gaps):
        lines += [f"### {heading}", ""]
        for label, items in _sections(scope, overall):
            if not items:
                lines.append(f"- {label}: {t('gaps.none')}")
                continue
            lines.append(f"- {label} ({len(items)}):")
            for item in items:
                reason = f" ({t('gaps.reason', reason=item.detail)})" if item.detail else ""
                lines.append(f"  - `{item.id}` {item.titel}{reason}")
        lines.append("")
    lines.append(_conclusion(gaps))
    return "\n".join(lines) + "\n"


def _scope_data(scope: ScopeGaps) -> dict[str, object]:
    return {
        "beroep": scope.beroep,
        "niet_bereikt": {kind: [asdict(i) for i in items] for kind, items in scope.unreached},
        "modulen_zonder_competenties": [asdict(i) for i in scope.zonder_competenties],
        "modulen_zonder_kennisdomeinen": [asdict(i) for i in scope.zonder_kennisdomeinen],
        "schakelmodulen_zonder_tegenhanger": [asdict(i) for i in scope.zonder_tegenhanger],
        "aantal": scope.count,
    }


def gaps_json(gaps: Gaps) -> str:
    data = {**_scope_data(gaps.scope), "per_beroep": [_scope_data(s) for s in gaps.per_beroep]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
