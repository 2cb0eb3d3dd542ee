"""Markdown for a pull-request comment: summary table first, then one ``<details>`` per item.

Word changes read ``~~oud~~ **nieuw**``. Item text is escaped, so a ``*`` or ``<`` in a module
cannot start emphasis or HTML.
"""

from __future__ import annotations

import html
import re

from wijkmodulen.diff import labels
from wijkmodulen.diff.model import STATUSES, ItemChange, KbDiff, ListItemChange, Segment, groups
from wijkmodulen.messages import t
from wijkmodulen.sinks import for_markdown, for_terminal

_SPECIAL = re.compile(r"([\\`*_~\[\]|#])")


def escape(text: str) -> str:
    # for_markdown: no @mentions from a bot's comment, control characters shown as escapes
    return for_markdown(_SPECIAL.sub(r"\\\1", html.escape(labels.one_line(text), quote=False)))


def _wrap(text: str, marker: str) -> str:
    """``text`` between markers, with its outer spaces outside them (GitHub ignores ``~~ a~~``)."""
    lead, core, trail = labels.outer_spaces(text)
    return f"{lead}{marker}{escape(core)}{marker}{trail}" if core else text


def struck(text: str | None) -> str:
    return _wrap(labels.one_line(text), "~~")


def strong(text: str | None) -> str:
    return _wrap(labels.one_line(text), "**")


def words(segments: tuple[Segment, ...]) -> str:
    parts = []
    for index, segment in enumerate(segments):
        if segment.op == "=":
            parts.append(escape(segment.text))
        elif segment.op == "-":
            parts.append(struck(segment.text))
        else:
            # "~~oud~~ **nieuw**": a replacement reads as two words, not one glued word.
            glued = index > 0 and segments[index - 1].op == "-" and not segment.text[:1].isspace()
            parts.append((" " if glued else "") + strong(segment.text))
    return "".join(parts)


def format_markdown(diff: KbDiff, stat: bool = False) -> str:
    lines = [f"### {escape(labels.title(diff))}", ""]
    if diff.has_changes:
        lines += _table(diff)
    lines += [escape(labels.summary(diff)), ""]
    for side in (diff.old, diff.new):
        if side.problems:
            lines += [f"**{escape(labels.problems_heading(side))}**", ""]
            lines += [
                f"- `{for_terminal(str(p.file))}:{p.line}:{p.column}` {escape(p.message)}" for p in side.problems
            ]
            lines.append("")
    for item in diff.items:
        # A pure rename, or --stat, needs one line; anything else opens to its changes.
        if stat or not (item.fields or item.sections or item.links):
            lines += [f"- {_summary_html(item)}", ""]
        else:
            lines += _details(item)
    return "\n".join(lines).rstrip() + "\n"


def _table(diff: KbDiff) -> list[str]:
    header = [t("diff.group"), *(t(f"diff.status.{s}") for s in STATUSES)]
    lines = ["| " + " | ".join(header) + " |", "|---" + "|---:" * len(STATUSES) + "|"]
    labels = groups()
    for group, counts in diff.counts().items():
        if any(counts.values()):
            lines.append(f"| {t(labels[group])} | " + " | ".join(str(counts[s]) for s in STATUSES) + " |")
    return [*lines, ""]


def _summary_html(item: ItemChange) -> str:
    extra = labels.renames(item)
    tail = f": {'; '.join(extra)}" if extra else ""
    return (
        f"{html.escape(labels.kind_label(item))} <b>{html.escape(item.id)}</b> {html.escape(item.titel)}"
        f" ({html.escape(labels.status_label(item) + tail)})"
    )


def _details(item: ItemChange) -> list[str]:
    lines = ["<details>", f"<summary>{_summary_html(item)}</summary>", ""]
    for field in item.fields:
        if field.old is None:
            value = strong(field.new)
        elif field.new is None:
            value = struck(field.old)
        else:
            value = words(field.words)
        lines.append(f"- `{field.name}`: {value}")
    if item.fields:
        lines.append("")
    for section in item.sections:
        lines += [f"**{escape(section.name)}**", ""]
        if section.structure_changed:
            lines.append(f"- {escape(labels.structure_note())}")
        lines += [_list_item(change) for change in section.items]
        lines.append("")
    for link in item.links:
        ids = [struck(i) for i in link.removed] + [strong(i) for i in link.added]
        lines.append(f"- `{link.name}`: {', '.join(ids)}")
    if item.links:
        lines.append("")
    return [*lines, "</details>", ""]


def _list_item(change: ListItemChange) -> str:
    where = f"{escape(labels.change_label(change))} ({labels.position(change)})"
    if change.change == "added":
        return f"- {where}: {strong(change.new)}"
    if change.change == "removed":
        return f"- {where}: {struck(change.old)}"
    if change.change == "moved":
        return f"- {where}: {escape(change.new or '')}"
    return f"- {where}: {words(change.words)}"
