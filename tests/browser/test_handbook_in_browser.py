"""The HTML handbook in a real headless Chromium: no console errors, no requests, every link lands."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from browser_helpers import SELECTIONS, render_handbook

pytest_plugins = ["browser_session"]

# Every href: those that are not same-document fragments, and fragments without an element.
_DANGLING = """() => [...document.querySelectorAll('a[href]')]
  .map(a => a.getAttribute('href'))
  .filter(h => !h.startsWith('#') || !document.getElementById(decodeURIComponent(h.slice(1))))"""

# Click every fragment link in the page (HTMLElement.click() runs the browser's own link activation): the
# address must change to it and the target scroll to the top of the window (or the window be scrolled as
# far as it goes).
_CLICK_ALL = """() => {
  const bad = [];
  const links = [...document.querySelectorAll('a[href^="#"]')];
  for (const a of links) {
    const id = decodeURIComponent(a.getAttribute('href').slice(1));
    a.click();
    const target = document.getElementById(id);
    const top = target.getBoundingClientRect().top;
    const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    if (location.hash !== '#' + id) bad.push(id + ': hash ' + location.hash);
    else if (Math.abs(top) > 2 && !atBottom) bad.push(id + ': top ' + top);
  }
  return [links.length, bad];
}"""


class Visit:
    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else self.requests.append(r.url))


def open_page(browser: Any, path: Path) -> Visit:
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    visit = Visit(page)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return visit


@pytest.mark.parametrize("name", SELECTIONS)
def test_links_reach_their_targets(browser: Any, handbooks: dict[str, Path], name: str) -> None:
    visit = open_page(browser, handbooks[name])
    page = visit.page
    assert page.evaluate(_DANGLING) == []
    count, bad = page.evaluate(_CLICK_ALL)
    assert bad == []
    assert count > 30
    assert page.evaluate("document.fonts.check('16px Inter')")
    assert visit.errors == []
    assert visit.requests == []
    page.close()


def test_table_of_contents_with_the_mouse(browser: Any, handbooks: dict[str, Path]) -> None:
    visit = open_page(browser, handbooks["alles"])
    page = visit.page
    toc = page.locator("nav#inhoudsopgave a")
    assert toc.count() == 1 + 1 + 7 + 2 + 6 + 17 + 39 + 5
    for index in range(toc.count()):
        link = toc.nth(index)
        href = link.get_attribute("href")
        link.click()
        assert page.evaluate("location.hash") == href
        assert page.locator(f"[id='{href[1:]}']").is_visible()
    assert visit.errors == []
    page.close()


def test_modules_outside_the_selection_print_as_text(browser: Any, handbooks: dict[str, Path]) -> None:
    visit = open_page(browser, handbooks["module"])
    page = visit.page
    marked = page.eval_on_selector_all(".niet-in-handboek", "els => els.map(e => [e.closest('a') === null, e.textContent])")
    assert [True, "Contactlegging met (tijdelijk) kwetsbare bewoners (iow-01) (niet in dit handboek)"] in marked
    assert all(outside for outside, _ in marked)
    assert page.eval_on_selector_all("article.module", "els => els.map(e => e.id)") == ["wmw-02", "iow-04"]
    page.close()


def test_structure_for_assistive_technology(browser: Any, tmp_path: Path) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', encoding="utf-8")
    path = render_handbook(tmp_path / "uit", "--logo", str(logo), "--organisatie", "Wijkteam Noord")
    visit = open_page(browser, path)
    page = visit.page
    assert page.evaluate("document.documentElement.lang") == "nl"
    levels = page.eval_on_selector_all("h1, h2, h3, h4, h5, h6", "els => els.map(e => Number(e.tagName[1]))")
    assert levels[0] == 1
    assert levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), "a heading level is skipped"
    assert page.locator("main").count() == 1
    assert page.locator("body > header").count() == 1
    assert page.locator("nav").count() >= 1
    assert page.eval_on_selector_all("img", "els => els.map(e => e.alt)") == ["Logo van Wijkteam Noord"]
    assert page.evaluate("getComputedStyle(document.querySelector('main p')).hyphens") == "auto"
    assert visit.errors == []
    page.close()


def test_print_layout_starts_each_module_on_a_new_page(browser: Any, handbooks: dict[str, Path]) -> None:
    visit = open_page(browser, handbooks["cluster"])
    page = visit.page
    page.emulate_media(media="print")
    breaks = page.eval_on_selector_all(
        "article.module", "els => els.map(e => getComputedStyle(e).breakBefore)"
    )
    # The first module goes along with its cluster heading (the cluster starts the page).
    assert breaks == ["auto", "page", "page"]
    assert page.evaluate("getComputedStyle(document.querySelector('section.beroep')).breakBefore") == "page"
    page.close()
