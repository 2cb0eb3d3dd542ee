"""A position in a file and the problem of a file that cannot become data."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


class YamlProblem(Exception):
    """A file that cannot become data; carries the message key's text and the position."""

    def __init__(self, message: str, position: Position) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __reduce__(self) -> tuple[type[YamlProblem], tuple[str, Position]]:
        return (YamlProblem, (self.message, self.position))
