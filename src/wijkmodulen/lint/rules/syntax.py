from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase


class Syntax(Rule):
    """Het bestand is UTF-8 (met of zonder BOM; LF, CRLF of CR) en veilige YAML: geen ankers of
    aliassen, geen tags, geen dubbele sleutels, een mapping op het hoogste niveau. Het is een
    gewoon, leesbaar bestand met een UTF-8-naam (geen symbolische koppeling, fifo of socket), niet
    groter dan `max_file_size_mb` (5) en niet dieper genest dan `max_depth` (50).

    Passes:
        titel: Aanmelding
    Fails:
        titel: &t Aanmelding
        cluster: *t
    """

    code = "WM001"
    name = "syntax"
    severity = Severity.ERROR
    scope = "file"

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for issue in kb.issues:
            if issue.kind == "syntax":
                yield Finding(issue.source, issue.message, issue.path, issue.position)
