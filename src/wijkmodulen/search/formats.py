"""A search result as text (terminal), JSON or Markdown. KB text is made safe for each: control
characters never reach a terminal, Markdown specials are escaped."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import TYPE_CHECKING

from wijkmodulen.messages import t

if TYPE_CHECKING:
    from wijkmodulen.search.query import Hit
    from wijkmodulen.search.run import SearchResult

FORMATS = ("text", "json", "markdown")
JSON_VERSION = 1


def _plain(text: str) -> str:
    """One line without control or format characters (an escape sequence in a YAML string must not
    steer the terminal)."""
    one = re.sub(r"\s+", " ", text)
    return "".join(ch for ch in one if unicodedata.category(ch) not in ("Cc", "Cf")).strip()


def soort_label(hit: Hit) -> str:
    return t(f"zoek.soort.{hit.doc.soort}")


def _summary(result: SearchResult) -> str:
    if not result.hits:
        return t("zoek.geen_treffers", query=_plain(result.query))
    shown = len(result.hits)
    if shown < result.total:
        return t("zoek.treffers_deel", shown=shown, total=result.total, query=_plain(result.query))
    return t("zoek.treffers", total=result.total, query=_plain(result.query))


def format_text(result: SearchResult) -> str:
    lines = [_summary(result)]
    width = len(str(len(result.hits)))
    for number, hit in enumerate(result.hits, start=1):
        lines.append("")
        lines.append(f"{number:>{width}}. {hit.doc.id}  {_plain(hit.doc.titel)}  ({soort_label(hit)}, {hit.score:.2f})")
        if hit.snippet:
            lines.append(f"{' ' * (width + 2)}{_plain(hit.snippet)}")
    return "\n".join(lines) + "\n"


def format_markdown(result: SearchResult) -> str:
    # The handbook's Markdown escaping; imported here, so that text and JSON output load no renderer.
    from wijkmodulen.render.markdown import escape_markdown

    lines = [f"## {t('zoek.md_kop', query=escape_markdown(result.query))}", "", escape_markdown(_summary(result))]
    if result.hits:
        lines.append("")
    for number, hit in enumerate(result.hits, start=1):
        lines.append(
            f"{number}. **{escape_markdown(hit.doc.titel)}** ({escape_markdown(hit.doc.id)}, {soort_label(hit)})"
        )
        if hit.snippet:
            lines.append(f"   {escape_markdown(hit.snippet)}")
    return "\n".join(lines) + "\n"


def format_json(result: SearchResult) -> str:
    data = {
        "versie": JSON_VERSION,
        "zoekvraag": result.query,
        "gezocht_als": list(result.stems),
        "aantal": result.total,
        "treffers": [
            {
                "id": hit.doc.id,
                "soort": hit.doc.soort,
                "titel": hit.doc.titel,
                "anker": hit.doc.anchor,
                "score": round(hit.score, 3),
                "termen": hit.matched,
                "fragment": hit.snippet,
                **({"beroep": hit.doc.beroep, "cluster": hit.doc.cluster} if hit.doc.soort == "module" else {}),
            }
            for hit in result.hits
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


FORMATTERS = {"text": format_text, "json": format_json, "markdown": format_markdown}
