"""`wijkmodulen new`: a fresh module file to fill in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import fail, locate, out
from wijkmodulen.messages import t


@app.command(help=t("new.help"))
def new(
    titel: Annotated[str, typer.Argument(help=t("new.titel"), show_default=False)],
    beroep: Annotated[str, typer.Option("--beroep", help=t("new.beroep"), show_default=False)],
    cluster: Annotated[str, typer.Option("--cluster", help=t("new.cluster"), show_default=False)],
    functie: Annotated[str | None, typer.Option("--functie", help=t("new.functie"), show_default=False)] = None,
    kb_path: Annotated[Path | None, typer.Option("--kb", help=t("new.kb"), show_default=False)] = None,
) -> None:
    from wijkmodulen.load.kb import load_knowledge_base
    from wijkmodulen.new_module import NewModuleError, plan_module, write_module

    location = locate(kb_path)
    try:
        module = plan_module(load_knowledge_base(location.root), beroep, cluster, titel, functie)
    except NewModuleError as error:
        fail(str(error))
    write_module(module)
    out.print(t("new.written", path=module.path, id=module.id, nummer=module.nummer), markup=False)
