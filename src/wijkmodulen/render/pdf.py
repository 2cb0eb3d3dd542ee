"""The handbook as PDF: the HTML handbook laid out by WeasyPrint with a paged-media stylesheet on top.

WeasyPrint is an optional dependency (``pip install 'wijkmodulen[pdf]'``) that needs Pango from the
system; both are looked for only when a PDF is asked for.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from wijkmodulen.errors import WijkmodulenError
from wijkmodulen.io.writer import write_output
from wijkmodulen.messages import t
from wijkmodulen.os_errors import describe
from wijkmodulen.render.context import Handbook
from wijkmodulen.render.html import render_html
from wijkmodulen.render.output import check_targets
from wijkmodulen.render.templates import TEMPLATE_MAX_BYTES, RenderError, make_environment, render_template

PDF_FILE = "handboek.pdf"
PDF_STYLESHEET = "pdf/handboek.css.j2"


class PdfUnavailable(WijkmodulenError):
    """WeasyPrint or the system libraries it needs are missing; the message is Dutch and says what to do."""


def load_weasyprint() -> ModuleType:
    try:
        return importlib.import_module("weasyprint")
    except ImportError:
        raise PdfUnavailable(t("render.pdf_no_weasyprint")) from None
    except OSError as error:  # WeasyPrint is there, Pango (loaded through cffi) is not
        first_line = next(iter(str(error).splitlines()), type(error).__name__)
        raise PdfUnavailable(t("render.pdf_no_pango", detail=first_line)) from None


def render_pdf_css(templates: Path | None = None, max_bytes: int = TEMPLATE_MAX_BYTES) -> str:
    env = make_environment(templates, autoescape=False, max_bytes=max_bytes)
    return render_template(env, PDF_STYLESHEET)


def pdf_html(handbook: Handbook, templates: Path | None = None) -> str:
    """The HTML handbook with the paged-media stylesheet added after its own. It goes into the document
    (author origin, last) rather than to WeasyPrint's ``stylesheets``, which are user stylesheets that
    every author rule, such as the HTML's own print rules, would override."""
    html = render_html(handbook, templates)
    style = f"<style>\n{render_pdf_css(templates, handbook.meta.max_bytes)}</style>\n"
    head_end = html.find("</head>")
    return html + style if head_end < 0 else html[:head_end] + style + html[head_end:]


def render_pdf(handbook: Handbook, templates: Path | None = None) -> bytes:
    weasyprint = load_weasyprint()
    html = pdf_html(handbook, templates)
    # Everything the handbook shows is embedded as data: URIs; it makes no request of its own, not even
    # for a user's template that names a URL or a local file.
    fetcher = weasyprint.URLFetcher(allowed_protocols={"data"})
    document = weasyprint.HTML(string=html, url_fetcher=fetcher).render()
    # PDF/UA-1: tagged (headings, lists, tables and the reading order in the structure tree), the
    # language and title in the metadata, so that a screen reader can read the handbook.
    pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    return pdf


def write_pdf(handbook: Handbook, out_dir: Path, templates: Path | None = None) -> Path:
    data = render_pdf(handbook, templates)
    target = out_dir / PDF_FILE
    check_targets(out_dir, [PDF_FILE])
    try:
        write_output(out_dir, PDF_FILE, data)
    except OSError as error:
        raise RenderError(t("render.cannot_write", path=target, detail=describe(error))) from None
    return target
