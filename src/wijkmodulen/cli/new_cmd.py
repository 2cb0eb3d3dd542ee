"""`wijkmodulen new`: a fresh module file to fill in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import open_workspace, out
from wijkmodulen.messages import t


@app.command(help=t("new.help"))
def new(
    titel: Annotated[str, typer.Argument(help=t("new.titel"), show_default=False)],
    beroep: Annotated[str, typer.Option("--beroep", help=t("new.beroep"), show_default=False)],
    cluster: Annotated[str, typer.Option("--cluster", help=t("new.cluster"), show_default=False)],
    functie: Annotated[str | None, typer.Option("--functie", help=t("new.functie"), show_default=False)] = None,
    kb_path: Annotated[Path | None, typer.Option("--kb", help=t("new.kb"), show_default=False)] = None,
) -> None:
    module = open_workspace(kb_path).new_module(titel, beroep, cluster, functie)
    out.print(t("new.written", path=module.path, id=module.id, nummer=module.nummer), markup=False)
