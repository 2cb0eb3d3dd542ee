from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.lint.texts import PLACEHOLDER, text_values
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t


class PlaceholderOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    markering: str = PLACEHOLDER


class Placeholder(Rule):
    """Geen invultekst meer: een tekst die begint met `TODO:` (wat `wijkmodulen new` in elke
    sectie zet) moet nog geschreven worden.

    Passes:
        setting: Bij de bewoner thuis.
    Fails:
        setting: 'TODO: waar vindt het contact plaats?'
    """

    code = "WM202"
    name = "placeholder-text"
    severity = Severity.ERROR
    scope = "file"
    Options = PlaceholderOptions

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for source in kb.files:
            if not isinstance(source.data, dict):
                continue
            for path, text in text_values(source.data):
                if text.lstrip().startswith(options.markering):
                    yield Finding(source, t("style.placeholder", text=text.strip()), path, at_value=True)
