"""``--format github``: workflow commands that GitHub turns into annotations on the pull request.

GitHub shows only a limited number of annotations per step, so ``step_summary`` gives the full
list as Markdown for ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

from pathlib import Path

from wijkmodulen.lint.engine import LintResult
from wijkmodulen.lint.problem import Severity
from wijkmodulen.lint.reporters.common import relative_path, summary_line
from wijkmodulen.messages import t
from wijkmodulen.sinks import for_markdown_cell, for_terminal

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    value = for_terminal(value, lines=True)  # the annotation is shown in a log that renders escapes
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(result: LintResult, base: Path) -> str:
    lines = []
    for p in result.problems:
        properties = ",".join(
            [
                f"file={_escape_property(relative_path(p.file, base))}",
                f"line={p.line}",
                f"col={p.column}",
                f"title={_escape_property(f'{p.code} {p.rule}')}",
            ]
        )
        lines.append(f"::{COMMAND[p.severity]} {properties}::{_escape_data(p.message)}")
    lines.append(summary_line(result))
    return "\n".join(lines)


def _cell(value: str) -> str:
    return for_markdown_cell(value)


def step_summary(result: LintResult, base: Path) -> str:
    """Markdown for the job summary: the summary line, then every finding in a table."""
    lines = [f"### {t('lint.github.title')}", "", summary_line(result), ""]
    if result.problems:
        lines += [t("lint.github.header"), "|---|---|---|---|"]
        lines += [
            f"| `{_cell(relative_path(p.file, base))}:{p.line}:{p.column}` | {p.severity.label} "
            f"| {p.code} {p.rule} | {_cell(p.message)} |"
            for p in result.problems
        ]
        lines.append("")
    return "\n".join(lines)
