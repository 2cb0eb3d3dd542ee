"""Everything editorial is marked as such in every format, and every editorial link shows what grounds it
(koppelingen.toelichting): expandable in HTML, as text in Markdown (the PDF test reads it in the box)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.render.context import Handbook, build_handbook
from wijkmodulen.render.html import render_html
from wijkmodulen.render.markdown import render_markdown

from conftest import shipped_kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return shipped_kb()


@pytest.fixture(scope="module")
def handbook(kb: KnowledgeBase) -> Handbook:
    return build_handbook(kb)


@pytest.fixture(scope="module")
def html(handbook: Handbook) -> str:
    return render_html(handbook)


def article(html: str, module_id: str) -> str:
    start = html.index(f'<article class="module" id="{module_id}"')
    return html[start:html.index("</article>", start)]


def text(fragment: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_counterpart_reasons_are_labelled_editorial(kb: KnowledgeBase, html: str) -> None:
    with_reason = [e.model for e in kb.modules.values() if e.model.tegenhangers_toelichting]
    assert {m.id for m in with_reason} >= {"iow-01", "iow-02"}
    for module in with_reason:
        shown = text(article(html, module.id))
        assert f"Toelichting (redactioneel): {' '.join(module.tegenhangers_toelichting.split())}" in shown


def test_every_grounding_quote_is_in_the_module_box(kb: KnowledgeBase, html: str) -> None:
    linked = 0
    for entry in kb.modules.values():
        links = entry.model.koppelingen
        if links is None or not links.toelichting:
            continue
        part = article(html, entry.model.id)
        box = part[part.index('<details class="gronden">'):part.index("</details>")]
        assert "<summary>Waarop de koppelingen steunen (redactioneel)</summary>" in box
        assert box.count("<dt>") == len(links.toelichting)
        for reason in links.toelichting.values():
            assert " ".join(reason.split()) in text(box)
            linked += 1
    assert linked > 100


def test_the_appendix_lists_of_modules_are_labelled_editorial(html: str) -> None:
    assert html.count("Modulen in dit handboek (redactionele koppeling):") >= 20 + 7 + 14
    assert "Modulen in dit handboek:" not in html


def test_markdown_shows_the_labels_and_quotes_as_text(kb: KnowledgeBase, handbook: Handbook) -> None:
    pages = render_markdown(handbook)
    page = pages["docs/modulen/wmw-06.md"]
    assert "*Waarop de koppelingen steunen (redactioneel):*" in page
    for reason in kb.modules["wmw-06"].model.koppelingen.toelichting.values():  # type: ignore[union-attr]
        assert " ".join(reason.split()) in " ".join(page.split())
    assert "*Toelichting (redactioneel):*" in pages["docs/modulen/iow-01.md"]
    assert "**Modulen in dit handboek (redactionele koppeling):**" in pages["docs/bijlagen/scw-competenties.md"]
