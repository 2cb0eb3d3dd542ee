from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.lint.texts import text_values
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t

# The OCR read a diaeresis as an acute accent: cliént, financiéle, creéert, ideeén. After i, and
# after e inside a word, é is a ë in Dutch; één, Eén and privé keep theirs.
_ACUTE_FOR_DIAERESIS = re.compile(r"(?<=[iI])é|(?<=\w[eE])é")


class TremaOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Other forms the OCR produced, with their spelling (see tests/fidelity/repairs.yaml).
    woorden: dict[str, str] = {
        "geinformeerd": "geïnformeerd", "Geinformeerd": "Geïnformeerd",
        "codrdina": "coördina", "Codrdina": "Coördina", "coérdina": "coördina", "Coérdina": "Coördina",
    }


def _spelling(text: str, options: TremaOptions) -> str:
    if "é" in text:  # the pattern's look-behinds cost a scan of every text; most have no é
        text = _ACUTE_FOR_DIAERESIS.sub("ë", text)
    for wrong, right in options.woorden.items():
        text = text.replace(wrong, right)
    return text


class Trema(Rule):
    """Trema’s zoals gespeld: de OCR las ë als é (cliént, financiéle, creéert, ideeén) en liet de ï
    en ö weg of verminkte ze (geinformeerd, codrdinatie; zie `woorden`). `wijkmodulen fmt --fix`
    herstelt dit; één, Eén en privé blijven zoals ze zijn.

    Passes:
        doelgroep: Cliënten met financiële problemen; één bewoner.
    Fails:
        doelgroep: Cliénten met financiéle problemen.
    """

    code = "WM207"
    name = "trema"
    severity = Severity.ERROR
    scope = "file"
    Options = TremaOptions
    fixable = True

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for source in kb.files:
            if not isinstance(source.data, dict):
                continue
            for path, text in text_values(source.data):
                fixed = _spelling(text, options)
                if fixed != text:
                    wrong = [w for w, r in zip(text.split(), fixed.split(), strict=False) if w != r]
                    right = [r for w, r in zip(text.split(), fixed.split(), strict=False) if w != r]
                    yield Finding(source, t("style.trema", wrong=", ".join(wrong), right=", ".join(right)),
                                  path, at_value=True)

    def fix(self, text: str, options: Any) -> str:
        return _spelling(text, options)
