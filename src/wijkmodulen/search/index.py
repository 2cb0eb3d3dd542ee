"""The search index: per stem, the documents it occurs in and the points it earns there.

Ranking is BM25F: a term's frequency is summed over a document's fields by their weights, each field
normalised by its length; a compound's parts count for ``COMPOUND_SHARE`` of an occurrence. The points of
every (stem, document) pair are computed here, once, and stored as whole numbers, so that ranking is only
lookups and integer sums, identical in Python and in the page's script.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wijkmodulen.search.compounds import split_compound
from wijkmodulen.search.documents import FIELD_WEIGHTS, SOORT_WEIGHTS, SearchDoc
from wijkmodulen.search.text import STOPWORDS, stem_words, words

K1 = 1.2
B = 0.75
COMPOUND_SHARE = 0.5
SCALE = 1000  # points are stored in thousandths
FORMAT_VERSION = 1


@dataclass(frozen=True)
class SearchIndex:
    docs: Sequence[SearchDoc]
    terms: Mapping[str, list[int]]  # stem -> [doc, points, doc, points, ...] in document order
    stems: Mapping[str, str]  # word -> its stem, for every indexed word whose stem differs from it
    # Where a document's texts come from when ``docs`` hold only what ranking and the filters need
    # (an index read from the search cache); None: ``docs`` are complete.
    texts_of: Callable[[int], SearchDoc] | None = None

    def doc(self, number: int) -> SearchDoc:
        """Document ``number`` with its texts (for a snippet)."""
        return self.docs[number] if self.texts_of is None else self.texts_of(number)

    def payload(self) -> dict[str, Any]:
        """The index as the page's script reads it (JSON-ready)."""
        return {
            "versie": FORMAT_VERSION,
            "docs": [[doc.id, doc.soort, doc.titel, doc.anchor] for doc in self.docs],
            "stop": sorted(STOPWORDS),
            "woorden": dict(self.stems),
            "termen": dict(self.terms),
        }


def _indexed_words(text: str) -> list[str]:
    return [word for word in words(text) if word not in STOPWORDS]


FieldCounts = dict[str, tuple[int, dict[str, int]]]
"""A document's words per weighted field: the field's length in words and how often each word occurs
(in the order of first occurrence, which fixes the order the points are summed in)."""


def doc_counts(doc: SearchDoc) -> FieldCounts:
    """The words of one document: all the index needs of it (the search cache keeps it per file)."""
    counts: FieldCounts = {}
    for name, texts in doc.fields.items():
        ws = [w for text in texts for w in _indexed_words(text)]
        counts[name] = (len(ws), dict(Counter(ws)))
    return counts


def build_index(docs: list[SearchDoc]) -> SearchIndex:
    return assemble_index(docs, [doc_counts(doc) for doc in docs])


def assemble_index(docs: list[SearchDoc], counts: list[FieldCounts]) -> SearchIndex:
    """The index of ``docs`` from their words (``doc_counts``): vocabulary, compounds, stems and the
    points, which depend on every document at once."""
    vocabulary = {w for fields in counts for _, words_ in fields.values() for w in words_}
    splittable = {w: split_compound(w, vocabulary) for w in vocabulary}
    ordered = sorted(vocabulary)
    word_stems = dict(zip(ordered, stem_words(ordered), strict=True))

    lengths: Counter[str] = Counter()
    present: Counter[str] = Counter()
    for fields in counts:
        for name, (length, _) in fields.items():
            if length:
                lengths[name] += length
                present[name] += 1
    average = {name: lengths[name] / present[name] for name in lengths}

    # tf~ per document: stem -> weighted, length-normalised frequency
    weighted: list[dict[str, float]] = []
    for doc, fields in zip(docs, counts, strict=True):
        per_stem: dict[str, float] = {}
        for name, (length, words_) in fields.items():
            if not length:
                continue
            norm = FIELD_WEIGHTS[name] * SOORT_WEIGHTS[doc.soort] / (1 - B + B * length / average[name])
            for w, count in words_.items():
                key = word_stems[w]
                per_stem[key] = per_stem.get(key, 0.0) + norm * count
                for part in splittable[w]:
                    key = word_stems[part]
                    per_stem[key] = per_stem.get(key, 0.0) + norm * count * COMPOUND_SHARE
        weighted.append(per_stem)

    postings: dict[str, list[tuple[int, float]]] = {}
    for number, per_stem in enumerate(weighted):
        for key, value in per_stem.items():
            postings.setdefault(key, []).append((number, value))
    total = len(docs)
    terms: dict[str, list[int]] = {}
    for key in sorted(postings):
        found = postings[key]
        idf = math.log(1 + (total - len(found) + 0.5) / (len(found) + 0.5))
        flat: list[int] = []
        for number, value in found:
            flat += [number, max(1, round(SCALE * idf * value * (K1 + 1) / (K1 + value)))]
        terms[key] = flat
    stems = {w: s for w, s in sorted(word_stems.items()) if s != w}
    return SearchIndex(tuple(docs), terms, stems)
