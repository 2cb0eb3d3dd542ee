from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.load.yaml_source import Position
from wijkmodulen.messages import t

# (file path, comment line, rule code) of every suppression that silenced a finding
UsedKey = tuple[str, int, str]


class SuppressionUnused(Rule):
    """Elke onderdrukking zwijgt ook echt een bevinding; een overbodige wordt gemeld, zodat er geen
    oude uitzonderingen blijven staan nadat de tekst is verbeterd.

    Passes:
        titel: Eerste hulp  # wijkmodulen: disable=WM201 -- zo in de bron   (WM201 meldt hier iets)
    Fails:
        titel: Eerste hulp  # wijkmodulen: disable=WM101   (WM101 meldt hier niets)
    """

    code = "WM004"
    name = "suppression-unused"
    severity = Severity.WARNING
    scope = "kb"
    # The engine runs this rule after all others and hands it what they used, and which rules it
    # ran for which file: a suppression for a rule that is switched off there is not "unused".
    runs_last = True

    def __init__(self) -> None:
        self.used: set[UsedKey] = set()
        self.active: set[tuple[str, str]] = set()  # (file path, rule code) pairs that were checked

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        # A KB-wide rule sees a different KB when a file could not be loaded (and some stand down
        # entirely), so its suppressions cannot be judged then: one broken file must not turn every
        # suppression elsewhere into a warning.
        unjudgeable = {code for code, rule in self.registry.items() if rule.scope == "kb"} if kb.issues else set()
        # A file that could not be read as YAML gave no rule anything to look at: below the error
        # its suppressions are only comments in the text, never a promise that was not needed.
        unread = {issue.source.path for issue in kb.issues if issue.kind == "syntax"}
        for source in kb.files:
            if source.path in unread:
                continue
            key = str(source.path)
            for item in source.suppressions.items:
                if item.misplaced:
                    continue
                for reference in item.rules:
                    code = self.resolve(reference)
                    if code is None or code in unjudgeable or (key, code) not in self.active:
                        continue
                    if (key, item.line, code) in self.used:
                        continue
                    yield Finding(source, t("suppression.unused", rule=reference), (),
                                  Position(item.line, item.column))
