"""The handbook as Markdown: one file per module plus index, introduction and appendices, and an
mkdocs.yml so that ``mkdocs build --strict`` turns it into a site.

Every value a template prints is escaped for Markdown unless it is marked safe (``Markup``): module text
such as ``# kop`` or ``*x*`` stays text and can never become a heading or emphasis. (Autoescape is on so
that macro output counts as safe; ``finalize`` does the Markdown escaping before jinja's own step.)
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from wijkmodulen.io.reader import Refused, read_bounded
from wijkmodulen.io.writer import plain_relative, remove_output, write_output
from wijkmodulen.load.limits import Limits
from wijkmodulen.messages import t
from wijkmodulen.os_errors import describe
from wijkmodulen.render.context import (
    GENERIEK_PAGE,
    INDEX_PAGE,
    INLEIDING_PAGE,
    KENNIS_PAGE,
    MATRIX_PAGE,
    REGISTER_PAGE,
    SCW_PAGE,
    TEAM_PAGE,
    Handbook,
)
from wijkmodulen.render.html import IMAGE_TYPES, read_logo
from wijkmodulen.render.links import Link
from wijkmodulen.render.output import check_targets
from wijkmodulen.render.templates import RenderError, make_environment, render_template
from wijkmodulen.sinks import for_yaml

MKDOCS_FILE = "mkdocs.yml"
# What the last render wrote here: the only files a later render removes when they are stale.
MANIFEST_FILE = ".wijkmodulen-bestanden.json"
MANIFEST_LIMITS = Limits(max_bytes=16 * 1024 * 1024)
DOCS_DIR = "docs"
MODULES_DIR = "modulen"
# The mkdocs theme's pages with their words in Dutch (mkdocs translates its theme only with babel installed).
THEME_DIR = "thema"
THEME_PAGES = ("main.html", "404.html", "search-modal.html", "keyboard-modal.html", "toc.html")
FOLDERS = (DOCS_DIR, f"{DOCS_DIR}/{MODULES_DIR}", THEME_DIR)  # folders the handbook writes into

# Pages besides the modules: (page, template).
PAGES = (
    (INDEX_PAGE, "markdown/index.md.j2"),
    (INLEIDING_PAGE, "markdown/inleiding.md.j2"),
    (SCW_PAGE, "markdown/scw-competenties.md.j2"),
    (GENERIEK_PAGE, "markdown/generieke-competenties.md.j2"),
    (KENNIS_PAGE, "markdown/kennisbouwstenen.md.j2"),
    (MATRIX_PAGE, "markdown/matrix.md.j2"),
    (REGISTER_PAGE, "markdown/register.md.j2"),
)
TEAM_TEMPLATE = "markdown/team.md.j2"
# The team handbook's pictures, next to its page: (file, TeamView field).
TEAM_PICTURES = (("team-competenties.svg", "heatmap"), ("team-kennis.svg", "heatmap_kennis"),
                 ("team-lacunes.svg", "staven"))
MODULE_TEMPLATE = "markdown/module.md.j2"
MKDOCS_TEMPLATE = "markdown/mkdocs.yml.j2"

_ANYWHERE = re.compile(r"([\\`*_\[\]#|])")
# A leading '-' or '+' starts a list item ('- x'), and '---' is a rule or, under a line, a heading.
_LIST_START = re.compile(r"^([-+])")
_NUMBER_START = re.compile(r"^([0-9]+)([.)])(?=\s|$)")  # list markers are ASCII digits
_BLANK_LINES = re.compile(r"\n{3,}")


def escape_markdown(value: Any) -> str:
    """Text that CommonMark (and Python-Markdown, which mkdocs uses) prints exactly as written."""
    # One line: no newline can start a heading, list or code block (one leading space is harmless).
    text = re.sub(r"\s+", " ", str(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _ANYWHERE.sub(r"\\\1", text)
    text = _LIST_START.sub(r"\\\1", text)
    return _NUMBER_START.sub(r"\1\\\2", text)


def _finalize(value: Any) -> Any:
    return value if isinstance(value, Markup) else Markup(escape_markdown(value))


def relative_href(link: Link, from_page: str) -> str:
    if link.page == from_page:
        return f"#{link.anchor}"
    path = posixpath.relpath(f"{link.page}.md", posixpath.dirname(from_page) or ".")
    return path if link.page_top else f"{path}#{link.anchor}"


@pass_context
def _href(context: Context, link: Link) -> Markup:
    return Markup(relative_href(link, context["page"]))


@pass_context
def _page_href(context: Context, page: str) -> Markup:
    return Markup(posixpath.relpath(f"{page}.md", posixpath.dirname(context["page"]) or "."))


def _yaml(value: Any) -> Markup:
    # Quoted and escaped so that mkdocs' YAML reader gets the value back, U+2028 and all.
    return Markup(for_yaml(str(value)))


def _html(value: Any) -> Markup:
    """For raw HTML inside Markdown (the matrix table): HTML escaping instead of Markdown escaping."""
    return escape(" ".join(str(value).split()))


def _tidy(text: str) -> str:
    return _BLANK_LINES.sub("\n\n", text).strip("\n") + "\n"


def render_markdown(handbook: Handbook, templates: Path | None = None) -> dict[str, str]:
    """Every file of the Markdown handbook: its path relative to the output folder, and its text."""
    env = make_environment(templates, autoescape=True, finalize=_finalize, max_bytes=handbook.meta.max_bytes)
    env.filters.update(href=_href, page_href=_page_href, yaml=_yaml, html=_html)
    logo = f"logo{handbook.meta.logo.suffix.lower()}" if handbook.meta.logo else None
    common = {"h": handbook, "logo": logo}
    files: dict[str, str] = {}
    for page, template in PAGES:
        files[f"{DOCS_DIR}/{page}.md"] = _tidy(render_template(env, template, page=page, **common))
    if handbook.team is not None:
        files.update(_team_files(env, handbook, common))
    for module in handbook.modules:
        files[f"{DOCS_DIR}/{module.page}.md"] = _tidy(
            render_template(env, MODULE_TEMPLATE, page=module.page, m=module, **common)
        )
    files[MKDOCS_FILE] = render_template(
        env, MKDOCS_TEMPLATE, page=INDEX_PAGE, docs_dir=DOCS_DIR, theme_dir=THEME_DIR, **common
    )
    for name in THEME_PAGES:
        files[f"{THEME_DIR}/{name}"] = render_template(env, f"markdown/thema/{name}.j2")
    return files


def _team_files(env: Any, handbook: Handbook, common: dict[str, Any]) -> dict[str, str]:
    """The team chapter's page and its SVG pictures (a picture the report has not is left out)."""
    assert handbook.team is not None
    pictures = {name: str(getattr(handbook.team, field)) for name, field in TEAM_PICTURES
                if getattr(handbook.team, field) is not None}
    page = render_template(env, TEAM_TEMPLATE, page=TEAM_PAGE, team_md=Markup(handbook.team_markdown),
                           pictures=pictures, **common)
    return {f"{DOCS_DIR}/{TEAM_PAGE}.md": _tidy(page), **{f"{DOCS_DIR}/{n}": text for n, text in pictures.items()}}


def written_before(out_dir: Path) -> list[str]:
    """The files an earlier render wrote to ``out_dir``, from its manifest. The manifest lies in
    a folder a pull request can fill, so it is read through the guarded reader and every entry
    that is not a plain relative name inside the folder is left out: cleaning up can never
    remove anything but what this tool wrote there."""
    try:
        raw = read_bounded(out_dir / MANIFEST_FILE, MANIFEST_LIMITS)
        entries = json.loads(raw.decode("utf-8"))
    except (OSError, Refused, ValueError):
        return []
    if not isinstance(entries, list):
        return []
    return [entry for entry in entries if isinstance(entry, str) and plain_relative(entry) is not None
            and "\\" not in entry]


def write_markdown(handbook: Handbook, out_dir: Path, templates: Path | None = None) -> Path:
    """Write the files; pages the last render wrote here that this one does not (an earlier,
    larger selection) are removed."""
    files = render_markdown(handbook, templates)
    logo = f"{DOCS_DIR}/logo{handbook.meta.logo.suffix.lower()}" if handbook.meta.logo else None
    if handbook.meta.logo and handbook.meta.logo.suffix.lower() not in IMAGE_TYPES:
        raise RenderError(t("render.bad_logo", path=handbook.meta.logo))
    check_targets(out_dir, [*files, *([logo] if logo else [])])
    logo_bytes = read_logo(handbook.meta.logo, handbook.meta.max_bytes) if handbook.meta.logo and logo else None
    written = [*files, *([logo] if logo else [])]
    try:
        for relative in written_before(out_dir):
            if relative not in written:
                remove_output(out_dir, relative)
        for relative, text in files.items():
            write_output(out_dir, relative, text)
        if logo_bytes is not None and logo:
            write_output(out_dir, logo, logo_bytes)
        write_output(out_dir, MANIFEST_FILE, json.dumps(sorted(written), ensure_ascii=False, indent=0) + "\n")
    except OSError as error:
        raise RenderError(t("render.cannot_write", path=out_dir, detail=describe(error))) from None
    return out_dir / MKDOCS_FILE
