"""The interface of a ``lint`` output format: one ``LintReporter`` value per format.

A reporter module (a new file in this package) lists its formats in ``REPORTERS``; the registry
(registry.py) finds them, and ``--format``'s choices, its help, the error for an unknown format
and the documentation all come from there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

    from wijkmodulen.lint.engine import LintResult


@dataclass(frozen=True)
class LintReporter:
    name: str  # the value of --format
    description: str  # message key: what the format is for, one line (help and documentation)
    # The output for a result: paths relative to ``base``; ``summary`` False leaves the summary line out
    # (``--quiet``). A terminal format returns rich Text, printed with colour where the terminal has it.
    render: Callable[[LintResult, Path, bool], str | Text]
    order: int = 100  # place in the list of formats
    terminal: bool = False  # for people at a terminal: paths relative to where they stand
    # For GitHub Actions: Markdown appended to $GITHUB_STEP_SUMMARY when that is set.
    step_summary: Callable[[LintResult, Path], str] | None = None
