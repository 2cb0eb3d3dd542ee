"""The one value every check produces: a Problem at a file, line and column."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from wijkmodulen.messages import t

if TYPE_CHECKING:
    # Types only: the reporters (and `lint --help`, which lists them) need Severity, not the YAML reader.
    from wijkmodulen.load.yaml_source import Path_, Position, SourceFile


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def dutch(self) -> str:
        return t(f"severity.{self.label}")

    @classmethod
    def parse(cls, value: str) -> Severity:
        return cls[value.upper()]


@dataclass(frozen=True)
class Finding:
    """What a rule yields: where (file and data path, or a known position) and what."""

    source: SourceFile
    message: str
    path: Path_ = ()
    position: Position | None = None
    at_value: bool = False  # point at the value (an item in a flow list) rather than its key


@dataclass(frozen=True, order=True)
class Problem:
    """A finding with its rule, severity and resolved 1-based position. The engine makes these."""

    file: Path
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    rule: str
