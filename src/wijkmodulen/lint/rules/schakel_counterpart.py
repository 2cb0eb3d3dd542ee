from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t


class SchakelCounterpart(Rule):
    """Een schakelmodule noemt de versie van het andere beroep in `tegenhangers`; ontbreekt die
    (nog), dan zegt `tegenhangers_toelichting` waarom. Een YAML-commentaar telt niet: dat ziet
    niemand in het handboek of in `xref --gaps`.

    Passes:
        schakelmodule: true
        tegenhangers: []
        tegenhangers_toelichting: De opbouwwerkversie is nog niet beschreven.
    Fails:
        schakelmodule: true
        tegenhangers: []
    """

    code = "WM106"
    name = "schakelmodule-counterpart"
    severity = Severity.ERROR
    scope = "kb"
    focused = True

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for entry in kb.modules_in_order():
            module = entry.model
            if not module.schakelmodule or module.tegenhangers_toelichting:
                continue
            present = [m for m in module.tegenhangers if m in kb.modules or m in kb.unloaded_ids]
            if not present:
                path = ("tegenhangers",) if "tegenhangers" in entry.source.data else ("schakelmodule",)
                yield Finding(entry.source, t("ref.schakel_without_counterpart"), path)
