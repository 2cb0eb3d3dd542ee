"""Editorial links: present on every module, pointing at existing ids, each grounded in a quote.

What no module reaches is reported by `xref --gaps`, never forced here."""

from __future__ import annotations

import re

import pytest

from wijkmodulen.load.kb import KnowledgeBase

from conftest import shipped_kb

QUOTE = re.compile(r"“([^”]+)”")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return shipped_kb()


def _normal(text: str) -> str:
    return " ".join(text.split())


def test_every_module_has_editorial_links(kb: KnowledgeBase) -> None:
    # A dimension may stay empty: "none, because ..." (zonder_grond) is a valid answer (docs/rubric.md).
    for entry in kb.modules.values():
        links = entry.model.koppelingen
        assert links is not None, entry.model.id
        assert links.herkomst == "redactioneel"
        assert len(links.competenties) <= 6, entry.model.id


def test_every_module_records_its_review_and_second_reading(kb: KnowledgeBase) -> None:
    # pyproject.toml turns on WM110's beoordeling_verplicht; the data tests lint with default settings,
    # so the shipped data checks it here as well.
    unreviewed = []
    for entry in kb.modules.values():
        links = entry.model.koppelingen
        assert links is not None
        review = links.beoordeling
        if review is None or review.tweede_lezing is None or review.rubric < 1:
            unreviewed.append(entry.model.id)
    assert unreviewed == []
    assert len(kb.modules) == 39


def test_every_link_target_exists(kb: KnowledgeBase) -> None:
    for entry in kb.modules.values():
        links = entry.model.koppelingen
        assert links is not None
        assert set(links.competenties) <= set(kb.competenties), entry.model.id
        assert set(links.kennisdomeinen) <= set(kb.kennisdomeinen), entry.model.id
        assert set(links.doelgroepen) <= set(kb.doelgroepen), entry.model.id


def test_every_link_quotes_its_module(kb: KnowledgeBase) -> None:
    for entry in kb.modules.values():
        links = entry.model.koppelingen
        assert links is not None
        text = _normal(" ".join(entry.model.sectie_teksten()))
        linked = [*links.competenties, *links.kennisdomeinen, *links.doelgroepen]
        assert sorted(links.toelichting) == sorted(linked), entry.model.id
        for identifier, reason in links.toelichting.items():
            quotes = QUOTE.findall(reason)
            assert quotes, (entry.model.id, identifier)
            for quote in quotes:
                assert _normal(quote) in text, (entry.model.id, identifier, quote)
