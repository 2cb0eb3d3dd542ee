from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.load.yaml_source import Position
from wijkmodulen.messages import t


class SuppressionInvalid(Rule):
    """Een onderdrukkingscommentaar is leesbaar, noemt bestaande regels, en een ``disable-file``
    staat in het commentaarblok bovenaan het bestand.

    Passes:
        # wijkmodulen: disable-file=WM205 -- zo in de bron
        id: wmw-01
    Fails:
        id: wmw-01
        # wijkmodulen: disable-file=WM999
    """

    code = "WM005"
    name = "suppression-invalid"
    severity = Severity.WARNING
    scope = "file"

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for source in kb.files:
            for bad in source.suppressions.malformed:
                yield Finding(source, t("suppression.malformed", text=bad.text), (), Position(bad.line, bad.column))
            for item in source.suppressions.items:
                where = Position(item.line, item.column)
                if item.misplaced:
                    yield Finding(source, t("suppression.misplaced"), (), where)
                for reference in item.rules:
                    if self.resolve(reference) is None:
                        yield Finding(source, t("suppression.unknown_rule", rule=reference), (), where)
