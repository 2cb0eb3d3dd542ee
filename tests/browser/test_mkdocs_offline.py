"""The mkdocs site of the Markdown handbook works offline and speaks Dutch: no asset from another host
(highlight.js is off), the theme's words in Dutch without babel, and the search (Dutch stemming, lunr.nl)
answers in Chromium from a local server with no request elsewhere and no console error."""

from __future__ import annotations

import functools
import http.server
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app

from browser_helpers import SHIPPED

pytest_plugins = ["browser_session"]

ENGLISH = ("Search", "Previous", "Next", "Documentation built with", "Keyboard Shortcuts", "Table of Contents",
           "No results found", "Page not found", "Close")
_ASSET = re.compile(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(https?:)?//', re.IGNORECASE)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mkdocs")
    result = CliRunner().invoke(app, ["render", str(SHIPPED), "--format", "markdown", "--out", str(root / "md")])
    assert result.exit_code == 0, result.output
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "md" / "mkdocs.yml"),
         "-d", str(root / "site")],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert run.returncode == 0, run.stderr
    return root / "site"


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    thread.join()
    server.server_close()


def test_no_asset_comes_from_another_host(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40
    offending = [f"{p.relative_to(site)}: {m.group(0)}" for p in pages for m in _ASSET.finditer(p.read_text(encoding="utf-8"))]
    assert offending == []
    assert (site / "search" / "lunr.nl.js").is_file()


def test_the_theme_speaks_dutch(site: Path) -> None:
    for page in (site / "index.html", site / "modulen" / "wmw-06.html", site / "404.html"):
        text = page.read_text(encoding="utf-8")
        assert '<html lang="nl"' in text
        words = re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", " ", text, flags=re.DOTALL))
        found = [word for word in ENGLISH if re.search(rf"\b{word}\b", words)]
        assert found == [], page.name
    assert "Gemaakt met" in (site / "index.html").read_text(encoding="utf-8")


def test_the_test_sees_english(tmp_path: Path) -> None:
    """The check above can fail: mkdocs's own theme, without our pages, is English."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Test\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ntheme:\n  name: mkdocs\n  locale: nl\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(tmp_path / "mkdocs.yml")], check=True)
    text = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    import importlib.util

    if importlib.util.find_spec("babel") is None:
        assert "Documentation built with" in text
    assert _ASSET.search(text) is not None  # highlight.js from a CDN


def test_search_answers_offline_in_dutch(browser: Any, served: str) -> None:
    from playwright.sync_api import expect

    page = browser.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith((served, "data:")) else foreign.append(r.url))
    # ?q= runs the search as soon as the index is built (mkdocs's search/main.js)
    page.goto(served + "modulen/wmw-06.html?q=schuld")
    results = page.locator("#mkdocs-search-results")
    # "schuld" finds "schulden" through the Dutch stemmer
    expect(results).to_contain_text("problematische schulden", timeout=30_000)
    assert page.locator("#searchModalLabel").inner_text() == "Zoeken"
    page.goto(served + "index.html?q=qqqzz")
    expect(results).to_contain_text("Geen treffers", timeout=30_000)
    assert errors == []
    assert foreign == []
    page.close()
