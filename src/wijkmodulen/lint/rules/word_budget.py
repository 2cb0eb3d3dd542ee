from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t


class WordBudgetOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # The 39 shipped modules have 221-391 words (median 304); see docs/stijl.md, "Word budget".
    max_woorden: int = 400


def word_count(texts: list[str]) -> int:
    return sum(len(text.split()) for text in texts)


class WordBudget(Rule):
    """Een module past “in principe [op] niet langer dan één A4”: de tekst van de secties telt
    hoogstens `max_woorden` (400) woorden. De 39 modulen van de publicatie tellen er 221 tot 391.

    Passes:
        # een module met 304 woorden in doelgroep … randvoorwaarden
    Fails:
        # een module met 450 woorden: splits haar of schrap herhalingen
    """

    code = "WM203"
    name = "word-budget"
    severity = Severity.WARNING
    scope = "file"
    Options = WordBudgetOptions

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for entry in kb.modules_in_order():
            count = word_count(entry.model.sectie_teksten())
            if count > options.max_woorden:
                yield Finding(entry.source, t("style.word_budget", count=count, maximum=options.max_woorden), ("titel",))
