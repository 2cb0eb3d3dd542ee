from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.lint.texts import text_values
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t


class RequiredSectionsOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    verplicht: list[str] = ["doelgroep", "doelen", "duur_en_frequentie", "setting", "werkwijze", "randvoorwaarden"]
    geen_randvoorwaarden: str = "Er zijn geen specifieke randvoorwaarden."


class RequiredSections(Rule):
    """Elke module heeft de vaste secties met tekst: doelgroep, doelen, duur en frequentie, setting,
    werkwijze en randvoorwaarden (`verplicht`); geen randvoorwaarden schrijf je uit als
    “Er zijn geen specifieke randvoorwaarden.”. Aanvullende informatie is optioneel, maar niet leeg.

    Passes:
        randvoorwaarden: Er zijn geen specifieke randvoorwaarden.
    Fails:
        randvoorwaarden: []
    """

    code = "WM201"
    name = "required-sections"
    severity = Severity.ERROR
    scope = "file"
    Options = RequiredSectionsOptions

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for entry in kb.modules_in_order():
            data = entry.source.data
            for section in (*options.verplicht, "aanvullende_informatie"):
                if section not in data or (section == "aanvullende_informatie" and data[section] is None):
                    continue  # a missing required key is a schema error (WM002) already
                if any(text.strip() for _, text in text_values(data[section])):
                    continue
                key = "style.section_empty_randvoorwaarden" if section == "randvoorwaarden" else "style.section_empty"
                yield Finding(entry.source, t(key, section=section, text=options.geen_randvoorwaarden), (section,))
