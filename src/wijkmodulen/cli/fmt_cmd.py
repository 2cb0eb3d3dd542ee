"""`wijkmodulen fmt`: canonical formatting that keeps comments; `--check` for CI, `--fix` for autofixes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import fail, locate, out
from wijkmodulen.messages import t

if TYPE_CHECKING:
    from wijkmodulen.load.limits import Limits


def _limits() -> Limits:
    """The configured size and depth limits (as lint uses them); exit 2 for a broken config."""
    from wijkmodulen.config import ConfigError, find_config
    from wijkmodulen.locate import limits_of

    try:
        return limits_of(find_config().config)
    except ConfigError as error:
        fail(t("cli.config_error", path=error.path, detail=error.detail))


@app.command(help=t("fmt.help"))
def fmt(
    paths: Annotated[list[Path] | None, typer.Argument(help=t("fmt.paths"), show_default=False)] = None,
    check: Annotated[bool, typer.Option("--check", help=t("fmt.check"))] = False,
    fix: Annotated[bool, typer.Option("--fix", help=t("fmt.fix"))] = False,
) -> None:
    from wijkmodulen.cli.lint_cmd import _settings
    from wijkmodulen.fmt.report import format_fmt
    from wijkmodulen.fmt.run import run_fmt, yaml_files
    from wijkmodulen.lint.fixes import text_fixes

    targets = list(paths) if paths else [locate(None).root]
    for path in targets:
        if not path.exists():
            fail(t("cli.path_missing", path=path))
    if not yaml_files(targets):
        fail(t("fmt.no_files", paths=", ".join(str(p) for p in targets)))
    limits = _limits()
    result = run_fmt(targets, write=not check, fixes=text_fixes(_settings()) if fix else None, limits=limits)
    out.print(format_fmt(result), markup=False)
    raise typer.Exit(result.exit_code)
