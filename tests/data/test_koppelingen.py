"""Editorial links: present on every module, pointing at existing ids, each grounded in a quote."""

from __future__ import annotations

import re

import pytest

from wijkmodulen.load.kb import KnowledgeBase, load_knowledge_base

from conftest import SHIPPED

QUOTE = re.compile(r"“([^”]+)”")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base(SHIPPED)


def _normal(text: str) -> str:
    return " ".join(text.split())


def test_every_module_has_competence_and_domain_links(kb: KnowledgeBase) -> None:
    for entry in kb.modules.values():
        links = entry.model.koppelingen
        assert links is not None, entry.model.id
        assert links.herkomst == "redactioneel"
        assert 1 <= len(links.competenties) <= 6, entry.model.id
        assert links.kennisdomeinen, entry.model.id


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


def test_every_scw_competence_and_domain_is_reached(kb: KnowledgeBase) -> None:
    reached = set()
    for entry in kb.modules.values():
        links = entry.model.koppelingen
        assert links is not None
        reached.update(links.competenties, links.kennisdomeinen)
    assert set(kb.scw_competenties) - reached == set()
    assert set(kb.generieke_competenties) - reached == set()
    assert set(kb.kennisdomeinen) - reached == set()
