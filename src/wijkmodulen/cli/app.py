"""The typer application and its global options; commands register themselves on ``app``."""

from __future__ import annotations

import traceback
from typing import Annotated

import typer

from wijkmodulen import __version__
from wijkmodulen.cli.common import err, out
from wijkmodulen.messages import t

app = typer.Typer(help=t("app.help"), no_args_is_help=True, add_completion=False, rich_markup_mode=None)


class _Options:
    """Global options that ``main`` needs after the command has run (or failed)."""

    debug = False


def report_internal_error(error: BaseException) -> int:
    """An exception no command expected: its traceback with --debug, else one line. Returns 2."""
    if _Options.debug:
        err.print("".join(traceback.format_exception(error)), markup=False, end="")
    else:
        lines = str(error).strip().splitlines()
        detail = lines[0][:200] if lines else "-"
        err.print(t("cli.internal_error", type=type(error).__name__, detail=detail), markup=False)
    return 2


def _version(value: bool) -> None:
    if value:
        out.print(f"wijkmodulen {__version__}", markup=False)
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=t("version.help"))
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help=t("debug.help"))] = False,
) -> None:
    _Options.debug = debug
