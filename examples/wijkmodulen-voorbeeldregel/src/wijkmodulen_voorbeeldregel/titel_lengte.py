"""WM901: a module title that fits on one line of the handbook's table of contents."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_tekens: int = Field(default=80, ge=1)


class TitelLengte(Rule):
    """De titel van een module telt hoogstens `max_tekens` (80) tekens, zodat hij op één regel van de
    inhoudsopgave past.

    Passes:
        titel: Aanmelding
    Fails:
        titel: Aanmelding, vraagverheldering, kortdurende hulp en doorverwijzing naar specialistische zorg
    """

    code = "WM901"
    name = "titel-lengte"
    severity = Severity.WARNING
    scope = "file"
    Options = Options

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for entry in kb.modules.values():
            titel = entry.model.titel
            if len(titel) > options.max_tekens:
                # A plugin's messages are its own; wijkmodulen's catalogue holds wijkmodulen's.
                yield Finding(entry.source, f"De titel telt {len(titel)} tekens; hoogstens {options.max_tekens}.",
                              ("titel",))
