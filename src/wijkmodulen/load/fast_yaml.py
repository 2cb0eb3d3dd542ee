"""Plain data from YAML text in one pass over libyaml's events (PyYAML's C parser).

Composing a node tree and building data from it costs two walks in Python; most of the time of a
lint went there. This module builds the data straight from the event stream, with an explicit
stack (no recursion, so nesting costs no C or Python stack), resolving plain scalars with the
table in ``scalars`` (YAML 1.2 core schema) that ``yaml_source.load_text_ruamel`` uses too, so the
data is exactly what that path gives.

It only has to be right for files that are fine. At the first sign of anything the KB refuses
(an anchor, a tag, a value not written as its tag says, a merge key, a duplicate or non-text key, nesting deeper than the limit,
a second document, a syntax error) it raises ``Refused``, and the caller reads the file again on
ruamel.yaml's path, which finds the problem and its exact message and position. Broken files
are rare, so that second reading costs nothing in practice, and every problem is reported by
one implementation.
"""

from __future__ import annotations

import re
from typing import Any

from wijkmodulen.load import scalars

try:
    import yaml as _pyyaml

    # CBaseLoader is libyaml's parser with the lightest constructor and resolver (both unused);
    # it exists only when PyYAML was built with libyaml.
    _Parser: Any = getattr(_pyyaml, "CBaseLoader", None)
    from yaml.events import (
        AliasEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )
except ImportError:  # pragma: no cover -- PyYAML is a dependency; this is the documented fallback
    _Parser = None

AVAILABLE = _Parser is not None

_MAP = scalars.TAG + "map"
_SEQ = scalars.TAG + "seq"


class Refused(Exception):
    """Something the fast path does not decide; the ruamel path reads the file instead."""


_values: dict[tuple[str, str], Any] = {}


def _construct(tag: str, value: str) -> Any:
    """An int, float, bool or None (memoised: the same few values recur in every file); a value
    not written as its tag says is refused, and the ruamel path reports it with its position."""
    key = (tag, value)
    if key in _values:
        return _values[key]
    try:
        result = scalars.construct(tag, value)
    except scalars.ScalarError:
        raise Refused("value") from None
    if len(_values) > 10_000:
        _values.clear()
    _values[key] = result
    return result


_NO_KEY = object()
_FLOW_QUESTION = re.compile(r"[\[{,]\s*\?\S")


def load(text: str, max_depth: int) -> Any:
    """The data of ``text``; raises ``Refused`` for anything but a plain, valid document."""
    assert _Parser is not None
    if "?" in text and _FLOW_QUESTION.search(text):
        raise Refused("flow question mark")  # `[?x]` is read wrongly by libyaml; the ruamel path refuses it
    parser = _Parser(text)
    try:
        return _build(parser, max_depth)
    except _pyyaml.YAMLError as error:
        raise Refused(str(error)) from None
    finally:
        parser.dispose()


def compose(text: str) -> Any:
    """libyaml's node tree of ``text`` (PyYAML's C composer), for looking up positions."""
    assert _Parser is not None
    try:
        return _pyyaml.compose(text, Loader=_Parser)
    except _pyyaml.YAMLError as error:
        raise Refused(str(error)) from None


def _build(parser: Any, max_depth: int) -> Any:
    # Each frame: [container, pending key (mappings; _NO_KEY while a key is expected)].
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    get_event = parser.get_event
    check_event = parser.check_event
    while check_event():
        event = get_event()
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None:
                raise Refused("anchor")
            tag = event.tag
            if tag is None:
                tag = scalars.resolve(event.value) if event.implicit[0] else scalars.STR
            elif tag == "!":
                tag = scalars.STR  # the non-specific tag: text, whatever it looks like
            if tag in scalars.TEXT_TAGS:
                value: Any = event.value
            elif tag in scalars.VALUE_TAGS:
                value = _construct(tag, event.value)
                if stack and stack[-1][1] is _NO_KEY and type(stack[-1][0]) is dict:
                    value = event.value  # a key like `1:` or `true:` is its text
            else:
                raise Refused("tag")
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None:
                raise Refused("anchor")
            tag = event.tag
            if tag is not None and tag != "!" and tag != (_MAP if kind is MappingStartEvent else _SEQ):
                raise Refused("tag")
            if len(stack) >= max_depth:
                raise Refused("depth")
            stack.append([{} if kind is MappingStartEvent else [], _NO_KEY])
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value = stack.pop()[0]
        elif kind is AliasEvent:
            raise Refused("alias")
        else:
            if kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise Refused("documents")
            continue
        if not stack:
            root = value
            continue
        frame = stack[-1]
        container = frame[0]
        if type(container) is list:
            container.append(value)
        elif frame[1] is _NO_KEY:
            if type(value) is not str or value in container:
                raise Refused("key")
            frame[1] = value
        else:
            container[frame[1]] = value
            frame[1] = _NO_KEY
    return root
