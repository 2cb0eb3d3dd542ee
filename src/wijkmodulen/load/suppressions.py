"""Suppression comments, collected while a file is read so nothing downstream reads it again.

    key: waarde  # wijkmodulen: disable=WM201 -- zo in de bron      (this line)
    # wijkmodulen: disable=WM201,WM203 -- zo in de bron              (the next content line)
    # wijkmodulen: disable-file=WM205 -- reden                       (whole file; leading comments only)

Rules may be named by code or by name; the lint engine resolves them. A ``#`` counts as a comment
only at the start of a line or after whitespace, as in YAML; inside a quoted scalar this is a
(harmless) false positive that the unused-suppression check will point out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKER = "wijkmodulen:"
_COMMENT = re.compile(r"(?:^|\s)#\s*wijkmodulen:(?P<body>.*)$")
_BODY = re.compile(
    r"^\s*(?P<kind>disable|disable-file)\s*=\s*(?P<rules>[A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)\s*(?:--\s*(?P<reason>.*?))?\s*$"
)


@dataclass(frozen=True)
class Suppression:
    line: int  # where the comment is (1-based)
    column: int  # of the '#'
    rules: tuple[str, ...]  # as written: codes or names
    reason: str | None
    target: int | None  # the line it silences; None for the whole file
    misplaced: bool = False  # disable-file below the leading comment block


@dataclass(frozen=True)
class MalformedSuppression:
    line: int
    column: int
    text: str


@dataclass(frozen=True)
class Suppressions:
    items: tuple[Suppression, ...] = ()
    malformed: tuple[MalformedSuppression, ...] = ()


NONE = Suppressions()


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#") and stripped != "---"


def collect_suppressions(text: str) -> Suppressions:
    if MARKER not in text:  # the common case: one substring test per file
        return NONE
    lines = text.splitlines()
    items: list[Suppression] = []
    malformed: list[MalformedSuppression] = []
    pending: list[tuple[int, int, re.Match[str]]] = []  # comment-only lines waiting for their target
    seen_content = False
    for number, line in enumerate(lines, start=1):
        match = _COMMENT.search(line)
        content = _is_content(line)
        if content:
            for at, column, body in pending:
                items.append(_suppression(at, column, body, target=number))
            pending = []
        if match is None:
            seen_content = seen_content or content
            continue
        column = line.index("#", match.start()) + 1
        parsed = _BODY.match(match.group("body"))
        if parsed is None:
            malformed.append(MalformedSuppression(number, column, match.group(0).strip()))
        elif parsed.group("kind") == "disable-file":
            items.append(_suppression(number, column, parsed, target=None, misplaced=seen_content or content))
        elif content:
            items.append(_suppression(number, column, parsed, target=number))
        else:
            pending.append((number, column, parsed))
        seen_content = seen_content or content
    for at, column, body in pending:  # nothing follows: a suppression for no line at all
        items.append(_suppression(at, column, body, target=at))
    return Suppressions(tuple(sorted(items, key=lambda s: s.line)), tuple(malformed))


def _suppression(
    line: int, column: int, body: re.Match[str], target: int | None, misplaced: bool = False
) -> Suppression:
    rules = tuple(part.strip() for part in body.group("rules").split(","))
    return Suppression(line, column, rules, body.group("reason") or None, target, misplaced)
