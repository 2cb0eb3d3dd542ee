"""The lint cache's data format: JSON that can only ever become plain data and the tool's own types.

A cache file may come from elsewhere (a CI cache restored from another branch), so reading one
must not be able to run code or build arbitrary objects. Everything is stored as JSON; the few
values JSON has no form for are a one-key object ``{"\\u0000": [tag, ...]}`` that the decoder
turns back into a value of a closed list of the tool's own types:

- ``["t", items]``: a tuple; ``["d", [[key, value], ...]]``: a mapping whose keys are not all
  text (YAML allows numbers as keys) or that has the marker key itself;
- ``["m", name, {field: value}]``: a KB model, rebuilt with ``model_construct`` (no validation:
  the values were validated before they were cached, and only a cache this user alone can
  write is read); ``name`` must be one of the KB's model classes;
- ``["c", name, [values]]``: one of the small frozen dataclasses kept with a file (a position,
  a suppression comment); ``["s", name]``: a lint severity.

An unknown tag or name is an error (``CacheFormatError``), and the entry is read anew. A value of
any other type cannot be encoded (``CacheFormatError``), and its file is simply not cached.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from wijkmodulen.lint.problem import Severity
from wijkmodulen.load.problems import Position
from wijkmodulen.load.suppressions import MalformedSuppression, Suppression, Suppressions
from wijkmodulen.model import kinds

MARK = "\x00"


class CacheFormatError(Exception):
    """A value that has no form in the cache, or stored data that is not a value of it."""


@functools.cache
def _model_classes(roots: tuple[type[BaseModel], ...]) -> dict[str, type[BaseModel]]:
    """Every model class a file of these top-level models can contain, by name (from their fields)."""
    found: dict[str, type[BaseModel]] = {}
    stack: list[Any] = list(roots)
    while stack:
        item = stack.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            if item.__name__ in found:
                continue
            found[item.__name__] = item
            stack.extend(info.annotation for info in item.model_fields.values())
            continue
        stack.extend(getattr(item, "__args__", ()) or ())
        stack.extend(getattr(item, "__metadata__", ()) or ())
        origin = getattr(item, "__origin__", None)
        if origin is not None and origin is not item:
            stack.append(origin)
    return found


def models() -> dict[str, type[BaseModel]]:
    """The model classes the cache may rebuild: those of the kinds table (a kind registered later
    included), found once per set of kinds."""
    return _model_classes(tuple(model for kind in kinds.KINDS for model in kind.models))


RECORDS: dict[str, type[Any]] = {
    cls.__name__: cls for cls in (Position, Suppression, MalformedSuppression, Suppressions)
}


def _plain(value: Any) -> Any:
    """``value`` as JSON-able data, the types above tagged."""
    if value is None or isinstance(value, (str, bool, float)):
        return value
    if type(value) is int:
        return value
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        if all(type(key) is str for key in value) and MARK not in value:
            return {key: _plain(item) for key, item in value.items()}
        return {MARK: ["d", [[_plain(key), _plain(item)] for key, item in value.items()]]}
    if isinstance(value, tuple):
        return {MARK: ["t", [_plain(item) for item in value]]}
    if isinstance(value, Severity):
        return {MARK: ["s", value.name]}
    if isinstance(value, BaseModel):
        name = type(value).__name__
        if models().get(name) is not type(value):
            raise CacheFormatError(name)
        fields = {key: _plain(getattr(value, key)) for key in value.model_fields_set}
        return {MARK: ["m", name, fields]}
    if dataclasses.is_dataclass(value) and RECORDS.get(type(value).__name__) is type(value):
        return {MARK: ["c", type(value).__name__, [_plain(getattr(value, f.name)) for f in dataclasses.fields(value)]]}
    raise CacheFormatError(type(value).__name__)


def encode(value: Any) -> str:
    """One line of JSON (no line breaks, no tabs outside strings): the stored form of ``value``."""
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _restore(obj: dict[str, Any]) -> Any:
    tagged = obj.get(MARK)
    if tagged is None:
        return obj
    if len(obj) != 1 or not isinstance(tagged, list) or not tagged:
        raise CacheFormatError(MARK)
    tag = tagged[0]
    if tag == "m" and len(tagged) == 3 and isinstance(tagged[2], dict):
        model = models().get(tagged[1]) if isinstance(tagged[1], str) else None
        if model is None:
            raise CacheFormatError(str(tagged[1]))
        return model.model_construct(**tagged[2])
    if tag == "t" and len(tagged) == 2 and isinstance(tagged[1], list):
        return tuple(tagged[1])
    if tag == "d" and len(tagged) == 2 and isinstance(tagged[1], list):
        return {_hashable(pair[0]): pair[1] for pair in _pairs(tagged[1])}
    if tag == "c" and len(tagged) == 3 and isinstance(tagged[2], list):
        record = RECORDS.get(tagged[1]) if isinstance(tagged[1], str) else None
        if record is None:
            raise CacheFormatError(str(tagged[1]))
        try:
            return record(*tagged[2])
        except TypeError:
            raise CacheFormatError(str(tagged[1])) from None
    if tag == "s" and len(tagged) == 2 and tagged[1] in Severity.__members__:
        return Severity[tagged[1]]
    raise CacheFormatError(str(tag))


def _pairs(items: list[Any]) -> Iterator[list[Any]]:
    for pair in items:
        if not isinstance(pair, list) or len(pair) != 2:
            raise CacheFormatError("d")
        yield pair


def _hashable(key: Any) -> Any:
    if isinstance(key, (dict, list)):
        raise CacheFormatError("d")
    return key


def _is_plain(value: Any) -> bool:
    """Whether JSON gives ``value`` back as it is: text keys only (not the marker), no tuples."""
    if value is None or isinstance(value, (str, bool, float)) or type(value) is int:
        return True
    if isinstance(value, list):
        return all(_is_plain(item) for item in value)
    if isinstance(value, dict):
        return MARK not in value and all(type(k) is str and _is_plain(v) for k, v in value.items())
    return False


def encode_data(value: Any) -> str:
    """A file's YAML data: plain JSON after "j" when JSON keeps it as it is (the usual case, decoded
    without a Python call per mapping), else tagged JSON after "t"."""
    if _is_plain(value):
        return "j" + json.dumps(value, ensure_ascii=False, separators=(",", ":"), check_circular=False)
    return "t" + encode(value)


def decode_data(text: bytes) -> Any:
    """The value ``encode_data`` gave ``text`` (as UTF-8 bytes)."""
    if text[:1] == b"j":
        return json.loads(text[1:])
    if text[:1] == b"t":
        return decode(text[1:])
    raise CacheFormatError(repr(text[:1]))


def decode(text: str | bytes) -> Any:
    """The value ``encode`` gave ``text``; CacheFormatError (or ValueError) for anything else."""
    try:
        return json.loads(text, object_hook=_restore)
    except (TypeError, RecursionError):  # an unhashable key, nesting too deep
        raise CacheFormatError("json") from None
