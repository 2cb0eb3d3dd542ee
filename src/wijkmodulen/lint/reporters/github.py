"""``--format github``: workflow commands that GitHub turns into annotations on the pull request.

GitHub shows only a limited number of annotations per step, so ``step_summary`` gives the full
list as Markdown for ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from wijkmodulen.lint.problem import Severity
from wijkmodulen.lint.reporters.base import LintReporter
from wijkmodulen.lint.reporters.common import relative_path, summary_line
from wijkmodulen.messages import t
from wijkmodulen.sinks import for_markdown_cell, for_terminal

if TYPE_CHECKING:
    from wijkmodulen.lint.engine import LintResult

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


# Inline Markdown (a table cell has no block markup): emphasis, code, links and images, HTML, entities,
# strikethrough; each is shown as the character itself.
_MARKUP = re.compile(r"([`*_\[\]<>~&!])")


def _cell(value: str) -> str:
    """KB text (file names, messages quoting a file) as the literal text of one table cell: the sink's
    rules (no line break, ``|`` and ``\\`` escaped, no mentions, controls shown), then the inline markup."""
    return _MARKUP.sub(r"\\\1", for_markdown_cell(value))


def _code_cell(value: str) -> str:
    """A location as code in one table cell: a fence longer than any run of backticks in it."""
    text = for_markdown_cell(value)
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def step_summary(result: LintResult, base: Path) -> str:
    """Markdown for the job summary: the summary line, then every finding in a table."""
    lines = [f"### {t('lint.github.title')}", "", summary_line(result), ""]
    if result.problems:
        lines += [t("lint.github.header"), "|---|---|---|---|"]
        lines += [
            f"| {_code_cell(f'{relative_path(p.file, base)}:{p.line}:{p.column}')} | {p.severity.label} "
            f"| {p.code} {p.rule} | {_cell(p.message)} |"
            for p in result.problems
        ]
        lines.append("")
    return "\n".join(lines)


REPORTERS = (
    LintReporter("github", "lint.reporter.github", lambda result, base, summary: format_github(result, base),
                 order=4, step_summary=step_summary),
)
