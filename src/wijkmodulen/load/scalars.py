"""What a YAML scalar means: the one resolution table both YAML paths use (YAML 1.2 core schema).

A plain scalar is null, a boolean, an integer or a float only when it is written exactly as the
core schema writes them (https://yaml.org/spec/1.2.2/#1023-core-schema); anything else is text.
So `0b101`, `1_000`, `0x1_F`, `._5` and `012_` stay text, `012` is the integer 12 (no octal
without `0o`), and only ASCII digits count. An explicit tag (`!!int 12`) must name a value
written that way too: `!!int foo` is a ``ScalarError``, which the readers report as a finding at
the scalar's position instead of letting a conversion error escape.
"""

from __future__ import annotations

import math
import re
from typing import Any

TAG = "tag:yaml.org,2002:"
STR = TAG + "str"
NULL = TAG + "null"
BOOL = TAG + "bool"
INT = TAG + "int"
FLOAT = TAG + "float"
# Dates and binary stay text: the KB holds prose, and a date-looking title is a title.
TEXT_TAGS = frozenset({STR, TAG + "timestamp", TAG + "binary"})
VALUE_TAGS = frozenset({NULL, BOOL, INT, FLOAT})

# No re.ASCII needed for the character classes below (they are spelled out), but it keeps \Z honest.
_NULL = re.compile(r"(?:~|null|Null|NULL|)\Z", re.ASCII)
_TRUE = re.compile(r"(?:true|True|TRUE)\Z", re.ASCII)
_FALSE = re.compile(r"(?:false|False|FALSE)\Z", re.ASCII)
_DECIMAL = re.compile(r"[-+]?[0-9]+\Z", re.ASCII)
_OCTAL = re.compile(r"0o[0-7]+\Z", re.ASCII)
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z", re.ASCII)
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z", re.ASCII)
_INFINITY = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z", re.ASCII)
_NAN = re.compile(r"\.(?:nan|NaN|NAN)\Z", re.ASCII)


_FIRST = frozenset("~nNtTfF0123456789+-.")


class ScalarError(ValueError):
    """A scalar tagged as a value it is not written as (``!!int foo``)."""

    def __init__(self, tag: str, value: str) -> None:
        super().__init__(f"{tag} {value!r}")
        self.tag, self.value = tag, value


def resolve(value: str) -> str:
    """The tag of a plain (untagged, unquoted) scalar."""
    if value and value[0] not in _FIRST:
        return STR  # most values are prose: one look at the first character settles them
    if _NULL.match(value):
        return NULL
    if _TRUE.match(value) or _FALSE.match(value):
        return BOOL
    if _DECIMAL.match(value) or _OCTAL.match(value) or _HEX.match(value):
        return INT
    if _FLOAT.match(value) or _INFINITY.match(value) or _NAN.match(value):
        return FLOAT
    return STR


def construct(tag: str, value: str) -> Any:
    """The Python value of a scalar with a value tag; ``ScalarError`` when it is not written as one."""
    if tag == NULL and _NULL.match(value):
        return None
    if tag == BOOL:
        if _TRUE.match(value):
            return True
        if _FALSE.match(value):
            return False
    if tag == INT:
        if _DECIMAL.match(value):
            return int(value, 10)
        if _OCTAL.match(value):
            return int(value, 0)
        if _HEX.match(value):
            return int(value, 0)
    if tag == FLOAT:
        if _FLOAT.match(value) or _DECIMAL.match(value):
            return float(value)
        if _INFINITY.match(value):
            return -math.inf if value.startswith("-") else math.inf
        if _NAN.match(value):
            return math.nan
    raise ScalarError(tag, value)
