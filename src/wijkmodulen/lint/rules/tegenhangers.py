from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t


class Tegenhangers(Rule):
    """Tegenhangers zijn wederzijds (A noemt B en B noemt A), horen bij het andere beroep, en
    alleen een schakelmodule heeft ze.

    Passes:
        # wmw-04: {schakelmodule: true, tegenhangers: [iow-04]}
        # iow-04: {schakelmodule: true, tegenhangers: [wmw-04]}
    Fails:
        # wmw-04: {schakelmodule: true, tegenhangers: [iow-04]}
        # iow-04: {schakelmodule: true, tegenhangers: []}
    """

    code = "WM105"
    name = "tegenhangers"
    severity = Severity.ERROR
    scope = "kb"
    focused = True

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for entry in kb.modules_in_order():
            module = entry.model
            if module.tegenhangers and not module.schakelmodule:
                yield Finding(entry.source, t("ref.tegenhanger_not_schakel"), ("schakelmodule",))
            for index, other_id in enumerate(module.tegenhangers):
                other = kb.modules.get(other_id)
                if other is None:
                    continue  # WM103 reports unknown ids; broken files are reported where they are
                path = ("tegenhangers", index)
                if other.model.beroep == module.beroep:
                    yield Finding(entry.source, t("ref.tegenhanger_same_beroep", other=other_id), path,
                                  at_value=True)
                elif module.id not in other.model.tegenhangers:
                    yield Finding(entry.source, t("ref.tegenhanger_not_mutual", other=other_id, id=module.id),
                                  path, at_value=True)
