"""Format one file: canonical key order, indentation, wrapping and quoting, comments kept.

The formatter proves its own output: the result is read back with the safe loader and must give
the same data as the input (plus the autofixes, with ``fix``), otherwise nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import ScalarString

from wijkmodulen.fmt.emitter import dump, kb_yaml
from wijkmodulen.fmt.key_order import order_keys
from wijkmodulen.io.reader import Refused, read_bounded
from wijkmodulen.load.limits import Limits
from wijkmodulen.load.yaml_source import YamlProblem, decode, load_text
from wijkmodulen.messages import t
from wijkmodulen.os_errors import describe

TextFix = Callable[[str], str]
DEFAULT_LIMITS = Limits()


class FormatError(Exception):
    """A file that cannot be formatted (not readable, not safe YAML, or a round trip that differs)."""


@dataclass(frozen=True)
class Formatted:
    path: Path
    original: str  # the file as it was (decoded)
    text: str  # the canonical text
    fixed: list[str] = field(default_factory=list)  # rule codes whose autofix changed something
    normalised: bool = False  # a BOM or CRLF line ends that the canonical text drops

    @property
    def changed(self) -> bool:
        return self.text != self.original or self.normalised


def format_text(
    text: str, model: type[BaseModel] | None, fixes: dict[str, TextFix] | None = None,
    max_depth: int = DEFAULT_LIMITS.max_depth,
) -> tuple[str, list[str]]:
    """The canonical form of ``text`` and the codes of the fixes that changed it.

    ``model`` gives the key order (None: keys keep their order). ``fixes`` maps a rule code to a
    function that returns the corrected form of one text value.
    """
    try:
        before = load_text(text, max_depth)  # also the depth limit, before ruamel builds its tree
    except YamlProblem as problem:
        raise FormatError(t("fmt.unreadable", line=problem.position.line, detail=problem.message)) from None
    yaml = kb_yaml()
    try:
        data = yaml.load(text)
    except YAMLError as error:
        raise FormatError(t("fmt.unreadable", line=1, detail=str(error))) from None
    if data is None:
        return text, []
    if model is not None and isinstance(data, dict):
        order_keys(data, model)
    applied: list[str] = []
    for code, fix in (fixes or {}).items():
        if _fix_values(data, fix):
            applied.append(code)
    result = dump(yaml, data)
    try:
        expected = load_text(result)
    except YamlProblem:
        raise FormatError(t("fmt.round_trip")) from None
    wanted = _plain(data) if applied else before
    if expected != wanted:
        raise FormatError(t("fmt.round_trip"))
    return result, applied


def read_for_format(path: Path, limits: Limits) -> bytes:
    """The file's bytes through the guarded reader: a link, a FIFO, a device or a file over the
    size limit is a FormatError (a finding), never read, followed or rewritten."""
    try:
        return read_bounded(path, limits)
    except Refused as refused:
        raise FormatError(refused.message) from None
    except OSError as error:
        raise FormatError(t("load.unreadable", detail=describe(error))) from None


def format_file(
    path: Path, model: type[BaseModel] | None, fixes: dict[str, TextFix] | None = None,
    limits: Limits = DEFAULT_LIMITS, raw: bytes | None = None,
) -> Formatted:
    try:
        raw = read_for_format(path, limits) if raw is None else raw
        original = decode(raw)
    except OSError as error:
        raise FormatError(t("load.unreadable", detail=describe(error))) from None
    except YamlProblem as problem:
        raise FormatError(problem.message) from None
    text, applied = format_text(original, model, fixes, limits.max_depth)
    return Formatted(path, original, text, applied, normalised=raw != original.encode("utf-8"))


def _fix_values(node: Any, fix: TextFix) -> bool:
    """Apply ``fix`` to every text value below ``node`` (not to keys); True when one changed."""
    changed = False
    items: list[tuple[Any, Any]]
    if isinstance(node, dict):
        items = list(node.items())
    elif isinstance(node, list):
        items = list(enumerate(node))
    else:
        return False
    for key, value in items:
        if isinstance(value, str):
            new = fix(str(value))
            if new != value:
                # Keep the scalar's style class (e.g. single-quoted) and with it any attached comment.
                node[key] = type(value)(new) if isinstance(value, ScalarString) else new
                changed = True
        elif _fix_values(value, fix):
            changed = True
    return changed


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node
