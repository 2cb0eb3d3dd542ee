"""The handbook as one self-contained HTML file: CSS, font and logo inline, no external requests."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from markupsafe import Markup

from wijkmodulen.io.reader import Refused, read_named
from wijkmodulen.io.writer import write_output
from wijkmodulen.load.limits import Limits
from wijkmodulen.messages import t
from wijkmodulen.os_errors import describe
from wijkmodulen.render.context import Handbook
from wijkmodulen.render.links import Link
from wijkmodulen.render.output import check_targets
from wijkmodulen.render.templates import RenderError, make_environment, render_template
from wijkmodulen.search.index import build_index

HTML_FILE = "handboek.html"
MAIN_TEMPLATE = "html/handboek.html.j2"

LOGO_MAX_BYTES = Limits().max_bytes  # when no configured limit is given

IMAGE_TYPES = {
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".webp": "image/webp", ".svg": "image/svg+xml",
}


def _href(link: Link) -> str:
    return f"#{link.anchor}"


def logo_data_uri(path: Path, max_bytes: int = LOGO_MAX_BYTES) -> str:
    mime = IMAGE_TYPES.get(path.suffix.lower())
    if mime is None:
        raise RenderError(t("render.bad_logo", path=path))
    return f"data:{mime};base64,{base64.b64encode(read_logo(path, max_bytes)).decode('ascii')}"


def read_logo(path: Path, max_bytes: int = LOGO_MAX_BYTES) -> bytes:
    """The logo's bytes through the guarded reader: a regular file (or a link to one beside it),
    at most as large as a KB file may be (``max_file_size_mb``)."""
    try:
        return read_named(path, path.parent, max_bytes)
    except Refused as refused:
        raise RenderError(t("render.bad_logo_file", path=path, detail=refused.message)) from None
    except OSError:
        raise RenderError(t("render.no_logo", path=path)) from None


# JSON inside <script type="application/json">: no "<" may reach the HTML parser (no "</script>" and no
# "<!--" can end or bend the element), so "<", ">" and "&" are written as JSON escapes, which JSON.parse reads
# back as the same characters.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(data: object) -> Markup:
    """``data`` as JSON that can stand inside a <script> element as it is."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return Markup(text.translate(_SCRIPT_SAFE))


def search_index_json(handbook: Handbook) -> Markup:
    """The search index of what this handbook prints, for the page's search box."""
    return script_json(build_index(list(handbook.zoekdocumenten)).payload())


def render_html(handbook: Handbook, templates: Path | None = None) -> str:
    env = make_environment(templates, autoescape=True, max_bytes=handbook.meta.max_bytes)
    env.filters["href"] = _href
    logo = logo_data_uri(handbook.meta.logo, handbook.meta.max_bytes) if handbook.meta.logo else None
    return render_template(env, MAIN_TEMPLATE, h=handbook, logo=logo, zoekindex=search_index_json(handbook))


def write_html(handbook: Handbook, out_dir: Path, templates: Path | None = None) -> Path:
    text = render_html(handbook, templates)
    target = out_dir / HTML_FILE
    check_targets(out_dir, [HTML_FILE])
    try:
        write_output(out_dir, HTML_FILE, text)
    except OSError as error:
        raise RenderError(t("render.cannot_write", path=target, detail=describe(error))) from None
    return target
