from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase


class Syntax(Rule):
    """Het bestand is UTF-8 (met of zonder BOM, LF of CRLF) en veilige YAML: geen ankers of
    aliassen, geen tags, geen dubbele sleutels, een mapping op het hoogste niveau.

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
