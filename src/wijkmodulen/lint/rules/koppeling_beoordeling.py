from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t
from wijkmodulen.model.module import DIMENSIES


class BeoordelingOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Off while a review of the whole KB is under way, so that lint stays clean; set it to true
    # ([tool.wijkmodulen.lint.rules.WM110]) once every module has been reviewed.
    beoordeling_verplicht: bool = False


class KoppelingBeoordeling(Rule):
    """Een beoordeelde module (`koppelingen.beoordeling`) zegt bij elke lege dimensie (competenties,
    kennisdomeinen, doelgroepen) onder `koppelingen.zonder_grond` waarom de tekst geen grond geeft, en
    geeft geen reden bij een dimensie die wel koppelt. Met `beoordeling_verplicht = true` is ook een
    module zonder beoordeling een bevinding.

    Passes:
        koppelingen:
          doelgroepen: []
          zonder_grond: {doelgroepen: 'niet toegespitst op één doelgroep.'}
          beoordeling: {door: redactie, datum: 2026-11-29, rubric: 1}
    Fails:
        koppelingen:
          doelgroepen: []
          beoordeling: {door: redactie, datum: 2026-11-29, rubric: 1}
    """

    code = "WM110"
    name = "koppeling-beoordeling"
    severity = Severity.WARNING
    scope = "file"
    Options = BeoordelingOptions

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for entry in kb.modules_in_order():
            links = entry.model.koppelingen
            if links is None or links.beoordeling is None:
                if options.beoordeling_verplicht:
                    yield Finding(entry.source, t("ref.beoordeling_missing"),
                                  ("koppelingen",) if links is not None else ("id",))
                continue
            for dimensie in DIMENSIES:
                linked = getattr(links, dimensie)
                reason = links.zonder_grond.get(dimensie)  # type: ignore[call-overload]
                if not linked and not (reason or "").strip():
                    yield Finding(entry.source, t("ref.zonder_grond_missing", dimensie=dimensie),
                                  ("koppelingen", "beoordeling"))
                elif linked and reason is not None:
                    yield Finding(entry.source, t("ref.zonder_grond_but_linked", dimensie=dimensie),
                                  ("koppelingen", "zonder_grond", dimensie))
