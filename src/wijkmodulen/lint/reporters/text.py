"""The terminal reporter: one line per finding, ``file:line:col  severity  rule  message``."""

from __future__ import annotations

import os
from pathlib import Path

from wijkmodulen.lint.engine import LintResult
from wijkmodulen.lint.problem import Severity
from wijkmodulen.messages import t


def display_path(path: Path, base: Path | None = None) -> str:
    """A path relative to ``base`` (default: the current folder) when it lies below it.

    A symbolic link is shown as itself, not as what it points to; a name that is not UTF-8 is
    shown with replacement characters (printing it as is would fail).
    """
    base = base or Path.cwd()
    try:
        text = (path.parent.resolve() / path.name).relative_to(base.resolve()).as_posix()
    except ValueError:
        text = os.fspath(path)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def format_text(result: LintResult, summary: bool = True) -> str:
    lines = [
        f"{display_path(p.file)}:{p.line}:{p.column}  {p.severity.label}  {p.code} {p.rule}  {p.message}"
        for p in result.problems
    ]
    if summary:
        if result.problems:
            lines.append(
                t(
                    "lint.summary.found",
                    errors=result.counts[Severity.ERROR],
                    warnings=result.counts[Severity.WARNING],
                    infos=result.counts[Severity.INFO],
                    files=result.files_checked,
                )
            )
        else:
            lines.append(t("lint.summary.clean", files=result.files_checked))
    return "\n".join(lines)
