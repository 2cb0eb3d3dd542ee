"""Two modules side by side, section by section, with the differing words marked.

The sections are aligned by key; within a section the words are compared with difflib, so a
changed word shows as a deletion followed by an insertion. List structure survives as marker
tokens (bullets) and line breaks, which are never marked themselves.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from wijkmodulen.model.common import ActiviteitenBlok, LijstBlok, LijstItem, TekstBlok
from wijkmodulen.model.module import BEROEP_LABELS, SECTIES, Module

Op = Literal["gelijk", "weg", "nieuw"]
NEWLINE = "\n"
BULLET = "•"
SUB_BULLET = "◦"
MARKERS = (BULLET, SUB_BULLET)
COMPARED = ("titel", *SECTIES)
SHORT_RUN_TOKENS = 2
SHORT_RUN_CHARS = 6


@dataclass(frozen=True)
class Piece:
    op: Op
    tokens: tuple[str, ...]


@dataclass(frozen=True)
class SectionDiff:
    key: str
    kopje: str
    pieces: tuple[Piece, ...]
    ratio: float

    @property
    def same(self) -> bool:
        return all(piece.op == "gelijk" for piece in self.pieces)


@dataclass(frozen=True)
class Side:
    id: str
    titel: str
    beroep: str

    @property
    def beroep_label(self) -> str:
        return BEROEP_LABELS[self.beroep]


@dataclass(frozen=True)
class Comparison:
    left: Side
    right: Side
    sections: tuple[SectionDiff, ...]
    ratio: float

    @property
    def differing(self) -> int:
        return sum(not s.same for s in self.sections)


def _lines(value: object, depth: int = 0) -> list[str]:
    """A section as printed lines; list items start with a bullet token."""
    bullet = BULLET if depth == 0 else SUB_BULLET
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, TekstBlok):
        return [value.tekst]
    if isinstance(value, LijstBlok):
        return _items(value.lijst, bullet)
    if isinstance(value, ActiviteitenBlok):
        return [value.uitvoerder, *_items(value.activiteiten, bullet)]
    if isinstance(value, list):
        if all(isinstance(v, str | LijstItem) for v in value):
            return _items(value, bullet)
        return [line for v in value for line in _lines(v, depth)]
    return [str(value)]


def _items(items: list[str | LijstItem], bullet: str) -> list[str]:
    lines: list[str] = []
    for item in items:
        if isinstance(item, LijstItem):
            lines.append(f"{bullet} {item.tekst}")
            lines += [f"{SUB_BULLET} {sub}" for sub in item.lijst]
        else:
            lines.append(f"{bullet} {item}")
    return lines


def tokens(lines: list[str]) -> list[str]:
    """Words of every line, each line closed by a NEWLINE token."""
    result: list[str] = []
    for line in lines:
        result += line.split()
        result.append(NEWLINE)
    return result


def _short(run: list[str]) -> bool:
    """An equal run too small to read as common ground between two changes ("de", "in de")."""
    return len(run) <= SHORT_RUN_TOKENS and sum(map(len, run)) <= SHORT_RUN_CHARS and not (
        set(run) & {NEWLINE, *MARKERS}
    )


def diff_tokens(old: list[str], new: list[str]) -> tuple[tuple[Piece, ...], float]:
    """Word differences; short common words between two changes are folded into the change,
    so that ``[-bij de bewoner thuis-]{+in de privéomgeving+}`` reads as one replacement."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    codes = matcher.get_opcodes()
    runs: list[tuple[bool, list[str], list[str]]] = []  # (equal, old words, new words)
    for index, (tag, i1, i2, j1, j2) in enumerate(codes):
        equal = tag == "equal"
        between_changes = 0 < index < len(codes) - 1
        if equal and between_changes and _short(old[i1:i2]):
            equal = False
        if runs and not equal and not runs[-1][0]:
            runs[-1][1].extend(old[i1:i2])
            runs[-1][2].extend(new[j1:j2])
        else:
            runs.append((equal, old[i1:i2], new[j1:j2]))
    pieces: list[Piece] = []
    for equal, old_words, new_words in runs:
        if equal:
            pieces.append(Piece("gelijk", tuple(old_words)))
            continue
        if old_words:
            pieces.append(Piece("weg", tuple(old_words)))
        if new_words:
            pieces.append(Piece("nieuw", tuple(new_words)))
    return tuple(pieces), matcher.ratio()


def _section_value(module: Module, key: str) -> object:
    return getattr(module, key)


def compare_modules(left: Module, right: Module) -> Comparison:
    """Section-by-section word differences from ``left`` to ``right``."""
    sections: list[SectionDiff] = []
    all_old: list[str] = []
    all_new: list[str] = []
    for key in COMPARED:
        old = tokens(_lines(_section_value(left, key)))
        new = tokens(_lines(_section_value(right, key)))
        if not old and not new:
            continue
        pieces, ratio = diff_tokens(old, new)
        kopje = key.capitalize() if key == "titel" else left.kopje(key)
        sections.append(SectionDiff(key, kopje, pieces, ratio))
        all_old += old
        all_new += new
    _, ratio = diff_tokens(all_old, all_new)
    return Comparison(_side(left), _side(right), tuple(sections), ratio)


def _side(module: Module) -> Side:
    return Side(module.id, module.titel, module.beroep)


Fragment = tuple[str, str]  # (op or "marker", text)


def fragments(section: SectionDiff, only: Op | None = None) -> list[list[Fragment]]:
    """The section as lines of fragments; ``only`` keeps one side ("weg": left, "nieuw": right)."""
    lines: list[list[Fragment]] = []
    current: list[Fragment] = []
    for piece in section.pieces:
        if only is not None and piece.op not in ("gelijk", only):
            continue
        words: list[str] = []
        for token in piece.tokens:
            if token == NEWLINE:
                _flush(current, piece.op, words)
                lines.append(current)
                current = []
            elif token in MARKERS:
                # A list item starts a line, even where a change runs from a paragraph into a list.
                _flush(current, piece.op, words)
                if current:
                    lines.append(current)
                current = [("marker", token)]
            else:
                words.append(token)
        _flush(current, piece.op, words)
    if current:
        lines.append(current)
    return lines


def _flush(line: list[Fragment], op: str, words: list[str]) -> None:
    if words:
        line.append((op, " ".join(words)))
        words.clear()
