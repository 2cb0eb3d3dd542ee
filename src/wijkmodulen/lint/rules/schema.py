from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase


class Schema(Rule):
    """Het bestand volgt het model van zijn soort: verplichte sleutels aanwezig, geen onbekende
    sleutels (met een suggestie voor de dichtstbijzijnde bekende), waarden van het juiste type.

    Passes:
        nummer: 6
    Fails:
        numer: 6        # onbekende sleutel; bedoel je 'nummer'?
    """

    code = "WM002"
    name = "schema"
    severity = Severity.ERROR
    scope = "file"

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for issue in kb.issues:
            if issue.kind == "schema":
                yield Finding(issue.source, issue.message, issue.path, issue.position)
