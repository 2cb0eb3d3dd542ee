from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.lint.texts import activity_blocks, is_placeholder
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t


class ActivityPunctuationOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tussen: str = ";"
    einde: str = "."
    # A question cannot be followed by ';': the publication ends such activities with '?'.
    ook_goed: list[str] = ["?"]


class ActivityPunctuation(Rule):
    """Activiteiten lopen door op de regel van de uitvoerder (“De wijkmaatschappelijk werker:”):
    elke activiteit begint met een kleine letter, tussen de activiteiten staat `;`, na de laatste
    een `.` (een vraag mag op `?` eindigen).

    Passes:
        - uitvoerder: 'De wijkmaatschappelijk werker:'
          activiteiten: [zoekt de bewoner op;, legt contact.]
    Fails:
        - uitvoerder: 'De wijkmaatschappelijk werker:'
          activiteiten: [Zoekt de bewoner op., legt contact]
    """

    code = "WM204"
    name = "activity-punctuation"
    severity = Severity.WARNING
    scope = "file"
    Options = ActivityPunctuationOptions

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for entry in kb.modules_in_order():
            for _, items in activity_blocks(entry.source.data):
                for number, (path, text) in enumerate(items, start=1):
                    stripped = text.strip()
                    if not stripped or is_placeholder(stripped):
                        continue
                    first = next((ch for ch in stripped if ch.isalpha()), "")
                    if first.isupper():
                        yield Finding(entry.source, t("style.activity_capital", word=stripped.split()[0]), path,
                                      at_value=True)
                    last = number == len(items)
                    wanted = options.einde if last else options.tussen
                    if not stripped.endswith((wanted, *options.ook_goed)):
                        key = "style.activity_end_last" if last else "style.activity_end"
                        yield Finding(entry.source, t(key, wanted=wanted, end=stripped[-1]), path, at_value=True)
