"""Exact output of the HTML and Markdown formatters, escaping of module text, and template overrides."""

from __future__ import annotations

import html
import re
from pathlib import Path

from markdown_it import MarkdownIt

from wijkmodulen.render.html import render_html
from wijkmodulen.render.markdown import escape_markdown, render_markdown

from conftest import MINIMAL, SHIPPED
from render_helpers import edit as edit_file
from render_helpers import handbook

WMW_03_MD = """\
# Eerste hulp

Wijkmaatschappelijk werk › Modulen voor de uitvoeringsfuncties › Cluster Concrete dienstverlening

Module 3 · `wmw-03`

Specificatie van: [Aanmelding (wmw-01)](wmw-01.md)

## Doelgroep

Wijkbewoners met financiële problemen.

## Doelen

De situatie is stabiel.

## Duur en frequentie

Kort.

## Setting

Thuis.

## Werkwijze/activiteiten

Deze module is een specificatie van de module ‘Aanmelding’.

## Randvoorwaarden

Er zijn geen specifieke randvoorwaarden.

Zie ook: [Signaalopvolging (wmw-02)](wmw-02.md)

Bron: *Modulen sociaal werk in de wijk*.
"""

WMW_03_HTML = """\
<article class="module" id="wmw-03" aria-labelledby="wmw-03-titel">
<header class="module-kop">
<p class="module-nummer">Module 3 <span class="code">wmw-03</span>
</p>
<h5 class="module-titel" id="wmw-03-titel">Eerste hulp</h5>
<p class="specificatie">Specificatie van: <a href="#wmw-01">Aanmelding (wmw-01)</a></p>
</header>
<section class="sectie sectie-doelgroep" id="wmw-03-doelgroep">
<h6 id="wmw-03-doelgroep-kop">Doelgroep</h6>
<p>Wijkbewoners met financiële problemen.</p>

</section>
<section class="sectie sectie-doelen" id="wmw-03-doelen">
<h6 id="wmw-03-doelen-kop">Doelen</h6>
<p>De situatie is stabiel.</p>

</section>
<section class="sectie sectie-duur_en_frequentie" id="wmw-03-duur_en_frequentie">
<h6 id="wmw-03-duur_en_frequentie-kop">Duur en frequentie</h6>
<p>Kort.</p>

</section>
<section class="sectie sectie-setting" id="wmw-03-setting">
<h6 id="wmw-03-setting-kop">Setting</h6>
<p>Thuis.</p>

</section>
<section class="sectie sectie-werkwijze" id="wmw-03-werkwijze">
<h6 id="wmw-03-werkwijze-kop">Werkwijze/activiteiten</h6>
<p>Deze module is een specificatie van de module ‘Aanmelding’.</p>

</section>
<section class="sectie sectie-randvoorwaarden" id="wmw-03-randvoorwaarden">
<h6 id="wmw-03-randvoorwaarden-kop">Randvoorwaarden</h6>
<p>Er zijn geen specifieke randvoorwaarden.</p>

</section>
<p class="zie-ook">Zie ook: <a href="#wmw-02">Signaalopvolging (wmw-02)</a></p>
<p class="bron">Bron: <cite>Modulen sociaal werk in de wijk</cite>.</p>
</article>"""

HOSTILE = "# kop *x* {{ 7*7 }} <script>alert(1)</script> [a](b) 1. _y_ | & `z`"


def _article(html: str, module_id: str) -> str:
    match = re.search(rf'<article class="module" id="{module_id}".*?</article>', html, re.DOTALL)
    assert match, module_id
    return match.group(0)


def test_module_markdown_exact() -> None:
    assert render_markdown(handbook(MINIMAL))["docs/modulen/wmw-03.md"] == WMW_03_MD


def test_module_html_exact() -> None:
    assert _article(render_html(handbook(MINIMAL)), "wmw-03") == WMW_03_HTML


def test_escape_markdown_exact() -> None:
    assert escape_markdown("# kop") == r"\# kop"
    assert escape_markdown("*x* en _y_") == r"\*x\* en \_y\_"
    assert escape_markdown("- item") == r"\- item"
    assert escape_markdown("+ item") == r"\+ item"
    assert escape_markdown("12. twaalf") == r"12\. twaalf"
    assert escape_markdown("versie 0.1.0") == "versie 0.1.0"
    assert escape_markdown("<b>&amp;</b>") == "&lt;b&gt;&amp;amp;&lt;/b&gt;"
    assert escape_markdown("[a](b) `c` | d \\ e") == r"\[a\](b) \`c\` \| d \\ e"
    assert escape_markdown("regel een\n# regel twee\n    code") == r"regel een \# regel twee code"


def test_module_text_is_data_in_html(minimal_kb: Path) -> None:
    edit_file(minimal_kb / "modules" / "wmw-03-eerste-hulp.yaml", "doelen: De situatie is stabiel.",
              f"doelen: '{HOSTILE}'")
    html = render_html(handbook(minimal_kb))
    article = _article(html, "wmw-03")
    assert "{{ 7*7 }}" in article
    assert "49" not in article
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
    assert html.count("<script") == 2  # the search index and its program, nothing from the module
    index = html.split('<script type="application/json" id="zoekindex">', 1)[1].split("</script>", 1)[0]
    assert "<" not in index
    assert "\\u003cscript\\u003ealert(1)" not in index  # module text is in the index as words only
    assert "&amp; " in article


def test_module_text_is_data_in_markdown(minimal_kb: Path) -> None:
    edit_file(minimal_kb / "modules" / "wmw-03-eerste-hulp.yaml", "doelen: De situatie is stabiel.",
              f"doelen: '{HOSTILE}'")
    edit_file(minimal_kb / "modules" / "wmw-03-eerste-hulp.yaml", "setting: Thuis.", "setting: '# Thuis'")
    page = render_markdown(handbook(minimal_kb))["docs/modulen/wmw-03.md"]
    tokens = MarkdownIt("commonmark").parse(page)
    headings = [tokens[i + 1].content for i, tok in enumerate(tokens) if tok.type == "heading_open"]
    assert "Thuis" not in headings
    assert "kop *x*" not in " ".join(headings)
    inline = [child.type for tok in tokens for child in (tok.children or [])]
    assert [kind for kind in inline if kind in ("em_open", "strong_open", "html_inline", "link_open")] == [
        "link_open", "link_open", "em_open",  # what the template makes (two links, the source's title)
    ]
    rendered = MarkdownIt("commonmark").render(page)
    assert f"<p>{html.escape(HOSTILE, quote=False)}</p>" in rendered
    assert "<p># Thuis</p>" in rendered


def test_user_templates_come_first(minimal_kb: Path, tmp_path: Path) -> None:
    own = tmp_path / "sjablonen"
    (own / "html").mkdir(parents=True)
    packaged = (Path(__file__).resolve().parents[2] / "templates" / "labels.j2").read_text(encoding="utf-8")
    (own / "labels.j2").write_text(
        packaged.replace('"(niet in dit handboek)"', '"(elders)"'), encoding="utf-8"
    )
    (own / "html" / "module.html.j2").write_text(
        '{% import "html/_macros.html.j2" as M %}<article class="module" id="{{ m.anchor }}">'
        "<h5>EIGEN {{ m.titel }}</h5><p>{{ M.links(m.verwijzingen) }}</p></article>\n",
        encoding="utf-8",
    )
    from wijkmodulen.render.selection import Selectie

    page = render_html(handbook(minimal_kb, Selectie(modules=("wmw-03",))), own)
    assert "<h5>EIGEN Eerste hulp</h5>" in page
    # The packaged main template and macros are still used, with the user's words.
    assert "Signaalopvolging (wmw-02) (elders)</span></p>" in page
    assert "(niet in dit handboek)" not in page


def test_a_reference_titled_as_its_id_is_named_once() -> None:
    """Kennisbouwsteen 'veiligheid' is titled "veiligheid": the heading does not say it twice;
    'lhbti' has a title of its own, so its id stays in front."""
    page = render_html(handbook(SHIPPED))
    assert re.search(r'id="kennis-veiligheid-kop">veiligheid</h\d>', page)
    assert re.search(r'id="kennis-lhbti-kop"><span class="code">lhbti</span> lesbisch', page)
