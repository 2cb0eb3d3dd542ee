"""The command line: parse options, call one function, print its result, exit with its code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from wijkmodulen import __version__
from wijkmodulen.config import ConfigError
from wijkmodulen.locate import KbLocation, kb_root_of, locate_kb
from wijkmodulen.messages import t

app = typer.Typer(help=t("app.help"), no_args_is_help=True, add_completion=False, rich_markup_mode=None)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

FAIL_LEVELS = ("error", "warning", "info")


def _fail(message: str, code: int = 2) -> NoReturn:
    err.print(message, markup=False)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        out.print(f"wijkmodulen {__version__}", markup=False)
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=t("version.help"))
    ] = False,
) -> None:
    pass


def _locate(path: Path | None) -> KbLocation:
    try:
        location = locate_kb(path)
    except ConfigError as error:
        _fail(t("cli.config_error", path=error.path, detail=error.detail))
    if not location.root.is_dir():
        _fail(t("cli.no_kb", path=location.root))
    err.print(t("cli.kb_used", path=location.root, origin=location.origin), markup=False)
    return location


def _targets(paths: list[Path]) -> list[tuple[KbLocation, list[Path] | None]]:
    """Group the given paths per KB root: a root is linted whole, files only for themselves."""
    if not paths:
        return [(_locate(None), None)]
    groups: dict[Path, list[Path] | None] = {}
    for path in paths:
        if not path.exists():
            _fail(t("cli.path_missing", path=path))
        if path.is_dir():
            groups[path] = None
            continue
        root = kb_root_of(path)
        if root is None:
            _fail(t("cli.path_missing", path=path))
        existing = groups.setdefault(root, [])
        if existing is not None:
            existing.append(path)
    result = []
    for root, files in groups.items():
        result.append((_locate(root), files))
    return result


@app.command(help=t("lint.help"))
def lint(
    paths: Annotated[list[Path] | None, typer.Argument(help=t("lint.paths"), show_default=False)] = None,
    fail_level: Annotated[str, typer.Option("--fail-level", help=t("lint.fail_level"))] = "error",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=t("lint.quiet"))] = False,
) -> None:
    from wijkmodulen.lint.engine import lint_knowledge_base
    from wijkmodulen.lint.problem import Severity
    from wijkmodulen.lint.reporters.text import format_text
    from wijkmodulen.load.kb import load_knowledge_base

    if fail_level not in FAIL_LEVELS:
        _fail(t("cli.bad_fail_level", value=fail_level, choices=", ".join(FAIL_LEVELS)))
    exit_code = 0
    for location, only in _targets(paths or []):
        kb = load_knowledge_base(location.root)
        result = lint_knowledge_base(kb, only=only, fail_level=Severity.parse(fail_level))
        text = format_text(result, summary=not quiet)
        if text:
            out.print(text, markup=False)
        exit_code = max(exit_code, result.exit_code)
    raise typer.Exit(exit_code)


@app.command(help=t("summary.help"))
def summary(
    kb_path: Annotated[Path | None, typer.Argument(help=t("kb.argument"), show_default=False)] = None,
) -> None:
    from wijkmodulen.load.kb import load_knowledge_base
    from wijkmodulen.summary import summarize

    location = _locate(kb_path)
    out.print(summarize(load_knowledge_base(location.root)), markup=False)


@app.command(help=t("schema.help"))
def schema(
    out_dir: Annotated[Path, typer.Option("--out", help=t("schema.out"))] = Path("schemas"),
) -> None:
    from wijkmodulen.schema_export import export_schemas

    written = export_schemas(out_dir)
    err.print(t("cli.schema_written", count=len(written), path=out_dir), markup=False)


@app.command(help=t("rules.help"))
def rules() -> None:
    from wijkmodulen.lint.rule_docs import describe_rules

    out.print(describe_rules(), markup=False)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
