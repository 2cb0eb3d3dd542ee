"""`wijkmodulen lint` and `wijkmodulen rules`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import err, fail, locate, out
from wijkmodulen.io.writer import append_file
from wijkmodulen.messages import t

if TYPE_CHECKING:
    from wijkmodulen.lint.engine import LintResult
    from wijkmodulen.lint.settings import LintSettings
    from wijkmodulen.locate import KbLocation

FAIL_LEVELS = ("error", "warning", "info")


def _targets(paths: list[Path]) -> list[tuple[KbLocation, list[Path] | None]]:
    """Group the given paths per KB root: a root is linted whole, files only for themselves."""
    from wijkmodulen.locate import kb_root_of

    if not paths:
        return [(locate(None), None)]
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
    return [(locate(root), files) for root, files in groups.items()]


def _settings() -> LintSettings:
    from wijkmodulen.config import ConfigError, find_config
    from wijkmodulen.lint.settings import resolve_settings

    try:
        loaded = find_config()
        return resolve_settings(loaded.config.lint, loaded.path)
    except ConfigError as error:
        fail(t("cli.config_error", path=error.path, detail=error.detail))


def _changed_files(kb_root: Path, revision: str) -> set[Path]:
    """Absolute paths of the files changed since ``revision`` in the repository holding the KB."""
    from wijkmodulen.load.git import GitError, changed_files, repo_root

    try:
        root = repo_root(kb_root)
        if root is None:
            raise GitError(t("git.not_repository", path=kb_root))
        return {root / path for path in changed_files(root, revision)}
    except GitError as error:
        fail(str(error))


def _format(name: str | None) -> str:
    from wijkmodulen.lint.reporters import FORMATS

    if name is None:
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if name not in FORMATS:
        fail(t("cli.bad_format", value=name, choices=", ".join(FORMATS)))
    return name


def _report(result: LintResult, base: Path, format_name: str, quiet: bool) -> None:
    from wijkmodulen.lint.reporters import github, json_report, junit, sarif, text

    if format_name in ("text", "concise"):
        formatter = text.format_text if format_name == "text" else text.format_concise
        # At the terminal, paths relative to where the author stands are the ones that click.
        rendered = formatter(result, Path.cwd(), summary=not quiet)
        if rendered.plain:
            out.print(rendered)
        return
    machine = {
        "json": json_report.format_json,
        "sarif": sarif.format_sarif,
        "github": github.format_github,
        "junit": junit.format_junit,
    }[format_name]
    sys.stdout.write(machine(result, base) + "\n")
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if format_name == "github" and summary_file:
        try:
            append_file(Path(summary_file), github.step_summary(result, base) + "\n")
        except OSError as error:
            err.print(t("lint.summary_unwritable", path=summary_file, detail=error.strerror), markup=False)


@app.command(help=t("lint.help"))
def lint(
    paths: Annotated[list[Path] | None, typer.Argument(help=t("lint.paths"), show_default=False)] = None,
    fail_level: Annotated[
        str | None, typer.Option("--fail-level", help=t("lint.fail_level"), show_default=False)
    ] = None,
    format_name: Annotated[
        str | None, typer.Option("--format", "-f", help=t("lint.format"), show_default=False)
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=t("lint.quiet"))] = False,
    changed_since: Annotated[
        str | None, typer.Option("--changed-since", metavar="REV", help=t("lint.changed_since"), show_default=False)
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help=t("lint.no_cache"))] = False,
) -> None:
    from wijkmodulen import collector
    from wijkmodulen.lint.engine import lint_knowledge_base, merge_results, restrict_to_files
    from wijkmodulen.lint.problem import Severity
    from wijkmodulen.lint.reporters.common import report_base
    from wijkmodulen.load.kb import load_knowledge_base

    if fail_level is not None and fail_level not in FAIL_LEVELS:
        fail(t("cli.bad_fail_level", value=fail_level, choices=", ".join(FAIL_LEVELS)))
    chosen_format = _format(format_name)
    settings = _settings()
    level = Severity.parse(fail_level) if fail_level else None
    results = []
    for location, only in _targets(paths or []):
        if no_cache:
            with collector.frozen():
                with collector.loading():
                    kb = load_knowledge_base(location.root, location.limits)
                results.append(lint_knowledge_base(kb, only=only, fail_level=level, settings=settings))
            continue
        from wijkmodulen.lint.cache import LintCache, cache_key, load_with_cache

        cache = LintCache(location.root, cache_key(settings, location.limits))
        with collector.frozen():
            with collector.loading():
                kb = load_with_cache(location.root, location.limits, cache)
            results.append(lint_knowledge_base(kb, only=only, fail_level=level, settings=settings, cache=cache))
            cache.write()
    result = merge_results(results)
    if changed_since is not None:
        result = restrict_to_files(result, _changed_files(result.kb.root, changed_since))
    _report(result, report_base(result.kb.root), chosen_format, quiet)
    raise typer.Exit(result.exit_code)


@app.command(help=t("rules.help"))
def rules() -> None:
    from wijkmodulen.lint.rule_docs import describe_rules

    out.print(describe_rules(), markup=False)
