from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import Entry, KnowledgeBase
from wijkmodulen.load.yaml_source import Path_, Position
from wijkmodulen.messages import t
from wijkmodulen.model.module import SECTIES, Module, collect_texts


class SchakelDriftOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    # Sections at least this similar (word by word) are meant to be the same text; below it the
    # two professions describe the work differently on purpose.
    min_gelijkenis: float = Field(default=0.8, ge=0, le=1)
    # The name of the profession differs by design and does not count as a difference.
    beroepsnamen: list[str] = [
        "wijkmaatschappelijk werkers", "wijkmaatschappelijk werker", "wijkmaatschappelijk werk",
        "individueel opbouwwerkers", "individueel opbouwwerker", "individueel opbouwwerk",
    ]


def _text(module: Module, section: str) -> str:
    texts: list[str] = []
    collect_texts(getattr(module, section), texts)
    return " ".join(texts)


# Characters outside ASCII that a case-insensitive regex takes for an ASCII letter (i, i, s, k).
_ASCII_LOOKALIKES = ("\u0130", "\u0131", "\u017f", "\u212a")


class _Professions:
    """Replaces the names of the professions by one mark, as the case-insensitive regex of the
    names (longest first) would. That regex is slow (six alternatives tried at every character),
    so the names are looked for with substring searches in the text's lower case instead, which
    finds the same matches for names in ASCII: the lower case keeps the length and positions of
    the text, and the four non-ASCII letters that the regex equates with ASCII ones send a text
    to the regex."""

    def __init__(self, names: list[str]) -> None:
        ordered = sorted(names, key=len, reverse=True)
        self.pattern = re.compile("|".join(re.escape(name) for name in ordered), re.IGNORECASE)
        plain = names and all(name and name.isascii() for name in names)
        self.lowered = [name.lower() for name in ordered] if plain else None

    def words(self, text: str) -> list[str]:
        if self.lowered is None or any(c in text for c in _ASCII_LOOKALIKES):
            return self.pattern.sub("·", text).split()
        lowered = text.lower()
        parts: list[str] = []
        start = 0
        while True:
            # the leftmost match; at the same place the first name in order (the longest) wins
            found, length = -1, 0
            for name in self.lowered:
                at = lowered.find(name, start)
                if at >= 0 and (found < 0 or at < found):
                    found, length = at, len(name)
            if found < 0:
                break
            parts.append(text[start:found])
            parts.append("·")
            start = found + length
        if not parts:
            return text.split()
        parts.append(text[start:])
        return "".join(parts).split()


class SchakelDrift(Rule):
    """Een schakelmodule en haar tegenhanger die een sectie (bijna) woordelijk delen, blijven gelijk:
    een sectie die voor minstens `min_gelijkenis` (80%) maar niet helemaal overeenkomt, is
    waarschijnlijk aan één kant bijgewerkt. De naam van het beroep telt niet als verschil.

    Passes:
        # wmw-19 en iow-20 hebben dezelfde doelgroep, op de naam van het beroep na
    Fails:
        # wmw-12: 'Wijkbewoners die een steuntje in de rug nodig hebben.'
        # iow-11: 'Wijkbewoners die af en toe een steuntje in de rug nodig hebben.'
    """

    code = "WM208"
    name = "schakel-drift"
    severity = Severity.INFO
    scope = "kb"
    Options = SchakelDriftOptions

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        professions = _Professions(options.beroepsnamen)
        seen: set[frozenset[str]] = set()
        for entry in kb.modules_in_order():
            for other_id in entry.model.tegenhangers:
                other = kb.modules.get(other_id)
                pair = frozenset((entry.model.id, other_id))
                if other is None or pair in seen:
                    continue
                seen.add(pair)
                # The findings of a pair depend on the two files alone: with the lint cache they are
                # computed once per pair of contents.
                key = self.memo.key(entry.source, other.source) if self.memo else None
                found = self.memo.get(key) if self.memo and key else None
                if found is None:
                    found = list(self._pair(entry, other, other_id, options, professions))
                    if self.memo and key:
                        # Kept with their positions, so that a warm run need not look them up.
                        where = entry.source.positions([(path, False) for _, path, _ in found])
                        found = [(message, path, position) for (message, path, _), position in zip(found, where, strict=True)]
                        self.memo.put(key, found)
                for message, path, position in found:
                    yield Finding(entry.source, message, path, position)

    def _pair(
        self, entry: Entry[Module], other: Entry[Module], other_id: str, options: Any, professions: _Professions
    ) -> Iterator[tuple[str, Path_, Position | None]]:
        for section in SECTIES:
            mine_text, theirs_text = _text(entry.model, section), _text(other.model, section)
            if mine_text == theirs_text:  # the same words (or both empty): nothing to compare
                continue
            mine, theirs = professions.words(mine_text), professions.words(theirs_text)
            if not mine or not theirs or mine == theirs:
                continue
            matcher = difflib.SequenceMatcher(None, mine, theirs, autojunk=False)
            # Upper bounds first (lengths, then word counts): most sections that differ differ
            # by far more than the threshold, and ratio() is the costly part.
            if matcher.real_quick_ratio() < options.min_gelijkenis or matcher.quick_ratio() < options.min_gelijkenis:
                continue
            ratio = matcher.ratio()
            if ratio < options.min_gelijkenis:
                continue
            here, there = _first_difference(matcher, mine, theirs)
            message = t("style.schakel_drift", section=section, other=other_id,
                        percent=round(ratio * 100), here=here, there=there)
            yield message, (section,), None  # placed by the engine, with the file's other findings


def _first_difference(matcher: difflib.SequenceMatcher[str], mine: list[str], theirs: list[str]) -> tuple[str, str]:
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            return " ".join(mine[a1:a2]) or "—", " ".join(theirs[b1:b2]) or "—"
    return "—", "—"
