"""One preview build on real KBs: what loads is shown, what does not is named, findings sit by their module."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from wijkmodulen.serve.preview import PreviewConfig, Rebuilder, build_preview

from conftest import SHIPPED

MODULE = "modules/wmw-01-aanmelding.yaml"


def _at_ten() -> datetime:
    return datetime(2025, 1, 2, 10, 0, 0)


def _article(page: str, module_id: str) -> str:
    match = re.search(rf'<article class="module" id="{module_id}".*?</article>', page, re.DOTALL)
    assert match is not None, module_id
    return match.group(0)


def test_clean_kb_is_the_handbook_plus_panel_and_script(minimal_kb: Path) -> None:
    preview = build_preview(PreviewConfig(minimal_kb), "v-1", _at_ten)
    assert preview.render_error is None
    assert preview.modules == 4
    assert preview.summary == "Geen bevindingen in 12 bestanden."
    page = preview.page
    assert "Voorbeeld – bijgewerkt om 10:00:00</strong> · Geen bevindingen in 12 bestanden." in page
    assert page.count('const shown = "v-1";') == 1
    assert "wm-module-bevindingen" not in page.rsplit("</style>", 1)[-1]  # after every style element
    assert page.index('id="wm-voorbeeld"') < page.index('id="omslag"')
    assert page.rstrip().endswith("</script>\n</body>\n</html>")


def test_finding_is_shown_next_to_its_module(minimal_kb: Path) -> None:
    path = minimal_kb / MODULE
    path.write_text(path.read_text(encoding="utf-8").replace("titel: Aanmelding\n", "titel: Aanmelding\nverwijzingen: [wmw-99]\n"),
                    encoding="utf-8")
    page = build_preview(PreviewConfig(minimal_kb), "v-2", _at_ten).page
    article = _article(page, "wmw-01")
    assert '<div class="wm-module-bevindingen" role="note" aria-label="Bevindingen bij module wmw-01">' in article
    assert "<code>modules/wmw-01-aanmelding.yaml:3:16</code>" in article
    assert "WM103 Onbekend id &#x27;wmw-99&#x27;" in article
    assert "wm-module-bevindingen" not in _article(page, "wmw-02")
    assert '<a href="#wmw-01">naar de module</a>' in page


def test_broken_file_is_named_and_the_rest_still_shown(minimal_kb: Path) -> None:
    path = minimal_kb / MODULE
    path.write_text(path.read_text(encoding="utf-8") + "titel: [kapot\n", encoding="utf-8")
    preview = build_preview(PreviewConfig(minimal_kb), "v-3", _at_ten)
    assert preview.render_error is None
    assert preview.modules == 3
    page = preview.page
    assert '<div class="wm-niet-geladen" role="alert">' in page
    assert "<code>modules/wmw-01-aanmelding.yaml:36:1</code>" in page
    assert "YAML-syntaxfout" in page
    assert 'id="wmw-01"' not in page
    _article(page, "wmw-02")


def test_template_error_leaves_the_panel_with_the_error(minimal_kb: Path, tmp_path: Path) -> None:
    templates = tmp_path / "sjablonen" / "html"
    templates.mkdir(parents=True)
    (templates / "module.html.j2").write_text("{% if %}\n", encoding="utf-8")
    preview = build_preview(PreviewConfig(minimal_kb, templates.parent), "v-4", _at_ten)
    assert preview.render_error is not None
    assert preview.render_error.startswith("Fout in sjabloon ")
    assert "html/module.html.j2, regel 1: Expected an expression" in preview.render_error
    assert '<p class="wm-fout" role="alert">Het handboek kon niet worden gemaakt. Fout in sjabloon' in preview.page
    assert 'const shown = "v-4";' in preview.page


def test_empty_kb_gives_a_page_not_an_exception(tmp_path: Path) -> None:
    preview = build_preview(PreviewConfig(tmp_path), "v-5", _at_ten)
    assert preview.render_error == "Geen enkele module past bij deze selectie."
    assert preview.page.startswith("<!DOCTYPE html>")


def test_shipped_kb_builds_clean() -> None:
    preview = build_preview(PreviewConfig(SHIPPED), "v-6", _at_ten)
    assert preview.render_error is None
    assert preview.modules == 39
    assert preview.summary.startswith("Geen bevindingen")


def test_rebuilder_numbers_its_versions(minimal_kb: Path) -> None:
    published: list[str] = []
    reported: list[int] = []
    rebuilder = Rebuilder(PreviewConfig(minimal_kb), lambda page, version: published.append(version),
                          lambda preview: reported.append(preview.modules))
    rebuilder.rebuild()
    rebuilder.rebuild()
    assert published == [f"{rebuilder.run_id}-1", f"{rebuilder.run_id}-2"]
    assert reported == [4, 4]
