"""What the preview adds to the handbook HTML: a findings panel at the top, the findings of each module
beside it, and a small script that reloads the page when the server has a newer build.

The handbook itself comes from the same templates as `wijkmodulen render`; the additions are spliced into
the rendered page, so an author's own templates (``--templates``) get them too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape

from wijkmodulen.lint.problem import Problem
from wijkmodulen.messages import t


@dataclass(frozen=True)
class Shown:
    """One lint problem as the preview shows it."""

    file: str  # relative to the KB root
    line: int
    column: int
    severity: str  # error, warning or info: the CSS class
    severity_text: str  # the Dutch word
    code: str
    message: str
    module: str | None  # the module of the handbook it concerns
    broken: bool  # the file could not be loaded, so it is missing from the page

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


def shown_problem(problem: Problem, file: str, module: str | None, broken: bool) -> Shown:
    return Shown(file, problem.line, problem.column, problem.severity.label, problem.severity.dutch,
                 problem.code, problem.message, module, broken)


STYLE = """<style>
.wm-voorbeeld { margin: 1rem 0; padding: .75rem 1rem; border: 2px solid var(--lijn, #c5d3e0);
  border-radius: .4rem; background: #fbfcfe; font-size: .9rem; }
.wm-voorbeeld .wm-kop { margin: 0; }
.wm-voorbeeld ul, .wm-module-bevindingen ul { margin: .4rem 0 0; padding-left: 1.2rem; }
.wm-niet-geladen, .wm-fout { margin: .6rem 0 0; padding: .5rem .75rem; border-left: .3rem solid #b00020;
  background: #fdecee; }
.wm-niet-geladen p { margin: 0; font-weight: 700; }
.wm-module-bevindingen { margin: .5rem 0; padding: .4rem .75rem; border-left: .3rem solid #b26a00;
  background: #fff6e5; font-size: .9rem; }
.wm-ernst { font-weight: 700; }
.wm-error .wm-ernst { color: #b00020; }
.wm-warning .wm-ernst { color: #8a5300; }
.wm-info .wm-ernst { color: #0a4f8a; }
@media print { .wm-voorbeeld, .wm-module-bevindingen { display: none; } }
</style>
"""


def reload_script(version: str) -> str:
    """Listen to /events; the server sends its current build, and a different one means: reload."""
    return (
        "<script>\n"
        "(() => {\n"
        f'  const shown = "{escape(version)}";\n'
        '  const events = new EventSource("/events");\n'
        "  events.onmessage = (event) => {\n"
        "    if (event.data !== shown) { events.close(); location.reload(); }\n"
        "  };\n"
        "})();\n"
        "</script>\n"
    )


def _item(problem: Shown, where: str, link: bool) -> str:
    target = ""
    if link and problem.module is not None:
        target = f' <a href="#{escape(problem.module)}">{escape(t("serve.panel.to_module"))}</a>'
    return (
        f'<li class="wm-{problem.severity}"><code>{escape(where)}</code> '
        f'<span class="wm-ernst">{escape(problem.severity_text)}</span> {escape(problem.code)} '
        f"{escape(problem.message)}{target}</li>\n"
    )


def panel_html(problems: Iterable[Shown], summary: str, time: str, render_error: str | None = None) -> str:
    """The panel at the top of the page: when it was built, the lint summary, broken files, findings."""
    problems = list(problems)
    broken = [p for p in problems if p.broken]
    other = [p for p in problems if not p.broken]
    after_title = f" · {escape(summary)}" if summary else ""
    parts = [
        f'<section class="wm-voorbeeld" id="wm-voorbeeld" aria-label="{escape(t("serve.panel.label"))}">\n',
        f'<p class="wm-kop"><strong>{escape(t("serve.panel.title", time=time))}</strong>{after_title}</p>\n',
    ]
    if render_error is not None:
        parts.append(
            f'<p class="wm-fout" role="alert">{escape(t("serve.panel.render_failed"))} {escape(render_error)}</p>\n'
        )
    if broken:
        files = len({p.file for p in broken})
        parts.append('<div class="wm-niet-geladen" role="alert">\n')
        parts.append(f"<p>{escape(t('serve.panel.broken_title', count=files))}</p>\n")
        parts.append(f"<p>{escape(t('serve.panel.broken'))}</p>\n<ul>\n")
        parts.extend(_item(p, p.where, link=False) for p in broken)
        parts.append("</ul>\n</div>\n")
    if other:
        parts.append(f'<details class="wm-bevindingen" open>\n<summary>{escape(t("serve.panel.findings_title"))} '
                     f"({len(other)})</summary>\n<ul>\n")
        parts.extend(_item(p, p.where, link=True) for p in other)
        parts.append("</ul>\n</details>\n")
    parts.append("</section>\n")
    return "".join(parts)


def module_html(module_id: str, problems: Iterable[Shown]) -> str:
    """The findings of one module, shown at the top of its article."""
    label = escape(t("serve.panel.module_label", id=module_id))
    items = "".join(_item(p, p.where, link=False) for p in problems)
    return f'<div class="wm-module-bevindingen" role="note" aria-label="{label}">\n<ul>\n{items}</ul>\n</div>\n'


# An opening tag with an id; the handbook's module is an <article id="wmw-01">, an author's template may
# use another element. Containers take the findings inside, anything else gets them just before it.
_TAG_WITH_ID = re.compile(r'<([A-Za-z][A-Za-z0-9]*)\b[^>]*?\sid="([^"]+)"[^>]*>')
_CONTAINERS = {"article", "section", "div", "main"}
_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def inject(page: str, top: str, per_module: Mapping[str, str], bottom: str) -> str:
    """Splice the preview's additions into a rendered handbook page."""
    placed: set[str] = set()

    def beside(match: re.Match[str]) -> str:
        tag, element_id = match.group(1), match.group(2)
        extra = per_module.get(element_id)
        if extra is None or element_id in placed:
            return match.group(0)
        placed.add(element_id)
        if tag.lower() in _CONTAINERS:
            return match.group(0) + "\n" + extra
        return extra + match.group(0)

    if per_module:
        page = _TAG_WITH_ID.sub(beside, page)
    head = page.lower().find("</head>")
    page = page[:head] + STYLE + page[head:] if head >= 0 else STYLE + page
    body = _BODY.search(page)
    at = body.end() if body else 0
    page = page[:at] + "\n" + top + page[at:]
    end = page.lower().rfind("</body>")
    return page[:end] + bottom + page[end:] if end >= 0 else page + bottom


def error_page(top: str, bottom: str, title: str) -> str:
    """A page for when there is no handbook to show (a template error, nothing selected)."""
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n{STYLE}</head>\n<body>\n{top}{bottom}</body>\n</html>\n"
    )
