"""Splitting compound words against the KB's own vocabulary.

Dutch writes compounds as one word: "schuldenproblematiek" is "schulden" + "problematiek". A word is
split only into words the KB itself uses (at least ``MIN_PART`` letters, stop words excluded), joined
directly or by the linking "s" ("verslaving|s|problematiek"), so that "huiselijk" does not become
"huis" + "elijk" and no dictionary is needed.
"""

from __future__ import annotations

from collections.abc import Collection

MIN_PART = 4
MIN_COMPOUND = 2 * MIN_PART


def split_compound(word: str, vocabulary: Collection[str]) -> tuple[str, ...]:
    """The parts of ``word`` (the fewest; of equals, the one with the shortest first part), or () when
    it is no compound of vocabulary words."""
    if len(word) < MIN_COMPOUND:
        return ()
    best: tuple[str, ...] = ()
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head = word[:cut]
        if head in vocabulary:
            part = head
        elif head[-1] == "s" and cut > MIN_PART and head[:-1] in vocabulary:
            part = head[:-1]
        else:
            continue
        rest = word[cut:]
        tail = (rest,) if rest in vocabulary else split_compound(rest, vocabulary)
        if tail and (not best or 1 + len(tail) < len(best)):
            best = (part, *tail)
    return best
