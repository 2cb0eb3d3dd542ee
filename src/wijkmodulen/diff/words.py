"""Word-level inline differences between two texts."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from wijkmodulen.diff.model import Op, Segment

# Words, single punctuation marks and runs of white space: a changed comma is not a changed word.
_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def similarity(old: str, new: str) -> float:
    """How alike two texts are by their words, 0..1 (difflib's ratio over word tokens)."""
    a = old.split()
    b = new.split()
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio() if a or b else 1.0


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """The old and new text as runs of kept, removed and added words."""
    a, b = tokens(old), tokens(new)
    raw: list[tuple[Op, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            raw.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            raw.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            raw.append(("+", "".join(b[j1:j2])))
    return _merge(_absorb_lone_spaces(raw))


def _absorb_lone_spaces(raw: list[tuple[Op, str]]) -> list[tuple[Op, str]]:
    """A space kept between two changes reads better inside them: 'de grote' -> 'het kleine' is one
    change, not two with a kept space in between."""
    result: list[tuple[Op, str]] = []
    for index, (op, text) in enumerate(raw):
        between_changes = 0 < index < len(raw) - 1 and raw[index - 1][0] != "=" and raw[index + 1][0] != "="
        if op == "=" and between_changes and text.isspace():
            result += [("-", text), ("+", text)]
        else:
            result.append((op, text))
    return result


def _merge(raw: list[tuple[Op, str]]) -> tuple[Segment, ...]:
    """Join neighbouring runs: each stretch of changes becomes one removal followed by one addition."""
    segments: list[Segment] = []
    removed: list[str] = []
    added: list[str] = []

    def flush() -> None:
        if removed:
            segments.append(Segment("-", "".join(removed)))
        if added:
            segments.append(Segment("+", "".join(added)))
        removed.clear()
        added.clear()

    for op, text in raw:
        if op == "=":
            flush()
            if segments and segments[-1].op == "=":
                segments[-1] = Segment("=", segments[-1].text + text)
            else:
                segments.append(Segment("=", text))
        elif op == "-":
            removed.append(text)
        else:
            added.append(text)
    flush()
    return tuple(segments)
