"""`wijkmodulen lint` and `wijkmodulen rules`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import err, fail, open_workspace, out
from wijkmodulen.messages import t

if TYPE_CHECKING:
    from wijkmodulen.app import Workspace
    from wijkmodulen.lint.engine import LintResult

FAIL_LEVELS = ("error", "warning", "info")


def _targets(paths: list[Path]) -> list[tuple[Workspace, list[Path] | None]]:
    """Group the given paths per KB root: a root is linted whole, files only for themselves."""
    from wijkmodulen.app import kb_root_of

    if not paths:
        return [(open_workspace(None), None)]
    groups: dict[Path, list[Path] | None] = {}
    for path in paths:
        if not path.exists():
            fail(t("cli.path_missing", path=path))
        if path.is_dir():
            groups[path] = None
            continue
        root = kb_root_of(path)
        if root is None:
            fail(t("cli.path_missing", path=path))
        existing = groups.setdefault(root, [])
        if existing is not None:
            existing.append(path)
    return [(open_workspace(root), files) for root, files in groups.items()]


def _format(name: str | None) -> str:
    from wijkmodulen.lint.reporters.registry import format_names

    if name is None:
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if name not in format_names():
        fail(t("cli.bad_format", value=name, choices=", ".join(format_names())))
    return name


def _report(result: LintResult, base: Path, format_name: str, quiet: bool) -> None:
    from wijkmodulen.lint.reporters.registry import lint_reporters

    reporter = lint_reporters()[format_name]
    if reporter.terminal:
        # At the terminal, paths relative to where the author stands are the ones that click.
        rendered = reporter.render(result, Path.cwd(), not quiet)
        if str(rendered):
            out.print(rendered)
        return
    sys.stdout.write(str(reporter.render(result, base, not quiet)) + "\n")
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if reporter.step_summary is not None and summary_file:
        from wijkmodulen.io.writer import append_file
        from wijkmodulen.os_errors import describe

        try:
            append_file(Path(summary_file), reporter.step_summary(result, base) + "\n")
        except OSError as error:
            err.print(t("lint.summary_unwritable", path=summary_file, detail=describe(error)), markup=False)


def _format_help() -> str:
    from wijkmodulen.lint.reporters.registry import format_names

    return t("lint.format", choices=", ".join(format_names()))


@app.command(help=t("lint.help"))
def lint(
    paths: Annotated[list[Path] | None, typer.Argument(help=t("lint.paths"), show_default=False)] = None,
    fail_level: Annotated[
        str | None, typer.Option("--fail-level", help=t("lint.fail_level"), show_default=False)
    ] = None,
    format_name: Annotated[
        str | None, typer.Option("--format", "-f", help=_format_help(), show_default=False)
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=t("lint.quiet"))] = False,
    changed_since: Annotated[
        str | None, typer.Option("--changed-since", metavar="REV", help=t("lint.changed_since"), show_default=False)
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help=t("lint.no_cache"))] = False,
) -> None:
    from wijkmodulen.app import lint_all
    from wijkmodulen.lint.problem import Severity
    from wijkmodulen.lint.reporters.common import report_base

    if fail_level is not None and fail_level not in FAIL_LEVELS:
        fail(t("cli.bad_fail_level", value=fail_level, choices=", ".join(FAIL_LEVELS)))
    chosen_format = _format(format_name)
    level = Severity.parse(fail_level) if fail_level else None
    result = lint_all(_targets(paths or []), level, use_cache=not no_cache, changed_since=changed_since)
    _report(result, report_base(result.kb.root), chosen_format, quiet)
    raise typer.Exit(result.exit_code)


@app.command(help=t("rules.help"))
def rules() -> None:
    from wijkmodulen.lint.rule_docs import describe_rules

    out.print(describe_rules(), markup=False)
