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

_TYPOGRAPHIC = "‘’“”"
_STRAIGHT = "'\""


class OcrDebrisOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # What the OCR made of footnote marks and section icons: never part of the text.
    tekens: str = "™¥§•▪■□●◆◊✓✔➢➤\uf0b7\uf0a7\uf0d8"
    # Private-use code points: icons from the publication's symbol fonts.
    prive_gebruik: bool = True


def _debris_pattern(options: OcrDebrisOptions) -> re.Pattern[str]:
    parts = [re.escape(options.tekens)] if options.tekens else []
    if options.prive_gebruik:
        parts.append("\ue000-\uf8ff")
    return re.compile(f"[{''.join(parts)}]" if parts else r"(?!)")


def _typographic(text: str) -> str:
    """Straight quotes made typographic: apostrophes in words ’, single pairs ‘…’, double “…”."""
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    text = re.sub(r"(?<![\w’])'(?=\S)", "‘", text)
    text = text.replace("'", "’")
    text = re.sub(r'(?<!\w)"(?=\S)', "“", text)
    return text.replace('"', "”")


class OcrDebris(Rule):
    """Geen OCR-resten: geen `™` (zo las de OCR het voetnootteken), geen losse pictogrammen (`tekens`
    en tekens uit het privégebruikbereik), geen dubbele spaties, en in een bestand met typografische
    aanhalingstekens (‘ ’ “ ”) geen rechte (' "). `wijkmodulen fmt --fix` herstelt dit.

    Passes:
        doelen: [De wijkbewoner heeft zicht op ‘de vraag achter de vraag’.]
    Fails:
        doelen: [De wijkbewoner™ heeft zicht  op 'de vraag achter de vraag’.]
    """

    code = "WM206"
    name = "ocr-debris"
    severity = Severity.ERROR
    scope = "file"
    Options = OcrDebrisOptions
    fixable = True

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        debris = _debris_pattern(options)
        for source in kb.files:
            if not isinstance(source.data, dict):
                continue
            texts = list(text_values(source.data))
            typographic = any(ch in text for _, text in texts for ch in _TYPOGRAPHIC)
            for path, text in texts:
                for match in debris.finditer(text):
                    yield Finding(source, t("style.debris", char=match.group(0), code=f"U+{ord(match.group(0)):04X}"),
                                  path, at_value=True)
                if "  " in text.strip():
                    yield Finding(source, t("style.double_space"), path, at_value=True)
                if typographic and any(ch in text for ch in _STRAIGHT):
                    yield Finding(source, t("style.straight_quotes"), path, at_value=True)

    def fix(self, text: str, options: Any) -> str:
        fixed = _debris_pattern(options).sub("", text)
        fixed = re.sub(r"(?<=\S) {2,}(?=\S)", " ", fixed)
        if any(ch in fixed for ch in _STRAIGHT):
            fixed = _typographic(fixed)
        return fixed
