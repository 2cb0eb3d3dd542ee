from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase


class PluginBroken(Rule):
    """Elke geïnstalleerde plugin-regel (entry point ``wijkmodulen.rules``) laadt: het pakket is te
    importeren, de klasse is een ``Rule`` met een eigen code WM### en documentatie met Passes/Fails.
    Een kapotte plugin doet niet mee en wordt hier één keer gemeld, bij de map van de kennisbank.

    Passes:
        [project.entry-points."wijkmodulen.rules"]
        WM901 = "mijn_regels.titel:TitelLengte"
    Fails:
        [project.entry-points."wijkmodulen.rules"]
        WM901 = "mijn_regels.bestaat_niet:TitelLengte"
    """

    code = "WM007"
    name = "plugin"
    severity = Severity.ERROR
    scope = "kb"

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        # The engine reports the plugins that did not load (it has the registry); a finding about a
        # package belongs to no KB file.
        return iter(())
