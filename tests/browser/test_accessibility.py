"""axe-core in the real Chromium: the HTML handbook, the team report and the serve preview page have no
violation of WCAG 2.1 A/AA or axe's best practices. axe-core comes from npm into a cache folder
(scripts/install-axe.sh); in CI a missing axe fails instead of skipping."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app

from browser_helpers import SHIPPED
from serve_process import ServeProcess

pytest_plugins = ["browser_session"]

INSTALL = Path(__file__).resolve().parents[2] / "scripts" / "install-axe.sh"
MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "positive" / "minimal"
EXAMPLE = SHIPPED.parent / "examples" / "team-noord.yaml"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
_RUN = """async tags => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' -- '
    + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ') + (v.nodes.length > 5 ? ' ...' : ''));
}"""


@pytest.fixture(scope="session")
def axe_source() -> str:
    run = subprocess.run(["bash", str(INSTALL)], capture_output=True, text=True, encoding="utf-8", check=False, timeout=600)
    script = Path(run.stdout.strip()) if run.returncode == 0 else None
    if script is None or not script.is_file():
        message = f"axe-core could not be installed: {run.stderr.strip()}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return script.read_text(encoding="utf-8")


def violations(page: Any, axe_source: str) -> list[str]:
    page.evaluate(axe_source)  # evaluated by the browser's debugger protocol: no page policy applies
    result: list[str] = page.evaluate(_RUN, TAGS)
    return result


def test_axe_finds_what_it_should(browser: Any, axe_source: str, tmp_path: Path) -> None:
    """The check can fail: a page with an image without alt text and an unlabelled field."""
    bad = tmp_path / "slecht.html"
    bad.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><img src="data:,">'
                   '<input type="text"></body></html>', encoding="utf-8")
    page = browser.new_page()
    page.goto(bad.as_uri())
    found = " ".join(violations(page, axe_source))
    assert "image-alt" in found
    assert "label" in found
    assert "html-has-lang" in found
    page.close()


@pytest.mark.parametrize("width", [1200, 420])
@pytest.mark.parametrize("name", ["alles", "beroep"])
def test_handbook(browser: Any, axe_source: str, handbooks: dict[str, Path], name: str, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(handbooks[name].as_uri())
    assert violations(page, axe_source) == []
    # with search results on the page as well
    if width > 1000:
        page.fill("#zoekvak", "netwerk")
        assert page.locator("#zoekresultaten li").count() == 10
        assert violations(page, axe_source) == []
    page.close()


def test_team_report_and_team_handbook(browser: Any, axe_source: str, tmp_path: Path) -> None:
    report = tmp_path / "teamrapport.html"
    result = CliRunner().invoke(app, ["team", str(EXAMPLE), str(SHIPPED), "--format", "html", "-o", str(report)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, ["render", str(SHIPPED), "--team", str(EXAMPLE), "--out", str(tmp_path / "hb")])
    assert result.exit_code == 0, result.output
    for path in (report, tmp_path / "hb" / "handboek.html"):
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(path.as_uri())
        assert violations(page, axe_source) == [], path.name
        page.close()


def test_serve_preview_page(browser: Any, axe_source: str, tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(MINIMAL, kb)
    module = next((kb / "modules").glob("wmw-01*.yaml"))
    text = module.read_text(encoding="utf-8")
    # a finding, so that the panel lists one
    module.write_text(text.replace("titel: Aanmelding\n", "titel: Aanmelding\nverwijzingen: [wmw-99]\n"),
                      encoding="utf-8")
    server = ServeProcess(kb, "--port", "0")
    try:
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(server.url)
        page.wait_for_load_state("load")
        assert page.locator("#wm-voorbeeld").count() == 1
        assert violations(page, axe_source) == []
        page.close()
    finally:
        assert server.interrupt() == 0


def test_skip_link_and_visible_focus(browser: Any, handbooks: dict[str, Path]) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(handbooks["alles"].as_uri())
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#inhoud"
    page.keyboard.press("Tab")  # the search box, then links: each shows its focus
    page.focus("#zoekvak")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.close()
