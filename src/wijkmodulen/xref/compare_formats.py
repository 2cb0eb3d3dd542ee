"""Formatters for a ``Comparison``: plain text with ``[-weg-]{+nieuw+}``, terminal colours,
Markdown (``~~weg~~ **nieuw**``) and an HTML side-by-side table (``<del>``/``<ins>``)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from rich.text import Text

from wijkmodulen.messages import t
from wijkmodulen.xref.compare import BULLET, Comparison, Fragment, SectionDiff, fragments

DELETED_STYLE = "bold red strike"
INSERTED_STYLE = "bold green underline"


def _percent(ratio: float) -> int:
    return round(ratio * 100)


def _heading(comparison: Comparison) -> tuple[str, str]:
    left, right = comparison.left, comparison.right
    title = t("compare.heading", left=left.id, left_titel=left.titel, right=right.id, right_titel=right.titel)
    summary = t(
        "compare.summary",
        left_beroep=left.beroep_label,
        right_beroep=right.beroep_label,
        differing=comparison.differing,
        sections=len(comparison.sections),
        percent=_percent(comparison.ratio),
    )
    return title, summary


def _split(line: list[Fragment]) -> tuple[str | None, list[Fragment]]:
    """A line's list marker (if it is a list item) and its words."""
    if line and line[0][0] == "marker":
        return line[0][1], line[1:]
    return None, line


def _join(words: list[Fragment], mark: Callable[[str, str], str], sticky: bool) -> str:
    """Fragments joined by spaces; with ``sticky`` an insertion follows its deletion directly."""
    out = ""
    previous = ""
    for op, text in words:
        separator = "" if not out or (sticky and previous == "weg" and op == "nieuw") else " "
        out += separator + mark(op, text)
        previous = op
    return out


def _plain_mark(op: str, text: str) -> str:
    return {"weg": f"[-{text}-]", "nieuw": f"{{+{text}+}}"}.get(op, text)


def _indent(marker: str | None) -> str:
    """Text lines indented under their heading, list items with their bullet."""
    if marker is None:
        return "  "
    return f"  {marker} " if marker == BULLET else f"    {marker} "


def _section_status(section: SectionDiff) -> str:
    if section.same:
        return t("compare.same")
    return t("compare.different", percent=_percent(section.ratio))


def compare_text(comparison: Comparison) -> str:
    """``compare_plain`` as a block of its own (`compare --format text` on a pipe or into a file)."""
    return compare_plain(comparison) + "\n"


def compare_plain(comparison: Comparison) -> str:
    """Plain text for files and pipes: ``[-weg-]`` only in the first, ``{+nieuw+}`` only in the second."""
    title, summary = _heading(comparison)
    lines = [title, summary, t("compare.legend_plain", left=comparison.left.id, right=comparison.right.id)]
    for section in comparison.sections:
        lines += ["", f"{section.kopje} ({_section_status(section)})"]
        if section.same:
            continue
        for line in fragments(section):
            marker, words = _split(line)
            lines.append(_indent(marker) + _join(words, _plain_mark, sticky=True))
    return "\n".join(lines)


def compare_rich(comparison: Comparison) -> Text:
    """For a terminal: deleted words red and struck through, inserted words green and underlined."""
    title, summary = _heading(comparison)
    text = Text()
    text.append(title + "\n", style="bold")
    text.append(summary + "\n")
    text.append(t("compare.legend_rich_weg", left=comparison.left.id), style=DELETED_STYLE)
    text.append("  ")
    text.append(t("compare.legend_rich_nieuw", right=comparison.right.id), style=INSERTED_STYLE)
    text.append("\n")
    styles = {"weg": DELETED_STYLE, "nieuw": INSERTED_STYLE}
    for section in comparison.sections:
        text.append("\n")
        text.append(section.kopje, style="bold")
        text.append(f" ({_section_status(section)})\n")
        if section.same:
            continue
        for line in fragments(section):
            marker, words = _split(line)
            text.append(_indent(marker))
            for index, (op, part) in enumerate(words):
                if index:
                    text.append(" ")
                text.append(part, style=styles.get(op, ""))
            text.append("\n")
    text.rstrip()
    return text


def _md_escape(text: str) -> str:
    for char in "\\*_~`":
        text = text.replace(char, "\\" + char)
    return text


def _md_mark(op: str, text: str) -> str:
    text = _md_escape(text)
    return {"weg": f"~~{text}~~", "nieuw": f"**{text}**"}.get(op, text)


def _md_line(line: list[Fragment]) -> str:
    # Markdown needs a space between ~~weg~~ and **nieuw**, unlike the plain marks.
    marker, words = _split(line)
    prefix = "" if marker is None else ("- " if marker == BULLET else "  - ")
    return prefix + _join(words, _md_mark, sticky=False)


def compare_markdown(comparison: Comparison) -> str:
    title, summary = _heading(comparison)
    lines = [
        f"## {_md_escape(title)}",
        "",
        _md_escape(summary),
        t("compare.legend_markdown", left=comparison.left.id, right=comparison.right.id),
    ]
    for section in comparison.sections:
        lines += ["", f"### {_md_escape(section.kopje)} ({_section_status(section)})"]
        if section.same:
            continue
        previous_is_item = False
        for line in fragments(section):
            is_item = _split(line)[0] is not None
            if not (is_item and previous_is_item):
                lines.append("")  # paragraphs and lists are separated by a blank line in Markdown
            lines.append(_md_line(line))
            previous_is_item = is_item
    return "\n".join(lines) + "\n"


def _html_side(section: SectionDiff, only: str) -> str:
    """One column of the side-by-side table: paragraphs and lists, marks as <del> or <ins>."""
    tag = "del" if only == "weg" else "ins"
    parts: list[str] = []
    in_list = 0
    for line in fragments(section, only=only):  # type: ignore[arg-type]
        depth = 0
        if line and line[0][0] == "marker":
            depth = 1 if line[0][1] == BULLET else 2
        while in_list < depth:
            parts.append("<ul>")
            in_list += 1
        while in_list > depth:
            parts.append("</ul>")
            in_list -= 1
        words = " ".join(
            f"<{tag}>{escape(text)}</{tag}>" if op == only else escape(text) for op, text in line if op != "marker"
        )
        parts.append(f"<li>{words}</li>" if depth else f"<p>{words}</p>")
    parts += ["</ul>"] * in_list
    return "".join(parts)


def compare_html(comparison: Comparison) -> str:
    """An escaped ``<table class="compare">`` fragment: a row per section, the two versions side by side."""
    title, summary = _heading(comparison)
    left, right = comparison.left, comparison.right
    lines = [
        '<table class="compare">',
        f"<caption>{escape(title)}<br>{escape(summary)}</caption>",
        "<thead>",
        (
            f'<tr><th scope="col">{escape(t("compare.section"))}</th>'
            f'<th scope="col">{escape(left.id)} ({escape(left.beroep_label)})</th>'
            f'<th scope="col">{escape(right.id)} ({escape(right.beroep_label)})</th></tr>'
        ),
        "</thead>",
        "<tbody>",
    ]
    for section in comparison.sections:
        status = "gelijk" if section.same else "verschil"
        lines.append(
            f'<tr class="{status}"><th scope="row">{escape(section.kopje)}</th>'
            f"<td>{_html_side(section, 'weg')}</td><td>{_html_side(section, 'nieuw')}</td></tr>"
        )
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines) + "\n"
