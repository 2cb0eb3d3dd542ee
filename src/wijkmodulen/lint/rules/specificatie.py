from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t


class Specificatie(Rule):
    """`specificatie_van` wijst naar een module van hetzelfde beroep (of naar `{extern: ...}`
    buiten de kennisbank) en vormt geen kring.

    Passes:
        # wmw-06
        specificatie_van: wmw-05
    Fails:
        # wmw-06
        specificatie_van: iow-05
    """

    code = "WM107"
    name = "specificatie"
    severity = Severity.ERROR
    scope = "kb"
    links_only = True

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        parent: dict[str, str] = {
            e.model.id: e.model.specificatie_van
            for e in kb.modules.values()
            if isinstance(e.model.specificatie_van, str)
        }
        reported_cycles: set[frozenset[str]] = set()
        for entry in kb.modules_in_order():
            module = entry.model
            target = parent.get(module.id)
            if target is None:
                continue
            path = ("specificatie_van",)
            if target == module.id:
                yield Finding(entry.source, t("ref.specificatie_self"), path, at_value=True)
                continue
            other = kb.modules.get(target)
            if other is not None and other.model.beroep != module.beroep:
                yield Finding(entry.source, t("ref.specificatie_beroep", other=target), path, at_value=True)
            chain = [module.id]
            current = target
            while current in parent and current not in chain:
                chain.append(current)
                current = parent[current]
            if current == module.id and len(chain) > 1:
                cycle = frozenset(chain)
                if cycle not in reported_cycles:
                    reported_cycles.add(cycle)
                    text = " → ".join([*chain, module.id])
                    yield Finding(entry.source, t("ref.specificatie_cycle", cycle=text), path, at_value=True)
