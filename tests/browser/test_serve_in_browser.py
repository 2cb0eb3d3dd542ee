"""`wijkmodulen serve` in a real headless Chromium: edits on disk show up without a manual reload, a
broken file shows its error on the page, and the preview pages are valid HTML."""

from __future__ import annotations

import shutil
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from browser_helpers import assert_valid_html
from serve_process import ServeProcess

pytest_plugins = ["browser_session"]

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "positive" / "minimal"
MODULE = "modules/wmw-01-aanmelding.yaml"
WAIT = 20_000  # ms: a rebuild takes well under a second, a busy machine may take longer


class Watched:
    """A page with its console errors, its loads, and any request that leaves the preview server."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.errors: list[str] = []
        self.loads = 0
        self.foreign: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("load", lambda _: self._loaded())
        page.on("request", lambda r: None if r.url.startswith((base, "data:")) else self.foreign.append(r.url))

    def _loaded(self) -> None:
        self.loads += 1


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_edits_appear_without_a_manual_reload(browser: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    kb = tmp_path / "kb"
    shutil.copytree(MINIMAL, kb)
    module = kb / MODULE
    original = module.read_text(encoding="utf-8")
    server = ServeProcess(kb, "--port", "0")
    try:
        page = browser.new_page(viewport={"width": 1000, "height": 800})
        watched = Watched(page, server.url)
        page.goto(server.url)
        article = page.locator("article#wmw-01")
        expect(article).to_contain_text("Aanmelden is het eerste gerichte contact.")
        expect(page.locator("#wm-voorbeeld")).to_contain_text("Geen bevindingen in 12 bestanden.")
        assert watched.loads == 1

        # 1. New text in a module: the page reloads by itself, where the reader was.
        page.evaluate("window.scrollTo(0, 600)")
        _edit(module, "het eerste gerichte contact", "de eerste stap van de hulp")
        expect(article).to_contain_text("Aanmelden is de eerste stap van de hulp.", timeout=WAIT)
        assert watched.loads == 2
        assert page.evaluate("window.scrollY") == 600

        # 2. Broken YAML: the module leaves the page and the panel names file, line, column and error.
        module.write_text(module.read_text(encoding="utf-8") + "titel: [kapot\n", encoding="utf-8")
        broken = page.locator(".wm-niet-geladen")
        expect(broken).to_contain_text("modules/wmw-01-aanmelding.yaml:36:1", timeout=WAIT)
        expect(broken).to_contain_text("YAML-syntaxfout")
        expect(article).to_have_count(0)
        expect(page.locator("article#wmw-02")).to_have_count(1)

        # 3. Fixed, but with an unknown reference: back in the handbook, the finding beside the module.
        module.write_text(original.replace("titel: Aanmelding\n", "titel: Aanmelding\nverwijzingen: [wmw-99]\n"),
                          encoding="utf-8")
        expect(broken).to_have_count(0, timeout=WAIT)
        expect(article).to_contain_text("Aanmelden is het eerste gerichte contact.")
        beside = article.locator(".wm-module-bevindingen")
        expect(beside).to_contain_text("WM103 Onbekend id 'wmw-99'")
        page.locator("#wm-voorbeeld a[href='#wmw-01']").click()
        assert page.evaluate("location.hash") == "#wmw-01"

        # 4. Clean again: no findings left anywhere.
        module.write_text(original, encoding="utf-8")
        expect(beside).to_have_count(0, timeout=WAIT)
        expect(page.locator("#wm-voorbeeld")).to_contain_text("Geen bevindingen in 12 bestanden.")
        assert watched.loads == 5
        assert watched.errors == []
        assert watched.foreign == []
        page.close()
    finally:
        code = server.interrupt()
    assert code == 0
    assert "Traceback" not in server.output()


def test_template_change_reloads_the_page(browser: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    kb = tmp_path / "kb"
    shutil.copytree(MINIMAL, kb)
    templates = tmp_path / "sjablonen"
    (templates / "html").mkdir(parents=True)
    packaged = Path(__file__).resolve().parents[2] / "templates" / "html" / "module.html.j2"
    mine = templates / "html" / "module.html.j2"
    shutil.copy(packaged, mine)
    server = ServeProcess(kb, "--port", "0", "--templates", str(templates))
    try:
        page = browser.new_page()
        page.goto(server.url)
        expect(page.locator("article#wmw-01 .bron")).to_contain_text("Bron:")
        _edit(mine, "{{ L.bron }}:", "Herkomst:")
        expect(page.locator("article#wmw-01 .bron")).to_contain_text("Herkomst:", timeout=WAIT)
        _edit(mine, "{% for s in m.sections %}", "{% for s in %}")
        expect(page.locator(".wm-fout")).to_contain_text("Fout in sjabloon", timeout=WAIT)
        page.close()
    finally:
        assert server.interrupt() == 0


def test_preview_pages_validate(tmp_path: Path) -> None:
    if shutil.which("java") is None:
        pytest.skip("no java: scripts/install-test-deps.sh (run by make test) installs default-jre-headless")
    kb = tmp_path / "kb"
    shutil.copytree(MINIMAL, kb)
    module = kb / MODULE
    original = module.read_text(encoding="utf-8")
    pages: list[Path] = []
    # The pages come from the server (a child process), so this process stays as small as it was: a
    # hostile-input test measures a child's peak memory, which on Linux includes this process's size.
    server = ServeProcess(kb, "--port", "0")
    try:
        def keep(name: str) -> None:
            server.wait_for_stderr_count("Opgebouwd in ", len(pages) + 1)
            with urllib.request.urlopen(server.url, timeout=20) as response:
                (tmp_path / f"{name}.html").write_bytes(response.read())
            pages.append(tmp_path / f"{name}.html")

        keep("schoon")
        module.write_text(original.replace("titel: Aanmelding\n", "titel: Aanmelding\nverwijzingen: [wmw-99]\n"),
                          encoding="utf-8")
        keep("bevinding")
        module.write_text(original + "titel: [kapot\n", encoding="utf-8")
        keep("kapot")
        shutil.rmtree(kb / "modules")
        keep("leeg")
    finally:
        assert server.interrupt() == 0
    assert_valid_html(pages)
    assert "Het handboek kon niet worden gemaakt." in pages[-1].read_text(encoding="utf-8")
