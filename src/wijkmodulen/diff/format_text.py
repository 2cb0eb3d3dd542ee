"""The terminal format: one block per item, markers and (on a terminal) colour.

Without colour, word changes are marked like ``git diff --word-diff=plain``: ``[-oud-]{+nieuw+}``.
"""

from __future__ import annotations

from rich.text import Text

from wijkmodulen.diff import labels
from wijkmodulen.diff.model import ItemChange, KbDiff, ListItemChange, Segment

MARK = {"added": "+", "removed": "-", "changed": "~", "renamed": "→", "moved": "↕"}
STYLE = {"added": "green", "removed": "red", "changed": "yellow", "renamed": "cyan", "moved": "cyan"}
INDENT = "    "


class _Writer:
    def __init__(self, color: bool) -> None:
        self.color = color
        self.text = Text()

    def line(self, *parts: str | tuple[str, str]) -> None:
        for part in parts:
            if isinstance(part, tuple):
                self.text.append(part[0], style=part[1] if self.color else "")
            else:
                self.text.append(part)
        self.text.append("\n")

    def marked(self, text: str, start: str, end: str, style: str) -> list[str | tuple[str, str]]:
        """``text`` styled (colour) or between markers (plain), its outer spaces left outside."""
        lead, core, trail = labels.outer_spaces(labels.one_line(text))
        if not core:
            return [lead]
        return [lead, (core if self.color else f"{start}{core}{end}", style), trail]

    def removed(self, text: str | None) -> list[str | tuple[str, str]]:
        return self.marked(text or "", "[-", "-]", "red strike")

    def added(self, text: str | None) -> list[str | tuple[str, str]]:
        return self.marked(text or "", "{+", "+}", "green")

    def words(self, segments: tuple[Segment, ...]) -> list[str | tuple[str, str]]:
        parts: list[str | tuple[str, str]] = []
        for segment in segments:
            if segment.op == "=":
                parts.append(labels.one_line(segment.text))
            elif segment.op == "-":
                parts += self.removed(segment.text)
            else:
                parts += self.added(segment.text)
        return parts


def format_text(diff: KbDiff, color: bool = False, stat: bool = False) -> Text:
    out = _Writer(color)
    out.line((labels.title(diff), "bold"))
    for side in (diff.old, diff.new):
        if side.problems:
            out.line((labels.problems_heading(side), "bold red"))
            for problem in side.problems:
                out.line(f"  {problem.file}:{problem.line}:{problem.column}  {problem.message}")
    for item in diff.items:
        _header(out, item, stat)
        if not stat:
            _body(out, item)
    out.line(labels.summary(diff))
    out.text.rstrip()
    return out.text


def _header(out: _Writer, item: ItemChange, stat: bool) -> None:
    mark = MARK[item.status]
    parts: list[str | tuple[str, str]] = [
        (f"{mark} {labels.kind_label(item)} {item.id}", f"bold {STYLE[item.status]}"),
        f"  {item.titel}  ({labels.status_label(item)}",
    ]
    extra = labels.renames(item)
    if extra:
        parts.append(": " + "; ".join(extra))
    parts.append(")")
    if stat and item.status in ("changed", "renamed"):
        counts = _stat_counts(item)
        if counts:
            parts.append("  " + ", ".join(counts))
    out.line(*parts)


def _stat_counts(item: ItemChange) -> list[str]:
    counts = []
    for section in item.sections:
        tally = dict.fromkeys(("added", "removed", "changed", "moved"), 0)
        for change in section.items:
            tally[change.change] += 1
        shown = " ".join(f"{MARK[k]}{n}" for k, n in tally.items() if n) or "~"
        counts.append(f"{section.name} {shown}")
    for field in item.fields:
        counts.append(f"{field.name} ~")
    for link in item.links:
        shown = " ".join([*(f"-{i}" for i in link.removed), *(f"+{i}" for i in link.added)])
        counts.append(f"{link.name} {shown}")
    return counts


def _body(out: _Writer, item: ItemChange) -> None:
    for field in item.fields:
        if field.old is None:
            out.line(INDENT, ("+ ", "green"), f"{field.name}: ", *out.added(field.new))
        elif field.new is None:
            out.line(INDENT, ("- ", "red"), f"{field.name}: ", *out.removed(field.old))
        else:
            out.line(INDENT, ("~ ", "yellow"), f"{field.name}: ", *out.words(field.words))
    for section in item.sections:
        out.line(INDENT, (section.name, "bold"))
        if section.structure_changed:
            out.line(INDENT * 2, ("~ ", "yellow"), labels.structure_note())
        for change in section.items:
            _list_item(out, change)
    for link in item.links:
        ids: list[str | tuple[str, str]] = []
        for identifier in link.removed:
            ids += [" ", *out.removed(identifier)]
        for identifier in link.added:
            ids += [" ", *out.added(identifier)]
        out.line(INDENT, ("~ ", "yellow"), f"{link.name}:", *ids)


def _list_item(out: _Writer, change: ListItemChange) -> None:
    mark = (MARK[change.change], STYLE[change.change])
    where = f" {labels.position(change)}: "
    if change.change == "added":
        out.line(INDENT * 2, mark, where, *out.added(change.new))
    elif change.change == "removed":
        out.line(INDENT * 2, mark, where, *out.removed(change.old))
    elif change.change == "moved":
        out.line(INDENT * 2, mark, where, labels.one_line(change.new))
    else:
        out.line(INDENT * 2, mark, where, *out.words(change.words))
