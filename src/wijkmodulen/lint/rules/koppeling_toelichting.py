from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t

QUOTE = re.compile(r"“([^”]+)”")


class KoppelingOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_competenties: int = 6


def _normal(text: str) -> str:
    return " ".join(text.split())


class KoppelingToelichting(Rule):
    """Redactionele koppelingen (module → competentie, kennisdomein, doelgroep) zijn na te lopen:
    elk gekoppeld id heeft een `toelichting` die tussen “ en ” woorden uit deze module citeert, en een
    module koppelt hoogstens `max_competenties` (6) competenties.

    Passes:
        koppelingen:
          herkomst: redactioneel
          competenties: [4B]
          toelichting:
            4B: '“verzamelt informatie om het signaal helder te krijgen”: vraagverheldering.'
    Fails:
        koppelingen:
          herkomst: redactioneel
          competenties: [4B]
          toelichting: {}
    """

    code = "WM108"
    name = "koppeling-toelichting"
    severity = Severity.ERROR
    scope = "file"
    Options = KoppelingOptions

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for entry in kb.modules_in_order():
            links = entry.model.koppelingen
            if links is None:
                continue
            if len(links.competenties) > options.max_competenties:
                yield Finding(
                    entry.source,
                    t("ref.koppelingen_too_many", count=len(links.competenties), maximum=options.max_competenties),
                    ("koppelingen", "competenties"),
                )
            text = _normal(" ".join(entry.model.sectie_teksten()))
            for key, ids in (("competenties", links.competenties), ("kennisdomeinen", links.kennisdomeinen),
                             ("doelgroepen", links.doelgroepen)):
                for index, identifier in enumerate(ids):
                    reason = links.toelichting.get(identifier)
                    if reason is None:
                        yield Finding(entry.source, t("ref.koppeling_without_toelichting", id=identifier),
                                      ("koppelingen", key, index), at_value=True)
                        continue
                    path = ("koppelingen", "toelichting", identifier)
                    quotes = QUOTE.findall(reason)
                    if not quotes:
                        yield Finding(entry.source, t("ref.koppeling_quote_missing", id=identifier), path)
                    for quote in quotes:
                        if _normal(quote) not in text:
                            yield Finding(entry.source,
                                          t("ref.koppeling_quote_not_in_module", id=identifier, quote=quote), path)
