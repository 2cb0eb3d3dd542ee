"""The terminal reporters.

``text``: findings grouped per file, colour on a terminal (rich decides; ``NO_COLOR`` is honoured),
and a summary line. ``concise``: one ``file:line:col`` line per finding, for editors and grep.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from rich.text import Text

from wijkmodulen.lint.engine import LintResult
from wijkmodulen.lint.problem import Severity
from wijkmodulen.lint.reporters.common import relative_path, summary_line
from wijkmodulen.sinks import for_terminal

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def format_text(result: LintResult, base: Path, summary: bool = True) -> Text:
    out = Text()
    for file, group in groupby(result.problems, key=lambda p: p.file):
        problems = list(group)
        out.append(for_terminal(relative_path(file, base)), style="bold underline")
        out.append("\n")
        width = max(len(f"{p.line}:{p.column}") for p in problems)
        for problem in problems:
            out.append(f"  {problem.line}:{problem.column}".ljust(width + 2) + "  ", style="dim")
            out.append(problem.severity.label.ljust(7), style=STYLE[problem.severity])
            out.append("  ")
            out.append(f"{problem.code} {problem.rule}", style="dim")
            out.append(f"  {for_terminal(problem.message)}\n")
        out.append("\n")
    if summary:
        out.append(summary_line(result), style="bold" if result.problems else "green")
    out.rstrip()
    return out


def format_concise(result: LintResult, base: Path, summary: bool = True) -> Text:
    lines = [
        for_terminal(f"{relative_path(p.file, base)}:{p.line}:{p.column}: {p.severity.label} {p.code} {p.rule}: "
                     f"{p.message}")
        for p in result.problems
    ]
    if summary:
        lines.append(summary_line(result))
    return Text("\n".join(lines))
