from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t
from wijkmodulen.model.module import INDIVIDUELE_FUNCTIES

# The profile's vakspecifieke competences are written for groups and the work area (docs/rubric.md).
COLLECTIEF = re.compile(r"^4[L-T]$")


class KoppelingCollectief(Rule):
    """Een vakspecifieke, collectieve competentie (4L–4T) bij een module van individuele hulpverlening
    (wmw: toegangs- en uitvoeringsfuncties; iow: contactlegging en signalering, uitvoeringsfuncties)
    heeft naast haar toelichting een reden onder `koppelingen.collectief` die de collectieve kant van
    de module noemt; een reden voor een competentie die niet gekoppeld is, is een vergissing. Geldt
    voor modulen waarvan de koppelingen beoordeeld zijn (`koppelingen.beoordeling`): de beoordeling
    volgens docs/rubric.md is het moment om de reden te geven.

    Passes:
        functie: uitvoeringsfuncties
        koppelingen:
          competenties: [4Q]
          collectief: {4Q: 'de werker zet buren en vrijwilligers in rond de bewoner.'}
          beoordeling: {door: redactie, datum: 2026-11-29, rubric: 1}
    Fails:
        functie: uitvoeringsfuncties
        koppelingen:
          competenties: [4L]
          beoordeling: {door: redactie, datum: 2026-11-29, rubric: 1}
    """

    code = "WM109"
    name = "koppeling-collectief"
    severity = Severity.ERROR
    scope = "file"

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for entry in kb.modules_in_order():
            module, links = entry.model, entry.model.koppelingen
            if links is None or links.beoordeling is None:
                continue
            individueel = module.functie in INDIVIDUELE_FUNCTIES.get(module.beroep, frozenset())
            for index, identifier in enumerate(links.competenties):
                if individueel and COLLECTIEF.match(identifier) and not links.collectief.get(identifier, "").strip():
                    yield Finding(entry.source, t("ref.collectief_without_reason", id=identifier, functie=module.functie),
                                  ("koppelingen", "competenties", index), at_value=True)
            for identifier in links.collectief:
                if identifier not in links.competenties:
                    yield Finding(entry.source, t("ref.collectief_not_linked", id=identifier),
                                  ("koppelingen", "collectief", identifier))
