"""A short overview of a KB: counts per kind and per profession."""

from __future__ import annotations

from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t
from wijkmodulen.model import kinds
from wijkmodulen.model.module import BEROEP_LABELS


def summarize(kb: KnowledgeBase) -> str:
    lines = [t("summary.modules", count=len(kb.modules))]
    for beroep, label in BEROEP_LABELS.items():
        modules = [e.model for e in kb.modules.values() if e.model.beroep == beroep]
        schakel = sum(1 for m in modules if m.schakelmodule)
        lines.append(t("summary.modules_per_beroep", beroep=label, count=len(modules), schakel=schakel))
    for kind in kinds.KINDS:
        for index in kind.indexes:
            if index.name != kinds.MODULE:  # counted above, per profession
                lines.append(t(index.summary, count=len(kb.index(index.name)), label=t(kind.label)))
    return "\n".join(lines)
