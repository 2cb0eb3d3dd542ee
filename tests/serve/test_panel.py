"""The preview's additions as exact HTML: the panel, a module's findings, the splice into a page."""

from __future__ import annotations

from wijkmodulen.serve.panel import STYLE, Shown, inject, module_html, panel_html, reload_script

BROKEN = Shown("modules/wmw-01.yaml", 36, 1, "error", "fout", "WM001", "YAML-syntaxfout: 'x' <y>", None, True)
WARNING = Shown("modules/wmw-02.yaml", 3, 16, "warning", "waarschuwing", "WM103", "Onbekend id", "wmw-02", False)


def test_panel_without_findings() -> None:
    assert panel_html([], "Geen bevindingen in 12 bestanden.", "10:11:12") == (
        '<section class="wm-voorbeeld" id="wm-voorbeeld" aria-label="Voorbeeld en bevindingen">\n'
        '<p class="wm-kop"><strong>Voorbeeld – bijgewerkt om 10:11:12</strong> · '
        "Geen bevindingen in 12 bestanden.</p>\n"
        "</section>\n"
    )


def test_panel_with_a_broken_file_and_a_finding() -> None:
    assert panel_html([BROKEN, WARNING], "2 fouten.", "09:00:00") == (
        '<section class="wm-voorbeeld" id="wm-voorbeeld" aria-label="Voorbeeld en bevindingen">\n'
        '<p class="wm-kop"><strong>Voorbeeld – bijgewerkt om 09:00:00</strong> · 2 fouten.</p>\n'
        '<div class="wm-niet-geladen" role="alert">\n'
        "<p>Niet geladen (1)</p>\n"
        "<p>Deze bestanden ontbreken in het voorbeeld tot hun fout hersteld is.</p>\n"
        "<ul>\n"
        '<li class="wm-error"><code>modules/wmw-01.yaml:36:1</code> <span class="wm-ernst">fout</span> WM001 '
        "YAML-syntaxfout: &#x27;x&#x27; &lt;y&gt;</li>\n"
        "</ul>\n"
        "</div>\n"
        '<details class="wm-bevindingen" open>\n'
        "<summary>Bevindingen (1)</summary>\n"
        "<ul>\n"
        '<li class="wm-warning"><code>modules/wmw-02.yaml:3:16</code> <span class="wm-ernst">waarschuwing</span> '
        'WM103 Onbekend id <a href="#wmw-02">naar de module</a></li>\n'
        "</ul>\n"
        "</details>\n"
        "</section>\n"
    )


def test_panel_when_the_handbook_failed() -> None:
    html = panel_html([], "Geen bevindingen in 1 bestand.", "08:00:00", "Fout in sjabloon x, regel 3: y")
    assert '<p class="wm-fout" role="alert">Het handboek kon niet worden gemaakt. Fout in sjabloon x, regel 3: y</p>' in html


def test_module_findings() -> None:
    assert module_html("wmw-02", [WARNING]) == (
        '<div class="wm-module-bevindingen" role="note" aria-label="Bevindingen bij module wmw-02">\n'
        "<ul>\n"
        '<li class="wm-warning"><code>modules/wmw-02.yaml:3:16</code> <span class="wm-ernst">waarschuwing</span> '
        "WM103 Onbekend id</li>\n"
        "</ul>\n"
        "</div>\n"
    )


def test_reload_script_compares_versions() -> None:
    assert reload_script("abc-3") == (
        "<script>\n"
        "(() => {\n"
        '  const shown = "abc-3";\n'
        '  const events = new EventSource("/events");\n'
        "  events.onmessage = (event) => {\n"
        "    if (event.data !== shown) { events.close(); location.reload(); }\n"
        "  };\n"
        "})();\n"
        "</script>\n"
    )


PAGE = (
    "<html><head><title>x</title></head><body class=\"b\">\n"
    '<article class="module" id="wmw-02" aria-labelledby="t">tekst</article>\n'
    '<h5 id="wmw-03">kop</h5>\n'
    "</body></html>"
)


def test_inject_places_everything() -> None:
    result = inject(PAGE, "[PANEEL]", {"wmw-02": "[TWEE]", "wmw-03": "[DRIE]", "wmw-09": "[NEGEN]"}, "[SCRIPT]")
    assert result == (
        f"<html><head><title>x</title>{STYLE}</head><body class=\"b\">\n[PANEEL]\n"
        '<article class="module" id="wmw-02" aria-labelledby="t">\n[TWEE]tekst</article>\n'
        '[DRIE]<h5 id="wmw-03">kop</h5>\n'
        "[SCRIPT]</body></html>"
    )


def test_inject_without_head_or_body() -> None:
    assert inject("<p>los</p>", "[P]", {}, "[S]") == f"\n[P]{STYLE}<p>los</p>[S]"


def test_panel_without_a_summary() -> None:
    assert panel_html([], "", "07:00:00", "OSError: weg") == (
        '<section class="wm-voorbeeld" id="wm-voorbeeld" aria-label="Voorbeeld en bevindingen">\n'
        '<p class="wm-kop"><strong>Voorbeeld – bijgewerkt om 07:00:00</strong></p>\n'
        '<p class="wm-fout" role="alert">Het handboek kon niet worden gemaakt. OSError: weg</p>\n'
        "</section>\n"
    )
