"""Sorting the Dutch way, for the handbook's index (register).

Dutch dictionaries and indexes treat "ij" as one letter (IJsselmeer is filed under IJ, which follows I),
and an accented letter as its base letter, the accented word following the plain one when the words are
otherwise equal (cafe, café). Case decides last.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

_LETTERS = "abcdefghi" + "\x00" + "jklmnopqrstuvwxyz"  # \x00 stands for the letter ij, right after i
_IJ = "\x00"
_PRIMARY = {ch: 100 + i for i, ch in enumerate(_LETTERS)} | {str(d): 10 + d for d in range(10)}
_SPACE = 1  # word by word: "ab c" before "abc"


def _letters(text: str) -> list[tuple[str, bool]]:
    """Base letters of ``text`` (lower case, ij as one letter) and whether each carried a diacritic."""
    result: list[tuple[str, bool]] = []
    for char in text.casefold():
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        if base == "j" and result and result[-1][0] == "i" and not marks and not result[-1][1]:
            result[-1] = (_IJ, False)
            continue
        if char == "ĳ":  # the ligature is the letter itself
            result.append((_IJ, False))
            continue
        result.append((base, bool(marks)))
    return result


def dutch_sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Primary: letters (ij one letter, after i; digits before letters; punctuation ignored);
    secondary: plain before accented; last: the text itself, so that the order is total."""
    primary: list[int] = []
    secondary: list[int] = []
    for base, accented in _letters(text):
        if base in _PRIMARY:
            primary.append(_PRIMARY[base])
            secondary.append(1 if accented else 0)
        elif base.isspace() or base in "-/":
            if primary and primary[-1] != _SPACE:
                primary.append(_SPACE)
                secondary.append(0)
        elif base.isalpha():  # letters outside a-z sort after z, in code point order
            primary.append(1000 + ord(base))
            secondary.append(1 if accented else 0)
    return tuple(primary), tuple(secondary), text


def dutch_sorted(items: Iterable[T], key: Callable[[T], str]) -> list[T]:
    return sorted(items, key=lambda item: dutch_sort_key(key(item)))


def index_letter(text: str) -> str:
    """The letter an index entry is filed under: "IJ" for ij-words, the base letter otherwise, "#" for
    entries that start with a digit or sign."""
    for base, _accented in _letters(text):
        if base == _IJ:
            return "IJ"
        if base.isalpha():
            return base.upper() if base in _PRIMARY else base
        if base.isdigit():
            return "#"
    return "#"
