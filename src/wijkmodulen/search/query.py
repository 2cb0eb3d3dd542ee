"""Ranking a query against the index: the one procedure the page's script repeats step by step.

1. The query's words (``text.words``), stop words and repeats left out.
2. Each word to a stem: the index's own stem for a word the KB uses; else the word itself when it is a
   stem of the index; else the longest stem of the index (at least ``MIN_PREFIX`` letters) that the word
   begins with, leaving at most ``MAX_REST`` letters ("eenzame" -> the stem of "eenzaam"); else nothing.
3. Per document: how many of the query's stems it has, and the sum of their points.
4. Order: most stems matched, then most points, then the handbook's order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from wijkmodulen.search.documents import SearchDoc
from wijkmodulen.search.index import SCALE, SearchIndex
from wijkmodulen.search.text import STOPWORDS, words

MIN_PREFIX = 4
MAX_REST = 3
SNIPPET_CHARS = 160
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Hit:
    doc: SearchDoc
    matched: int  # how many of the query's stems the document has
    points: int  # thousandths
    snippet: str

    @property
    def score(self) -> float:
        return self.points / SCALE


def query_words(query: str) -> list[str]:
    return list(dict.fromkeys(w for w in words(query) if w not in STOPWORDS))


def resolve(word: str, index: SearchIndex) -> str | None:
    if word in index.stems:
        return index.stems[word]
    if word in index.terms:
        return word
    for end in range(len(word) - 1, max(MIN_PREFIX, len(word) - MAX_REST) - 1, -1):
        if word[:end] in index.terms:
            return word[:end]
    return None


def query_stems(query: str, index: SearchIndex) -> list[str]:
    found = (resolve(w, index) for w in query_words(query))
    return list(dict.fromkeys(s for s in found if s is not None))


def search(
    index: SearchIndex, query: str, keep: Callable[[SearchDoc], bool] | None = None, limit: int | None = None
) -> tuple[list[Hit], int]:
    """The first ``limit`` documents that match ``query``, best first, with snippets, and how many match
    in all; only documents ``keep`` accepts count."""
    stems = query_stems(query, index)
    matched: dict[int, int] = {}
    points: dict[int, int] = {}
    for key in stems:
        flat = index.terms[key]
        for position in range(0, len(flat), 2):
            number = flat[position]
            matched[number] = matched.get(number, 0) + 1
            points[number] = points.get(number, 0) + flat[position + 1]
    ranked = sorted(matched, key=lambda n: (-matched[n], -points[n], n))
    if keep is not None:
        ranked = [n for n in ranked if keep(index.docs[n])]
    shown = ranked if limit is None else ranked[:limit]
    hits = []
    for n in shown:
        doc = index.doc(n)
        hits.append(Hit(doc, matched[n], points[n], snippet(doc, stems, index)))
    return hits, len(ranked)


def word_matches(word: str, stems: list[str], index: SearchIndex) -> bool:
    """Whether a word of a text shows one of the query's stems: its own stem, or a stem inside it (the
    part of a compound)."""
    own = index.stems.get(word, word)
    return any(own == key or (len(key) >= MIN_PREFIX and key in word) for key in stems)


def snippet(doc: SearchDoc, stems: list[str], index: SearchIndex) -> str:
    """The first passage of ``doc`` with a matching word, cut to about ``SNIPPET_CHARS`` around it."""
    for text in doc.passages:
        for position, word in _positions(text):
            if word_matches(word, stems, index):
                return _cut(text, position)
    return _cut(doc.passages[0], 0) if doc.passages else ""


def _positions(text: str) -> list[tuple[int, str]]:
    """The words of ``text`` with their start in the text (normalising keeps the length of a Latin text
    except for dropped accents, so positions are taken word by word on the original)."""
    found: list[tuple[int, str]] = []
    for match in _WORD.finditer(text):
        for word in words(match.group()):
            found.append((match.start(), word))
    return found


def _cut(text: str, position: int) -> str:
    if len(text) <= SNIPPET_CHARS:
        return text
    start = max(0, position - SNIPPET_CHARS // 3)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < position else start
    end = start + SNIPPET_CHARS
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > position else end
    return ("…" if start > 0 else "") + text[start:end].strip() + ("…" if end < len(text) else "")

