"""`wijkmodulen fmt`: canonical formatting that keeps comments; `--check` for CI, `--fix` for autofixes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import open_workspace, out
from wijkmodulen.messages import t


@app.command(help=t("fmt.help"))
def fmt(
    paths: Annotated[list[Path] | None, typer.Argument(help=t("fmt.paths"), show_default=False)] = None,
    check: Annotated[bool, typer.Option("--check", help=t("fmt.check"))] = False,
    fix: Annotated[bool, typer.Option("--fix", help=t("fmt.fix"))] = False,
) -> None:
    from wijkmodulen.fmt.report import format_fmt

    # Without paths the KB is formatted, and announced; with paths only the config matters.
    workspace = open_workspace(None, must_exist=not paths, announce=not paths)
    result = workspace.fmt(list(paths or []), check=check, fix=fix)
    out.print(format_fmt(result), markup=False)
    raise typer.Exit(result.exit_code)
