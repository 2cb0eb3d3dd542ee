"""The register sorts the Dutch way: ij is one letter after i, diacritics fold onto their base letter."""

from __future__ import annotations

from wijkmodulen.render.index import dutch_sorted, index_letter


def test_ij_is_one_letter_after_i() -> None:
    # As i + j, "bijlage" would come before "biologie" (j < o); as the letter ij it comes after.
    words = ["wijk", "winkel", "bijlage", "biologie", "IJsselmeer", "idee", "jaar", "ijzer"]
    assert dutch_sorted(words, key=str) == [
        "biologie", "bijlage", "idee", "IJsselmeer", "ijzer", "jaar", "winkel", "wijk",
    ]


def test_diacritics_sort_with_their_base_letter_after_the_plain_word() -> None:
    words = ["eland", "één", "café", "cafe", "Élan", "elan", "een", "cafés"]
    assert dutch_sorted(words, key=str) == ["cafe", "café", "cafés", "een", "één", "elan", "Élan", "eland"]


def test_case_only_breaks_ties_and_words_sort_word_by_word() -> None:
    assert dutch_sorted(["ouders", "Ouderen", "ouder en kind", "oudere"], key=str) == [
        "ouder en kind", "oudere", "Ouderen", "ouders",
    ]


def test_digits_before_letters_and_punctuation_ignored() -> None:
    assert dutch_sorted(["zorg", "(tijdelijk) kwetsbaar", "4P", "ab"], key=str) == [
        "4P", "ab", "(tijdelijk) kwetsbaar", "zorg",
    ]


def test_index_letter() -> None:
    assert [index_letter(w) for w in ["IJsselmeer", "ijzer", "idee", "Élan", "4P", "(tijdelijk)", "über"]] == [
        "IJ", "IJ", "I", "E", "#", "T", "U",
    ]
