"""Untrusted text (file names, keys, ids, titles, messages quoting KB values) made safe per sink.

A pull request chooses all of that text. Printed raw, an escape sequence can erase a line of a
reviewer's terminal and hide a finding; a bidi override can make an id read as another; a control
character makes XML unreadable; U+2028 breaks the YAML that mkdocs reads; a line break splits a
Markdown table row; an ``@name`` pings a stranger from a bot's comment. Each sink gets one function
here, and every place that emits KB-derived text to that sink calls it.
"""

from __future__ import annotations

import json
import re

# Characters that reorder text (bidi embeddings, overrides, isolates and marks): "Trojan source".
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Line and paragraph separators and NEL: line breaks to some readers (YAML 1.1, JavaScript), not to others.
_UNICODE_BREAKS = "\u0085\u2028\u2029"

# C0 and C1 controls and DEL, bidi controls, the Unicode line breaks; for the terminal, tab and
# newline are kept only where a caller allows lines.
_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "\u2028\u2029\ufeff]")
# What XML 1.0 does not allow at all (Char production), plus the bidi controls, shown escaped.
_XML_ILLEGAL = re.compile(
    "[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[" + "".join(sorted(BIDI_CONTROLS)) + "]"
)
# What PyYAML (which mkdocs uses) refuses raw or reads as a line break inside a quoted scalar.
_YAML_ESCAPE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\ufeff]"
)
_LINE_BREAKS = re.compile("\r\n|[\r\n\u0085\u2028\u2029\x0b\x0c]")
# GitHub links `@user` and `@org/team` after a non-word character (or at the start).
_MENTION = re.compile(r"(?<![\w`])@(?=[A-Za-z0-9])")


def visible_escape(character: str) -> str:
    """``\\x1b``, ``\\u202e``: a character shown as its code instead of acting. Only C0 controls
    use ``\\x``, so a JSON document passed through ``for_terminal`` stays valid JSON with the same
    data (JSON escapes C0 itself, and ``\\uXXXX`` is JSON's escape for the rest)."""
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x20 else f"\\u{code:04x}"


def _escape(match: re.Match[str]) -> str:
    return visible_escape(match.group(0))


def for_terminal(text: str, lines: bool = False) -> str:
    """``text`` with control characters and bidi controls shown as visible escapes (``\\x1b``,
    ``\\u202e``); with ``lines``, newlines and tabs are kept as they are."""
    if lines:
        return "\n".join(_TERMINAL.sub(lambda m: "\t" if m.group(0) == "\t" else _escape(m), part)
                         for part in text.split("\n"))
    return _TERMINAL.sub(_escape, text)


def has_unsafe_characters(text: str) -> bool:
    """Whether ``text`` holds a control character or a bidi control (which ``for_terminal`` escapes)."""
    return _TERMINAL.search(text) is not None


def unsafe_characters(text: str) -> list[str]:
    """The control and bidi characters of ``text``, each as its visible escape, in order of appearance."""
    return list(dict.fromkeys(visible_escape(c) for c in _TERMINAL.findall(text)))


def for_xml(text: str) -> str:
    """``text`` with every character XML 1.0 forbids (and bidi controls) replaced by a visible
    escape; the XML writer escapes ``<``, ``&`` and quotes itself."""
    return _XML_ILLEGAL.sub(_escape, text)


def for_yaml(text: str) -> str:
    """``text`` as a double-quoted YAML scalar that every YAML reader (1.1 and 1.2) reads back as
    ``text``: JSON's escapes, plus ``\\uXXXX`` for NEL, U+2028/U+2029, C1 controls, DEL and BOM."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_ESCAPE.sub(lambda m: "\\u" + f"{ord(m.group(0)):04x}", quoted)


def for_markdown(text: str) -> str:
    """Prose for a Markdown comment or summary: no ``@mentions`` (a zero-width joiner after the
    ``@``) and control characters shown as escapes."""
    return _MENTION.sub("@\u200d", for_terminal(text, lines=True))


def for_markdown_cell(text: str) -> str:
    """One Markdown table cell: no line breaks (they end the row), ``|`` and ``\\`` escaped,
    mentions neutralised, control characters shown as escapes."""
    text = _LINE_BREAKS.sub(" ", text)
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    return _MENTION.sub("@\u200d", for_terminal(text))
