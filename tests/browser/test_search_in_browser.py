"""The handbook's search box and table of contents in a real headless Chromium: the same ranking as
`wijkmodulen zoek` for every golden query, typed into the box; keyboard use; no request; the page
without JavaScript."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from wijkmodulen.load.kb import load_knowledge_base
from wijkmodulen.search.index import SearchIndex
from wijkmodulen.search.query import search
from wijkmodulen.search.run import kb_index

from browser_helpers import SHIPPED

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "search"))
from golden import TOP, golden_queries, misses

pytest_plugins = ["browser_session"]

GOLDEN = golden_queries()
# Beyond the golden set: accents, a word the KB does not use, stop words only, repeated words, mixed case.
EXTRA = ["Coördinatie", "crisissen", "de het een", "netwerk netwerk", "SCHULDEN", "gesprekken", "4P", "x"]
MAX_MS = 50.0


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return kb_index(load_knowledge_base(SHIPPED))


@pytest.fixture(scope="module")
def page(browser: Any, handbooks: dict[str, Path]) -> Any:
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.errors = []
    page.requests = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else page.requests.append(r.url))
    page.goto(handbooks["alles"].as_uri())
    page.wait_for_load_state("load")
    yield page
    page.close()


def typed(page: Any, query: str) -> tuple[list[str], float]:
    """The ids the search box lists for ``query`` and how long the search and its listing took (ms)."""
    page.fill("#zoekvak", query)
    ids = page.eval_on_selector_all("#zoekresultaten a", "links => links.map(a => a.dataset.id)")
    return ids, float(page.get_attribute("#zoeken", "data-ms"))


@pytest.mark.parametrize("query", [g.vraag for g in GOLDEN] + EXTRA)
def test_the_page_ranks_as_the_cli(page: Any, index: SearchIndex, query: str) -> None:
    expected = [hit.doc.id for hit in search(index, query)[0]]
    assert page.evaluate("q => window.wijkmodulenZoeken.zoek(q).ids", query) == expected
    shown, ms = typed(page, query)
    assert shown == expected[:10]
    assert ms <= MAX_MS
    assert page.errors == []
    assert page.requests == []


@pytest.mark.parametrize("golden", GOLDEN, ids=[g.vraag for g in GOLDEN])
def test_golden_query_in_the_page(page: Any, golden: Any) -> None:
    shown, _ = typed(page, golden.vraag)
    total = len(page.evaluate("q => window.wijkmodulenZoeken.zoek(q).ids", golden.vraag))
    assert misses(golden, shown[:TOP], total) == []


def test_results_have_snippets_with_the_words_marked(page: Any) -> None:
    typed(page, "schulden")
    first = page.locator("#zoekresultaten li").first
    assert first.locator("a").inner_text() == "Stabilisatie schuldenproblematiek"
    assert first.locator("a").get_attribute("href") == "#wmw-07"
    assert "problematische schulden" in first.locator(".fragment").inner_text()
    marks = first.locator("mark").all_inner_texts()
    assert "schulden" in marks
    assert "schuldhulpverleningstraject" in marks  # a compound with the stem inside
    assert page.inner_text("#zoekstatus") == "3 treffer(s) voor ‘schulden’."


def test_keyboard_only(page: Any) -> None:
    page.evaluate("window.scrollTo(0, 0); document.activeElement.blur()")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "zoekvak"
    page.keyboard.press("Control+A")
    page.keyboard.type("huiselijk geweld")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.dataset.id") == "iow-13"
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "zoekvak"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#iow-13"
    assert abs(page.evaluate("document.getElementById('iow-13').getBoundingClientRect().top")) <= 2
    page.focus("#zoekvak")
    page.keyboard.press("Escape")
    assert page.input_value("#zoekvak") == ""
    assert page.locator("#zoekresultaten li").count() == 0


def test_the_current_module_is_marked_in_the_contents(page: Any) -> None:
    page.evaluate("location.hash = '#wmw-10'")
    page.wait_for_function(
        "document.querySelector('#inhoudsopgave a[aria-current]')?.getAttribute('href') === '#wmw-10'"
    )
    assert page.locator("#inhoudsopgave a[aria-current]").count() == 1
    # the contents stay in view beside the text
    box = page.locator("#zijbalk").bounding_box()
    assert box["x"] < 400
    assert box["y"] <= 0 + 1


def test_narrow_screens_fold_the_contents(browser: Any, handbooks: dict[str, Path]) -> None:
    page = browser.new_page(viewport={"width": 420, "height": 800})
    page.goto(handbooks["alles"].as_uri())
    assert page.evaluate("document.getElementById('inhoud-uitklap').open") is False
    page.click("#inhoud-uitklap > summary")
    page.click("#inhoudsopgave a[href='#wmw-06']")
    assert page.evaluate("location.hash") == "#wmw-06"
    assert page.evaluate("document.getElementById('inhoud-uitklap').open") is False
    page.close()


def test_without_javascript_the_contents_are_there_and_the_box_is_not(
    browser: Any, handbooks: dict[str, Path]
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 420, "height": 800})
    page = context.new_page()
    page.goto(handbooks["alles"].as_uri())
    assert page.locator("#zoeken").is_hidden()
    assert page.locator("#inhoudsopgave a[href='#wmw-06']").is_visible()
    context.close()


def test_a_selection_searches_what_it_prints(browser: Any, handbooks: dict[str, Path]) -> None:
    page = browser.new_page()
    page.goto(handbooks["beroep"].as_uri())
    ids = page.evaluate("window.wijkmodulenZoeken.zoek('schulden').ids")
    assert ids == []  # the debt modules are wijkmaatschappelijk werk, not in this handbook
    assert "iow-13" in page.evaluate("window.wijkmodulenZoeken.zoek('huiselijk geweld').ids")
    page.close()


def test_grounding_quotes_unfold(page: Any) -> None:
    box = page.locator("#wmw-06 details.gronden")
    quote = box.locator("dd").first
    assert not quote.is_visible()
    box.locator("summary").click()
    assert quote.is_visible()
    assert "raadpleegt hij sociaal raadslieden" in quote.inner_text()
