"""The handbook as one self-contained HTML file: CSS, font and logo inline, no external requests."""

from __future__ import annotations

import base64
from pathlib import Path

from wijkmodulen.io.reader import Refused, read_named
from wijkmodulen.io.writer import write_output
from wijkmodulen.load.limits import Limits
from wijkmodulen.messages import t
from wijkmodulen.render.context import Handbook
from wijkmodulen.render.links import Link
from wijkmodulen.render.output import check_targets
from wijkmodulen.render.templates import RenderError, make_environment, render_template

HTML_FILE = "handboek.html"
MAIN_TEMPLATE = "html/handboek.html.j2"

LOGO_MAX_BYTES = Limits().max_bytes

IMAGE_TYPES = {
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".webp": "image/webp", ".svg": "image/svg+xml",
}


def _href(link: Link) -> str:
    return f"#{link.anchor}"


def logo_data_uri(path: Path) -> str:
    mime = IMAGE_TYPES.get(path.suffix.lower())
    if mime is None:
        raise RenderError(t("render.bad_logo", path=path))
    return f"data:{mime};base64,{base64.b64encode(read_logo(path)).decode('ascii')}"


def read_logo(path: Path) -> bytes:
    """The logo's bytes through the guarded reader: a regular file (or a link to one beside it),
    at most as large as a KB file may be."""
    try:
        return read_named(path, path.parent, LOGO_MAX_BYTES)
    except Refused as refused:
        raise RenderError(t("render.bad_logo_file", path=path, detail=refused.message)) from None
    except OSError:
        raise RenderError(t("render.no_logo", path=path)) from None


def render_html(handbook: Handbook, templates: Path | None = None) -> str:
    env = make_environment(templates, autoescape=True)
    env.filters["href"] = _href
    logo = logo_data_uri(handbook.meta.logo) if handbook.meta.logo else None
    return render_template(env, MAIN_TEMPLATE, h=handbook, logo=logo)


def write_html(handbook: Handbook, out_dir: Path, templates: Path | None = None) -> Path:
    text = render_html(handbook, templates)
    target = out_dir / HTML_FILE
    check_targets(out_dir, [HTML_FILE])
    try:
        write_output(out_dir, HTML_FILE, text)
    except OSError as error:
        raise RenderError(t("render.cannot_write", path=target, detail=error.strerror)) from None
    return target
