from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t


class DuplicateNummer(Rule):
    """Binnen een beroep heeft elke module een eigen nummer.

    Passes:
        # wmw-05: nummer 5;  wmw-06: nummer 6
    Fails:
        # wmw-05: nummer 5;  een tweede wijkmaatschappelijk-werkmodule met nummer 5
    """

    code = "WM104"
    name = "duplicate-nummer"
    severity = Severity.ERROR
    scope = "kb"
    links_only = True

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        seen: dict[tuple[str, int], str] = {}
        for entry in kb.modules_in_order():
            module = entry.model
            key = (module.beroep, module.nummer)
            if key in seen:
                yield Finding(
                    entry.source,
                    t("ref.duplicate_nummer", nummer=module.nummer, beroep=module.beroep, other=seen[key]),
                    ("nummer",),
                )
            else:
                seen[key] = module.id
