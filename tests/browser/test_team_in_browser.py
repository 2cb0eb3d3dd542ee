"""The team report and the team handbook in headless Chromium and through the Nu Html Checker."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app

from browser_helpers import SHIPPED, assert_valid_html

pytest_plugins = ["browser_session"]

EXAMPLE = SHIPPED.parent / "examples" / "team-noord.yaml"

_DANGLING = """() => [...document.querySelectorAll('a[href]')]
  .map(a => a.getAttribute('href'))
  .filter(h => !h.startsWith('#') || !document.getElementById(decodeURIComponent(h.slice(1))))"""


@pytest.fixture(scope="module")
def team_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("team")
    report = root / "teamrapport.html"
    result = CliRunner().invoke(app, ["team", str(EXAMPLE), str(SHIPPED), "--format", "html", "-o", str(report)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, ["render", str(SHIPPED), "--team", str(EXAMPLE), "--out", str(root / "hb")])
    assert result.exit_code == 0, result.output
    return {"rapport": report, "handboek": root / "hb" / "handboek.html"}


def _open(browser: Any, path: Path) -> tuple[Any, list[str], list[str]]:
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors, requests


@pytest.mark.parametrize("name", ["rapport", "handboek"])
def test_opens_without_errors_and_links_land(browser: Any, team_pages: dict[str, Path], name: str) -> None:
    page, errors, requests = _open(browser, team_pages[name])
    assert page.evaluate(_DANGLING) == []
    levels = page.eval_on_selector_all("h1, h2, h3, h4, h5, h6", "els => els.map(e => Number(e.tagName[1]))")
    assert levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), "a heading level is skipped"
    assert errors == []
    assert requests == []
    page.close()


def test_pictures_are_drawn_and_named(browser: Any, team_pages: dict[str, Path]) -> None:
    page, errors, _ = _open(browser, team_pages["rapport"])
    pictures = page.eval_on_selector_all(
        "svg.team-svg",
        """els => els.map(e => [e.getAttribute('role'), e.querySelector('title').textContent,
                               Math.round(e.getBoundingClientRect().width) > 100])""",
    )
    assert pictures == [
        ["img", "Niveaus per lid en competentie", True],
        ["img", "Niveaus per lid en kennisdomein/doelgroep", True],
        ["img", "Lacunes naar aantal modulen dat ze vraagt", True],
    ]
    # Every label of the heat map fits in the picture (turned labels are easily cut off).
    assert page.evaluate("""() => [...document.querySelectorAll('svg.team-svg')].every(svg => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')].every(t => {
          const r = t.getBoundingClientRect();
          return r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
        });
      })""")
    assert errors == []
    page.close()


def test_handbook_team_chapter_comes_first(browser: Any, team_pages: dict[str, Path]) -> None:
    page, errors, _ = _open(browser, team_pages["handboek"])
    chapters = page.eval_on_selector_all("main > section", "els => els.map(e => e.id)")
    assert chapters[:4] == ["colofon", "teamrapport", "scholing", "inleiding"]
    page.locator("nav#inhoudsopgave a[href='#teamrapport']").click()
    assert page.locator("#teamrapport-kop").is_visible()
    assert errors == []
    page.close()


def test_team_pages_validate(team_pages: dict[str, Path]) -> None:
    assert_valid_html(team_pages.values())
