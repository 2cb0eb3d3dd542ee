"""Words of a text: the one normalisation, the stop words and the Dutch Snowball stemmer.

The page's script repeats ``normalize`` and ``words`` exactly (lower case, accents dropped, runs of
a-z and 0-9), so the two sides agree on what a word is; stems come from the index, never from a
second stemmer in the browser.
"""

from __future__ import annotations

import re
import unicodedata

import snowballstemmer  # type: ignore[import-untyped]

# Combining marks that NFKD splits off Latin letters (ë -> e + U+0308); the script drops the same range.
_MARKS = re.compile("[\u0300-\u036f]")
_WORD = re.compile(r"[a-z0-9]+")

# Snowball's Dutch stop word list (snowballstemmer ships the algorithm, not the list), less the
# words that carry meaning in this KB's texts ("geen", "niet" stay out of queries too: they never rank).
STOPWORDS: frozenset[str] = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en
    er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon
    kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over
    reeds te tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt
    zal ze zelf zich zij zijn zo zonder zou
    """.split()  # noqa: SIM905 - a list of a hundred words reads better as one text
)

# The classic Snowball Dutch algorithm. snowballstemmer 3 renamed it "dutch_porter" and gave the name
# "dutch" to a newer algorithm that strips the prefix "ge" and merges unrelated words ("geweld" and "wel",
# "gezondheid" and "zon", "begeleiding" and "beleid"): unusable for searching this KB.
STEMMER = "dutch_porter"
_STEMMER = snowballstemmer.stemmer(STEMMER)


def normalize(text: str) -> str:
    """Lower case without accents: "Financiële" -> "financiele"."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.lower()))


def words(text: str) -> list[str]:
    """The words of ``text``, normalised, stop words included (snippets need every word)."""
    return _WORD.findall(normalize(text))


def stem_words(words: list[str]) -> list[str]:
    """The Snowball Dutch stems of normalised words (snowballstemmer hands the work to PyStemmer's C
    code when it is installed, which it is as a dependency: some sixty times faster)."""
    return [str(s) for s in _STEMMER.stemWords(words)]
