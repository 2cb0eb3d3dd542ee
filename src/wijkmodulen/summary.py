"""A short overview of a KB: counts per kind and per profession."""

from __future__ import annotations

from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t
from wijkmodulen.model.module import BEROEP_LABELS


def summarize(kb: KnowledgeBase) -> str:
    lines = [t("summary.modules", count=len(kb.modules))]
    for beroep, label in BEROEP_LABELS.items():
        modules = [e.model for e in kb.modules.values() if e.model.beroep == beroep]
        schakel = sum(1 for m in modules if m.schakelmodule)
        lines.append(t("summary.modules_per_beroep", beroep=label, count=len(modules), schakel=schakel))
    lines += [
        t("summary.scw_themas", count=len(kb.scw_themas)),
        t("summary.scw_competenties", count=len(kb.scw_competenties)),
        t("summary.generieke_competenties", count=len(kb.generieke_competenties)),
        t("summary.kennisdomeinen", count=len(kb.kennisdomeinen)),
        t("summary.doelgroepen", count=len(kb.doelgroepen)),
        t("summary.inleiding", count=len(kb.inleiding)),
    ]
    return "\n".join(lines)
