"""Property-based: random valid modules, with texts full of quotes, `#`, template syntax, HTML,
Markdown and odd unicode, survive `fmt` (same data, idempotent), both handbooks (every text shown
as text, nothing evaluated) and `diff` (no changes between a KB and itself, or its formatted self).

The examples are derandomized (the same ones on every run and machine) and few, so CI stays fast;
``HYPOTHESIS_PROFILE=deep`` runs many more, randomly, for a local hunt.
"""

from __future__ import annotations

import os
from datetime import date
from html.parser import HTMLParser
from pathlib import Path, PurePath
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from typer.testing import CliRunner

from wijkmodulen.cli import app
from wijkmodulen.diff.compare import SideInfo, diff_knowledge_bases
from wijkmodulen.fmt.emitter import dump, kb_yaml
from wijkmodulen.fmt.formatter import format_text
from wijkmodulen.load.kb import KnowledgeBase, build_knowledge_base, kb_files
from wijkmodulen.load.yaml_source import load_text
from wijkmodulen.model.module import FUNCTIES, Module
from wijkmodulen.render.context import build_handbook
from wijkmodulen.render.html import render_html
from wijkmodulen.render.markdown import render_markdown

from conftest import MINIMAL

pytestmark = pytest.mark.slow

# In CI a failure is reported unshrunk: shrinking these examples can take minutes.
settings.register_profile(
    "ci", max_examples=30, derandomize=True, deadline=None, database=None,
    phases=[Phase.explicit, Phase.generate], suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("deep", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Pieces that mean something to YAML, jinja, HTML, Markdown or a format string.
HOSTILE = [
    '"', "'", "''", '\\"', "#", "# kop", "#kop", "{{ 7*7 }}", "{{", "}}", "{% if true %}", "{#", "#}",
    "<script>alert(1)</script>", "<b>vet</b>", "<!--", "-->", "]]>", "&amp;", "&", "&#60;", "<", ">",
    "*nadruk*", "**", "_x_", "__", "[link](https://example.org)", "![beeld](x.png)", "`code`", "```",
    "~~~", "|", "\\", "-", "+", "1.", "2)", "---", "===", "***", "___", "!", ":", "a: b", "- item",
    "yes", "no", "on", "null", "~", "0o12", "0x1F", "1e3", ".inf", "12:30", "2024-01-01", "@", "%",
    "!tag", "!!python/object/apply:os.system", "&anker", "*alias", "? x", "%YAML", "${x}", "{0}",
    "%(x)s", "%s", "ë", "ĳ", "€", "“citaat”", "‘x’", "…", "½", "😀", "𝔘", "中文", "עברית", "ﬁ",
]
CHARACTERS = st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn", "Cf", "Zs", "Zl", "Zp"))
WORD = st.one_of(st.sampled_from(HOSTILE), st.text(CHARACTERS, min_size=1, max_size=8))
# One line with single spaces, as the KB's texts are (the Markdown handbook prints every text on one line).
TEXT = st.lists(WORD, min_size=1, max_size=6).map(" ".join)

ITEM = st.one_of(TEXT, st.fixed_dictionaries({"tekst": TEXT, "lijst": st.lists(TEXT, min_size=1, max_size=3)}))
ITEMS = st.lists(ITEM, min_size=1, max_size=3)
BLOK = st.one_of(
    st.fixed_dictionaries({"tekst": TEXT}),
    st.fixed_dictionaries({"lijst": ITEMS}),
    st.fixed_dictionaries({"uitvoerder": TEXT, "activiteiten": ITEMS}),
)
BLOKKEN = st.lists(BLOK, min_size=1, max_size=3)
SECTIE = st.one_of(TEXT, ITEMS, BLOKKEN)
# What the minimal KB has, for links that resolve.
COMPETENTIES = ["4A", "4L", "gk-1"]


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def modules(draw: st.DrawFn) -> dict[str, Any]:
    """A module's data, valid for the model, its keys in a random order."""
    beroep = draw(st.sampled_from(list(FUNCTIES)))
    nummer = draw(st.integers(10, 99))
    prefix = "wmw" if beroep == "wijkmaatschappelijk-werk" else "iow"
    competenties = draw(st.lists(st.sampled_from(COMPETENTIES), unique=True, max_size=2))
    fields: dict[str, Any] = {
        "id": f"{prefix}-{nummer}",
        "titel": draw(TEXT),
        "beroep": beroep,
        "functie": draw(st.sampled_from(list(FUNCTIES[beroep]))),
        "cluster": draw(TEXT),
        "nummer": nummer,
        "schakelmodule": draw(st.booleans()),
        "tegenhangers": draw(st.lists(st.just("iow-02" if prefix == "wmw" else "wmw-01"), max_size=1)),
        "tegenhangers_toelichting": draw(optional(TEXT)),
        "specificatie_van": draw(optional(st.one_of(st.just(f"{prefix}-02"),
                                                    st.fixed_dictionaries({"extern": TEXT})))),
        "doelgroep": draw(SECTIE),
        "doelen": draw(SECTIE),
        "duur_en_frequentie": draw(SECTIE),
        "setting": draw(SECTIE),
        "werkwijze": draw(BLOKKEN),
        "aanvullende_informatie": draw(optional(SECTIE)),
        "randvoorwaarden": draw(SECTIE),
        "kopjes": draw(optional(st.fixed_dictionaries({}, optional={"doelen": TEXT, "setting": TEXT}))),
        "verwijzingen": draw(st.lists(st.sampled_from(["wmw-01", "iow-02"]), unique=True, max_size=2)),
        "bron": draw(st.fixed_dictionaries(
            {"publicatie": st.just("Modulen sociaal werk in de wijk")},
            optional={"jaar": st.integers(1900, 2100), "sectie": TEXT,
                      "paginas": st.lists(st.integers(1, 999), min_size=1, max_size=3)},
        )),
        "koppelingen": draw(optional(st.fixed_dictionaries({
            "herkomst": st.just("redactioneel"),
            "competenties": st.just(competenties),
            "toelichting": st.fixed_dictionaries(dict.fromkeys(competenties, TEXT)),
        }))),
    }
    data = {key: value for key, value in fields.items() if value not in (None, [])}
    order = draw(st.permutations(list(data)))
    return {key: data[key] for key in order}


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


@st.composite
def written(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A module and its YAML as some other tool or person might write it."""
    data = draw(modules())
    text = yaml.dump(
        data, Dumper=_NoAliases, sort_keys=False, allow_unicode=draw(st.booleans()),
        default_flow_style=draw(st.sampled_from([False, None])), width=draw(st.sampled_from([20, 80, 4096])),
        indent=draw(st.sampled_from([2, 4])),
    )
    return data, text


MINIMAL_FILES = [(path.relative_to(MINIMAL), None) for path in kb_files(MINIMAL)[0]]


def kb_with(module_id: str, text: str) -> KnowledgeBase:
    """The minimal KB plus one module file, built in memory."""
    extra = (PurePath("modules", f"{module_id}-nieuw.yaml"), text.encode("utf-8"))
    kb = build_knowledge_base(MINIMAL, [*MINIMAL_FILES, extra])
    assert kb.issues == [], [issue.message for issue in kb.issues]
    return kb


def shown_texts(module: Module) -> list[str]:
    """The module's texts the handbooks print."""
    texts = [module.titel, module.cluster, *module.sectie_teksten()]
    texts += [v for v in (module.kopjes.model_dump().values() if module.kopjes else ()) if v]
    if module.tegenhangers_toelichting:
        texts.append(module.tegenhangers_toelichting)
    if module.specificatie_van is not None and not isinstance(module.specificatie_van, str):
        texts.append(module.specificatie_van.extern)
    return texts


class _Elements(HTMLParser):
    """Start tags and the text content (entities resolved) of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(document: str) -> _Elements:
    parser = _Elements()
    parser.feed(document)
    parser.close()
    return parser


def test_the_strategy_makes_valid_modules() -> None:
    @given(modules())
    def check(data: dict[str, Any]) -> None:
        Module.model_validate(data)

    check()


@given(written())
def test_fmt_keeps_the_data_and_is_idempotent(case: tuple[dict[str, Any], str]) -> None:
    data, text = case
    # PyYAML writes YAML 1.1: a text such as 0o12 it leaves plain is a number in YAML 1.2.
    assume(load_text(text) == data)
    formatted, fixed = format_text(text, Module)
    assert fixed == []
    assert load_text(formatted) == data
    assert list(load_text(formatted)) == [k for k in Module.model_fields if k in data]  # the model's order
    assert format_text(formatted, Module)[0] == formatted


@given(modules())
def test_html_handbook_shows_every_text_escaped_and_runs_nothing(data: dict[str, Any]) -> None:
    kb = kb_with(data["id"], dump(kb_yaml(), data))
    page = render_html(build_handbook(kb, None, None, today=date(2025, 3, 14)))
    elements = parsed(page)
    assert "script" not in elements.tags  # the handbook has no script of its own
    content = " ".join("".join(elements.text).split())
    for text in shown_texts(Module.model_validate(data)):
        assert str(escape(text)) in page, text
        assert text in content, text


@given(modules())
def test_markdown_handbook_shows_every_text_as_text(data: dict[str, Any]) -> None:
    kb = kb_with(data["id"], dump(kb_yaml(), data))
    files = render_markdown(build_handbook(kb, None, None, today=date(2025, 3, 14)))
    page = files[f"docs/modulen/{data['id']}.md"]
    # As mkdocs would turn it into HTML (its default extensions; the handbook adds none).
    converted = markdown.markdown(page, extensions=["toc", "tables", "fenced_code"])
    elements = parsed(converted)
    assert "script" not in elements.tags
    content = " ".join("".join(elements.text).split())
    for text in shown_texts(Module.model_validate(data)):
        assert text in content, (text, page)
    assert not {"pre", "hr", "blockquote", "img", "table", "b", "h4", "h5", "h6"} & set(elements.tags), page


@given(written())
def test_diff_finds_no_change_against_itself_or_its_formatted_self(case: tuple[dict[str, Any], str]) -> None:
    data, text = case
    assume(load_text(text) == data)
    kb = kb_with(data["id"], text)
    again = kb_with(data["id"], text)
    formatted = kb_with(data["id"], format_text(text, Module)[0])
    side = SideInfo("folder", "kb")
    for other in (kb, again, formatted):
        result = diff_knowledge_bases(kb, other, side, side)
        assert not result.has_changes, result.items
        assert result.items == ()


def test_diff_of_a_changed_module_is_a_change() -> None:
    """The property above can fail: one word different is a change."""
    text = (MINIMAL / "modules" / "wmw-01-aanmelding.yaml").read_text(encoding="utf-8")
    old = kb_with("wmw-42", text.replace("id: wmw-01", "id: wmw-42").replace("nummer: 1", "nummer: 42"))
    new = kb_with("wmw-42", text.replace("id: wmw-01", "id: wmw-42").replace("nummer: 1", "nummer: 42")
                  .replace("Kort en eenmalig.", "Kort en {{ 7*7 }}."))
    side = SideInfo("folder", "kb")
    assert diff_knowledge_bases(old, new, side, side).has_changes


def test_the_checks_see_markup_when_there_is_some() -> None:
    """Emphasis in Markdown and a script in HTML are seen: the properties above can fail."""
    emphasis = parsed(markdown.markdown("een *nadruk* hier"))
    assert "em" in emphasis.tags
    assert "*nadruk*" not in "".join(emphasis.text)
    assert "script" in parsed("<p><script>alert(1)</script></p>").tags


def test_fmt_quotes_a_colon_in_a_flow_list(tmp_path: Path) -> None:
    """Found by the property above: ruamel wrote [12:30] plainly, which YAML 1.2 allows but the
    loader (YAML 1.1) cannot read back, and fmt stopped with an internal error."""
    path = tmp_path / "lijst.yaml"
    path.write_text("tijden: ['12:30', 'a:b', 'c: d', '0?', wmw-02]\nplain: 'e:f'\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["fmt", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == "tijden: ['12:30', 'a:b', 'c: d', '0?', wmw-02]\nplain: e:f\n"
    assert load_text(path.read_text(encoding="utf-8"))["tijden"] == ["12:30", "a:b", "c: d", "0?", "wmw-02"]
