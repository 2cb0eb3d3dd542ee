"""The typer application and its global options; commands register themselves on ``app``."""

from __future__ import annotations

from typing import Annotated

import typer

from wijkmodulen import __version__
from wijkmodulen.cli.common import out
from wijkmodulen.messages import t

app = typer.Typer(help=t("app.help"), no_args_is_help=True, add_completion=False, rich_markup_mode=None)


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
