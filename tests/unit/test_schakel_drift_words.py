"""WM208's quick test for names of professions gives exactly the words of the full regex."""

from __future__ import annotations

import re

import pytest

from wijkmodulen.lint.rules.schakel_drift import SchakelDriftOptions, _Professions

NAMES = SchakelDriftOptions().beroepsnamen

TEXTS = [
    "De wijkmaatschappelijk werker belt.",
    "DE WIJKMAATSCHAPPELIJK WERKERS en de Individueel Opbouwwerker",
    "Geen beroep genoemd, wel één trema.",
    "wijkmaat\u017fchappelijk werk",  # long s: the regex takes it for an s
    "\u0130ndividueel opbouwwerk",  # dotted capital I
    "\u0131ndividueel opbouwwerk",  # dotless i
    "wij\u212amaatschappelijk werk",  # Kelvin sign
    "individueel  opbouwwerk",  # two spaces: not the name
    "",
    "wijkmaatschappelijk werkerswijkmaatschappelijk werkindividueel opbouwwerkers.",
    "Individueel opbouwwerk: individueel opbouwwerker, wijkmaatschappelijk werkers",
]


@pytest.mark.parametrize("names", [NAMES, ["werk", "opbouwwerk", "wijk"], ["ab", "a", "b"]])
@pytest.mark.parametrize("text", [*TEXTS, "aab bab abba"])
def test_same_words_as_the_regex(names: list[str], text: str) -> None:
    ordered = sorted(names, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(name) for name in ordered), re.IGNORECASE)
    assert _Professions(names).words(text) == pattern.sub("·", text).split()


def test_names_outside_ascii_always_take_the_regex() -> None:
    professions = _Professions(["maatschappelijk werker", "\u0133sselwerker"])
    assert professions.words("De \u0132SSELWERKER belt") == ["De", "·", "belt"]
