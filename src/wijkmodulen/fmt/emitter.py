"""The one YAML style of the KB: how ruamel.yaml writes a file back.

Canonical style (chosen to match how the shipped files were written):
- two-space mappings; list dashes indented two spaces under their key, items four;
- text wrapped before the word that would pass column ``WIDTH``, for plain and quoted scalars alike;
- no trailing spaces; a comment on its own line is indented like the line below it;
- plain scalars where YAML allows them, otherwise single quotes (``QUOTING``); flow lists such as
  ``tegenhangers: [wmw-02]`` stay flow lists.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

from wijkmodulen.load import scalars

WIDTH = 100
MAPPING_INDENT = 2
SEQUENCE_INDENT = 4
SEQUENCE_DASH_OFFSET = 2

_RUNS = re.compile(r" +|[^ ]+")
_FLOW_PLAIN = re.compile(r"\w[\w .\-/]*\Z")


class CoreResolver(VersionedResolver):
    """Plain scalars resolved by the KB's one table (YAML 1.2 core schema), as the loader does: ruamel's
    own YAML 1.2 rules read `0b101` and `1_000` as numbers and fail on `0x_`; here they stay text, and
    text that looks like a number to the loader is quoted when written."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return Tag(suffix=scalars.resolve(value))
        return super().resolve(kind, value, implicit)


class KbEmitter(RoundTripEmitter):
    """ruamel's emitter with single-quoted text wrapped by the same rule as plain text.

    ruamel folds a plain scalar before the word that would pass the width, but a single-quoted one
    only after the width is passed; the shipped files wrap both the first way.
    """

    def analyze_scalar(self, scalar: Any) -> Any:
        analysis = super().analyze_scalar(scalar)
        # In a flow list YAML 1.2 allows plain text such as 'a:b' or '0?', but the loader (libyaml)
        # reads YAML 1.1, which does not: in a flow list only words, ids and numbers stay plain.
        if not _FLOW_PLAIN.match(scalar):
            analysis.allow_flow_plain = False
        return analysis

    def write_single_quoted(self, text: Any, split: Any = True) -> None:
        if not split or self.root_context or any(ch in text for ch in "\n\x85\u2028\u2029"):
            super().write_single_quoted(text, split)
            return
        self.write_indicator("'", True)
        runs = _RUNS.findall(text)
        for index, run in enumerate(runs):
            if run[0] != " ":
                self._write_raw(run.replace("'", "''"))
                continue
            following = runs[index + 1] if index + 1 < len(runs) else None
            # Only a single space between two words may become a line break: folding turns the
            # break back into exactly one space, so longer runs of spaces must stay on the line.
            if len(run) == 1 and index > 0 and following is not None:
                word = following.replace("'", "''") + ("'" if index + 2 == len(runs) else "")
                if self.column + 1 + len(word) > self.best_width and self.column > (self.indent or 0):
                    self.write_indent()
                    continue
            self._write_raw(run)
        self.write_indicator("'", False)

    def _write_raw(self, data: str) -> None:
        self.column += len(data)
        self.stream.write(data.encode(self.encoding) if self.encoding else data)


def _tidy(text: str) -> str:
    """No trailing spaces, and a comment on a line of its own indented like the line it precedes.

    ruamel leaves the space at which it folded a plain scalar at the end of the line (folding
    drops it, so it never means anything) and keeps a comment line at its original column.
    """
    lines = [line.rstrip(" ") for line in text.split("\n")]
    following = ""
    for index in range(len(lines) - 1, -1, -1):
        stripped = lines[index].lstrip(" ")
        if stripped.startswith("#"):
            lines[index] = following + stripped
        elif stripped:
            following = lines[index][: len(lines[index]) - len(stripped)]
    return "\n".join(lines)


def kb_yaml() -> YAML:
    """A round-trip YAML instance (comments and flow styles kept) that writes the canonical style."""
    yaml = YAML(typ="rt")
    yaml.Resolver = CoreResolver
    yaml.Emitter = KbEmitter
    yaml.width = WIDTH
    yaml.indent(mapping=MAPPING_INDENT, sequence=SEQUENCE_INDENT, offset=SEQUENCE_DASH_OFFSET)
    yaml.preserve_quotes = False
    yaml.allow_unicode = True
    return yaml


def dump(yaml: YAML, data: Any) -> str:
    import io

    stream = io.StringIO()
    yaml.dump(data, stream, transform=_tidy)
    return stream.getvalue()
