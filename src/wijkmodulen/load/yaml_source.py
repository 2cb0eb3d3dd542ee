"""Safe YAML reading with source positions.

Files are composed by libyaml (ruamel.yaml.clib's C parser) into a node tree, and plain Python data
is built from it here, so that aliases, tags and duplicate keys can be refused with the position
of the offending node. Positions of keys and list items are looked up by *path* (a tuple of keys
and indices) and only when a finding needs them: the node tree is then composed again, for all
of a file's findings at once, and not kept.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

from wijkmodulen.io.reader import read_again
from wijkmodulen.load import fast_yaml, scalars
from wijkmodulen.load.limits import Limits
from wijkmodulen.load.problems import Position, YamlProblem
from wijkmodulen.load.suppressions import NONE, Suppressions
from wijkmodulen.messages import t

Path_ = tuple[str | int, ...]

_TAG = scalars.TAG
_PLAIN = "tag:wijkmodulen,plain"  # a plain scalar without a tag, resolved by ``scalars``


class _PlainResolver(VersionedResolver):
    """Marks untagged plain scalars instead of resolving them, so ``scalars`` (the one table both
    paths share) decides what they are, and an explicit ``!!int`` stays distinguishable."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return Tag(suffix=_PLAIN)
        return super().resolve(kind, value, implicit)


def _yaml() -> YAML:
    # typ="safe" with pure=False selects libyaml's C parser when ruamel.yaml.clib is installed.
    yaml = YAML(typ="safe", pure=False)
    yaml.Resolver = _PlainResolver
    return yaml


__all__ = ["Path_", "Position", "SourceFile", "YamlProblem", "compose", "decode", "fingerprint", "load_text"]


def _pos(node: Any) -> Position:
    mark = node.start_mark
    return Position(mark.line + 1, mark.column + 1)


def decode(raw: bytes) -> str:
    """UTF-8 text with or without BOM; LF and CRLF become LF. Anything else is a YamlProblem."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise YamlProblem(t("load.nul"), _offset_position(raw, nul))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise YamlProblem(
            t("load.encoding", byte=raw[error.start]), _offset_position(raw, error.start)
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _offset_position(raw: bytes, offset: int) -> Position:
    """Line and column of a byte offset, counting CRLF, LF and a lone CR as one line end each
    (as YAML and ``decode`` do)."""
    before = raw[:offset]
    breaks = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n")
    line_start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return Position(breaks + 1, column)


def _check_events(text: str, max_depth: int) -> set[tuple[int, int]]:
    """Refuse, before anything is composed, what the node tree would not show: nesting deeper than
    ``max_depth``, an anchor (libyaml's composer drops it), and a ``?`` glued to a scalar in a flow
    collection (``[?x]``: libyaml reads an explicit key where YAML 1.2 has the text ``?x``).
    Returns the positions of scalars with the non-specific tag ``!`` (text, whatever they look like).

    libyaml's parser keeps its own stack (no recursion), but composing recurses in C per level
    (a few hundred thousand levels crash the process) and parsing slows quadratically with the
    depth of flow collections. Events are therefore counted first, stopping at the first level
    too deep, which keeps the cost linear.
    """
    depth = 0
    flow: list[bool] = []
    non_specific: set[tuple[int, int]] = set()
    for event in _yaml().parse(io.StringIO(text)):
        mark = event.start_mark
        if getattr(event, "anchor", None) is not None and not isinstance(event, AliasEvent):
            raise YamlProblem(t("load.alias"), Position(mark.line + 1, mark.column + 1))
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > max_depth:
                raise YamlProblem(t("load.too_deep", max=max_depth), Position(mark.line + 1, mark.column + 1))
            flow.append(bool(event.flow_style) or bool(flow and flow[-1]))
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
            flow.pop()
        elif isinstance(event, ScalarEvent):
            if flow and flow[-1] and mark.index > 0 and text[mark.index - 1] == "?":
                raise YamlProblem(t("load.flow_question"), Position(mark.line + 1, mark.column))
            if str(event.ctag) == "!":
                non_specific.add((mark.line, mark.column))
    return non_specific


def compose(text: str, max_depth: int | None = None) -> Node | None:
    """The node tree of ``text``; with ``max_depth``, deeper nesting is a YamlProblem first."""
    return _compose_checked(text, max_depth)[0]


def _compose_checked(text: str, max_depth: int | None) -> tuple[Node | None, set[tuple[int, int]]]:
    try:
        non_specific = _check_events(text, max_depth) if max_depth is not None else set()
        return _yaml().compose(io.StringIO(text)), non_specific
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
        detail = error.problem or str(error)
        raise YamlProblem(t("load.syntax", detail=detail), position) from None
    except YAMLError as error:
        raise YamlProblem(t("load.syntax", detail=str(error)), Position(1, 1)) from None


class _Builder:
    """Builds plain data from a node tree, refusing aliases, unknown tags and duplicate keys."""

    def __init__(self, non_specific: set[tuple[int, int]] | None = None) -> None:
        self._seen: set[int] = set()
        self._non_specific = non_specific or set()  # positions of scalars tagged `!`

    def build(self, node: Node) -> Any:
        # An anchor is refused even when no alias uses it, as on the fast path.
        if id(node) in self._seen or node.anchor is not None:
            raise YamlProblem(t("load.alias"), _pos(node))
        self._seen.add(id(node))
        if isinstance(node, MappingNode):
            return self._mapping(node)
        if isinstance(node, SequenceNode):
            if node.tag != _TAG + "seq":
                raise YamlProblem(t("load.tag", tag=node.tag), _pos(node))
            return [self.build(item) for item in node.value]
        assert isinstance(node, ScalarNode)
        return self._scalar(node)

    def _mapping(self, node: MappingNode) -> dict[str, Any]:
        if node.tag != _TAG + "map":
            raise YamlProblem(t("load.tag", tag=node.tag), _pos(node))
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise YamlProblem(t("load.alias"), _pos(key_node))
            key = self.build(key_node)
            if isinstance(key, bool | int | float) or key is None:
                key = str(key_node.value)
            if not isinstance(key, str):
                raise YamlProblem(t("load.non_string_key", kind=t("kind.list")), _pos(key_node))
            if key in result:
                raise YamlProblem(
                    t("load.duplicate_key", key=key, line=first_line[key]), _pos(key_node)
                )
            first_line[key] = _pos(key_node).line
            result[key] = self.build(value_node)
        return result

    def _scalar(self, node: ScalarNode) -> Any:
        tag = node.tag
        if tag == _PLAIN:
            mark = node.start_mark
            non_specific = (mark.line, mark.column) in self._non_specific
            tag = scalars.STR if non_specific else scalars.resolve(node.value)
        if tag in scalars.TEXT_TAGS:
            return str(node.value)
        if tag not in scalars.VALUE_TAGS:
            raise YamlProblem(t("load.tag", tag=tag), _pos(node))
        try:
            return scalars.construct(tag, node.value)
        except scalars.ScalarError:
            raise YamlProblem(t("load.bad_value", tag=tag.removeprefix(_TAG), value=node.value), _pos(node)) from None


def load_text(text: str, max_depth: int = Limits.max_depth) -> Any:
    """Plain data from YAML text, or a YamlProblem with the position of the offence.

    libyaml through PyYAML when it is there (one pass over the events, see ``fast_yaml``), else
    ruamel.yaml's composer and the builder above; both give the same data and the same problems,
    and both resolve scalars with ``scalars`` (YAML 1.2 core schema, whatever a ``%YAML`` directive
    says). A file with a ``%YAML`` directive takes ruamel's path.
    """
    if fast_yaml.AVAILABLE and "%YAML" not in text:
        try:
            return fast_yaml.load(_final_line_break(text), max_depth)
        except fast_yaml.Refused:
            pass  # ruamel's path finds what is wrong, with the message and position to report
    return load_text_ruamel(text, max_depth)


def load_text_ruamel(text: str, max_depth: int = Limits.max_depth) -> Any:
    """``load_text`` on ruamel.yaml's composer (the fallback, and the reference in tests)."""
    node, non_specific = _compose_checked(_final_line_break(text), max_depth)
    if node is None:
        return None
    return _Builder(non_specific).build(node)


def _final_line_break(text: str) -> str:
    """``text`` ending in a line break: libyaml drops the last line of a block scalar without one
    (``|`` followed by ``x`` and ``"   "`` at the end of the file), YAML keeps it."""
    return text if not text or text.endswith("\n") else text + "\n"


@dataclass
class SourceFile:
    """One YAML file of the KB: its text, its data, and positions on demand.

    Positions are needed for a small part of the files only (those with findings), so a file read
    from disk that loaded cleanly need not keep its text: with ``fingerprint`` set (size and CRC-32
    of its bytes) the text is dropped and read again when a position is asked for. A file that
    changed on disk since then no longer matches, and its positions fall back to line 1.
    """

    path: Path
    text: str
    data: Any = None
    suppressions: Suppressions = NONE
    fingerprint: tuple[int, int] | None = None  # set when ``text`` was dropped

    def drop_text(self, raw: bytes) -> None:
        """Forget the text (read from ``raw``, the file's bytes on disk); it is re-read on demand."""
        self.fingerprint = fingerprint(raw)
        self.text = ""

    def source_text(self) -> str | None:
        """The text, read again from disk if it was dropped; None if the file changed since."""
        if self.fingerprint is None:
            return self.text
        size = self.fingerprint[0]
        try:
            raw = read_again(self.path, size)
        except OSError:
            return None
        if fingerprint(raw) != self.fingerprint:
            return None
        try:
            return decode(raw)
        except YamlProblem:  # pragma: no cover -- it decoded when it was loaded, with the same bytes
            return None

    def positions(self, requests: Sequence[tuple[Path_, bool]]) -> list[Position]:
        """Positions for several ``(path, at_value)`` requests with one composition of the file.

        The node tree is not kept: it costs several times the file's text in memory, and most
        files need positions once, if at all. For each request: the position of the key (mapping
        entries) or item (list entries) at ``path``, or with ``at_value`` of the value there (for
        pointing inside a flow list, say). A path is followed as far as it exists, so a missing key
        points at its parent mapping.
        """
        if not requests:
            return []
        root: Any
        try:
            root = self._compose()
        except YamlProblem as problem:
            return [problem.position] * len(requests)
        result: list[Position] = []
        for path, at_value in requests:
            position, node = _walk(root, path)
            result.append(_pos(node) if at_value and node is not None else position)
        return result

    def _compose(self) -> Any:
        """The node tree for positions: libyaml's composer (PyYAML) for a file that loaded, which is
        within the depth limit and alias-free; ruamel's path (which reports problems) otherwise.
        None (no node, so line 1) for an empty file or one that changed on disk since it was read."""
        text = self.source_text()
        if text is None:
            return None
        if self.data is not None and fast_yaml.AVAILABLE:
            try:
                return fast_yaml.compose(text)
            except fast_yaml.Refused:
                pass
        return compose(text)

    def position(self, path: Path_) -> Position:
        """Position of the key (for mapping entries) or item (for list entries) at ``path``.

        Walks as far as the path exists, so a missing key points at its parent mapping.
        """
        return self.positions([(path, False)])[0]

    def value_position(self, path: Path_) -> Position:
        """Position of the value at ``path`` (for pointing inside a flow list, say)."""
        return self.positions([(path, True)])[0]


def fingerprint(raw: bytes) -> tuple[int, int]:
    return len(raw), zlib.crc32(raw)


def _walk(root: Any, path: Path_) -> tuple[Position, Any]:
    """Follow ``path`` from ``root`` as far as it exists: the position of the last key or item
    reached, and the value node at the full path (None when the path stops early)."""
    node = root
    if node is None:
        return Position(1, 1), None
    position = _pos(node)
    for step in path:
        # node.id is "mapping", "sequence" or "scalar" in PyYAML's and ruamel's nodes alike
        if node.id == "mapping":
            found = next(((k, v) for k, v in node.value if k.value == step), None)
            if found is None:
                return position, None
            position, node = _pos(found[0]), found[1]
        elif node.id == "sequence" and isinstance(step, int) and 0 <= step < len(node.value):
            node = node.value[step]
            position = _pos(node)
        else:
            return position, None
    return position, node
