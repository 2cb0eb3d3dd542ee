"""Where a cursor stands in a YAML file while it is being typed (often not valid YAML yet).

Block YAML as the KB writes it is read line by line: the keys of the lines above with less
indentation give the path, the current line says whether the cursor is on a key, a value, a list
item or inside a flow list (``competenties: [4A, 4|]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Where = Literal["key", "value", "item", "flow"]

_KEY_LINE = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[A-Za-z_][\w-]*):(?:\s|$)")
_WORD = re.compile(r"[\w.-]+")


@dataclass(frozen=True)
class Cursor:
    where: Where
    path: tuple[str, ...]  # the keys leading to the place (for "key": the mapping the key is in)
    prefix: str  # what is typed of the word so far
    start: int  # column (0-based, code points) where the word starts
    siblings: frozenset[str] = frozenset()  # keys already present in the mapping (for "key")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#") and stripped != "---"


def parents(lines: list[str], number: int, indent: int) -> tuple[str, ...]:
    """The keys of the lines above ``number`` that enclose a line indented by ``indent``."""
    path: list[str] = []
    for above in range(number - 1, -1, -1):
        line = lines[above]
        if not _content(line):
            continue
        own = _indent(line)
        if own >= indent:
            continue
        match = _KEY_LINE.match(line)
        if match and match.start("key") < indent:
            path.append(match["key"])
        # in an item of a list, a key is a parent or a sibling, and the list's key is above it
        indent = own if match and not match["dash"] else own + 1
        if indent == 0:
            break
    return tuple(reversed(path))


def _siblings(lines: list[str], number: int, indent: int) -> frozenset[str]:
    keys = set()
    for step in (-1, 1):
        index = number + step
        while 0 <= index < len(lines):
            line = lines[index]
            if _content(line):
                own = _indent(line)
                if own < indent:
                    break
                match = _KEY_LINE.match(line)
                if own == indent and match:
                    keys.add(match["key"])
            index += step
    return frozenset(keys)


def cursor_at(text: str, line: int, column: int) -> Cursor | None:
    """What the cursor at ``line``, ``column`` (0-based, code points) is on; None in a comment."""
    lines = text.split("\n")
    if line >= len(lines):
        return None
    before = lines[line][:column]
    if "#" in before and re.search(r"(^|\s)#", before):
        return None
    prefix_match = re.search(r"[\w.-]*$", before)
    prefix = prefix_match.group(0) if prefix_match else ""
    start = column - len(prefix)
    flow = re.match(r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*):\s*\[([^\]]*)$", before)
    if flow:
        return Cursor("flow", (*parents(lines, line, len(flow[1])), flow[2]), prefix, start)
    key_value = re.match(r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*):\s+(['\"]?)([^#]*)$", before)
    if key_value:
        own = len(key_value[1]) + (2 if before.lstrip().startswith("- ") else 0)
        return Cursor("value", (*parents(lines, line, own), key_value[2]), prefix, start)
    item = re.match(r"^(\s*)-\s+(['\"]?)([\w.-]*)$", before)
    if item:
        return Cursor("item", (*parents(lines, line, len(item[1]) + 1),), prefix, start)
    key = re.match(r"^(\s*)(-\s+)?([\w-]*)$", before)
    if key:
        indent = len(key[1]) + (len(key[2]) if key[2] else 0)
        return Cursor("key", parents(lines, line, indent), prefix, start, _siblings(lines, line, indent))
    return None


def word_at(text: str, line: int, column: int) -> tuple[str, int, int] | None:
    """The word (id or key) under the cursor with its start and end columns."""
    lines = text.split("\n")
    if line >= len(lines):
        return None
    for match in _WORD.finditer(lines[line]):
        if match.start() <= column <= match.end():
            return match.group(0), match.start(), match.end()
    return None


def key_of_line(text: str, line: int) -> tuple[tuple[str, ...], str, int] | None:
    """The path to the key written on ``line`` (with the key), the key and its column."""
    lines = text.split("\n")
    if line >= len(lines):
        return None
    match = _KEY_LINE.match(lines[line])
    if not match:
        return None
    column = match.start("key")
    return (*parents(lines, line, column), match["key"]), match["key"], column
