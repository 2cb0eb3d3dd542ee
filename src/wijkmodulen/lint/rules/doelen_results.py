from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.lint.texts import is_placeholder, text_values
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t

# "Opbouwen van ...", "Vroegtijdig aanpakken van ...", "Het bieden van ...": a nominalised infinitive.
_NOMINAL = re.compile(r"^(?:het\s+)?(?:(?!de\b|een\b)\w+\s+)?(\w+en)\s+van\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")


class DoelenResultsOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Verbs of the professional's activities; as a bare infinitive in a doel they describe work to do.
    activiteiten: list[str] = [
        "aanpakken", "adviseren", "agenderen", "begeleiden", "bemiddelen", "bevorderen", "bieden",
        "coördineren", "informeren", "ondersteunen", "opbouwen", "organiseren", "signaleren",
        "stimuleren", "toeleiden", "verbeteren", "vergroten", "versterken",
    ]
    # Finite verbs of a result sentence ("De wijkbewoner heeft ...", "... kan ... aanpakken"): a doel
    # with one of these is read as a result even when it names an activity verb.
    vervoegd: list[str] = [
        "is", "zijn", "heeft", "hebben", "wordt", "worden", "kan", "kunnen", "weet", "weten", "kent",
        "kennen", "voelt", "voelen", "maakt", "maken", "houdt", "zet", "loopt", "functioneert",
    ]


class DoelenResults(Rule):
    """Doelen beschrijven “welke beoogde resultaten met de inzet van de module in beeld dienen te
    komen”: een bereikte toestand (“De wijkbewoner heeft …”, “… is toegeleid”), geen activiteit.
    Een heuristiek: verdacht is een doel dat begint met een zelfstandig gebruikte infinitief
    (“Opbouwen van …”), of dat een werkwoord uit `activiteiten` noemt zonder een vervoegd werkwoord
    uit `vervoegd` (“… onderbouwd agenderen bij partners”).

    Passes:
        doelen: [De wijkbewoner heeft zicht op inkomsten en uitgaven.]
    Fails:
        doelen: [Opbouwen van korte lijnen tussen collega’s en netwerkpartners.]
    """

    code = "WM205"
    name = "doelen-as-results"
    severity = Severity.WARNING
    scope = "file"
    Options = DoelenResultsOptions

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        verbs = {verb.lower() for verb in options.activiteiten}
        finite = {word.lower() for word in options.vervoegd}
        for entry in kb.modules_in_order():
            for path, text in text_values(entry.source.data.get("doelen"), ("doelen",)):
                if is_placeholder(text):
                    continue
                verb = activity_verb(text, verbs, finite)
                if verb is not None:
                    yield Finding(entry.source, t("style.doel_activity", verb=verb), path, at_value=True)


def activity_verb(text: str, verbs: set[str], finite: set[str]) -> str | None:
    """The word that makes ``text`` read as an activity, or None when it reads as a result."""
    nominal = _NOMINAL.match(text.strip())
    if nominal:
        return nominal.group(1)
    words = [w.lower() for w in _WORD.findall(text)]
    if finite & set(words):
        return None
    return next((word for word in words if word in verbs), None)
