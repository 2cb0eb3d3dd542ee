"""The typer application and its global options; commands register themselves on ``app``."""

from __future__ import annotations

import traceback
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from wijkmodulen import __version__
from wijkmodulen.cli.common import err, out
from wijkmodulen.errors import WijkmodulenError
from wijkmodulen.messages import t


class _Commands(TyperGroup):
    """The group every command runs in: the one place where a WijkmodulenError becomes output and
    an exit code (so ``main``, tests through CliRunner and any other caller see the same)."""

    def invoke(self, ctx: Any) -> Any:  # typer's own click Context, which it does not export
        try:
            return super().invoke(ctx)
        except WijkmodulenError as error:
            raise typer.Exit(report_error(error)) from None


def report_error(error: WijkmodulenError) -> int:
    """The details on stdout (findings, like every command's results), the message on stderr."""
    for line in error.details:
        out.print(line, markup=False)
    err.print(error.message, markup=False)
    return error.exit_code


app = typer.Typer(
    cls=_Commands, help=t("app.help"), no_args_is_help=True, add_completion=False, rich_markup_mode=None
)


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
