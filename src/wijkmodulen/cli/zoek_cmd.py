"""`wijkmodulen zoek`: rank the KB's modules (and competences, kennisbouwstenen, introduction) for a query."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import announce_kb, fail, open_workspace
from wijkmodulen.messages import t
from wijkmodulen.sinks import for_terminal

FORMATS = ("text", "json", "markdown")


@app.command(help=t("zoek.help"))
def zoek(
    query: Annotated[str, typer.Argument(help=t("zoek.query"), show_default=False)],
    kb_path: Annotated[Path | None, typer.Argument(help=t("kb.argument"), show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", help=t("zoek.format"))] = "text",
    aantal: Annotated[int, typer.Option("--aantal", "-n", help=t("zoek.aantal"))] = 10,
    beroep: Annotated[list[str] | None, typer.Option("--beroep", help=t("zoek.beroep"))] = None,
    cluster: Annotated[list[str] | None, typer.Option("--cluster", help=t("zoek.cluster"))] = None,
    competentie: Annotated[list[str] | None, typer.Option("--competentie", help=t("zoek.competentie"))] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help=t("zoek.no_cache"))] = False,
) -> None:
    from wijkmodulen.search.formats import FORMATTERS
    from wijkmodulen.search.run import Filters

    if fmt not in FORMATS:
        fail(t("zoek.unknown_format", value=fmt, choices=", ".join(FORMATS)))
    if aantal < 0:
        fail(t("zoek.bad_aantal", value=aantal))
    filters = Filters(tuple(beroep or ()), tuple(cluster or ()), tuple(competentie or ()))
    # The KB is announced after the index is found: a stored index that still matches the KB stands
    # for the check that the folder is a KB (see Workspace.searchable).
    workspace = open_workspace(kb_path, must_exist=False, announce=False)
    found = workspace.searchable(use_cache=not no_cache)
    announce_kb(workspace)
    result = workspace.search(query, filters, aantal or None, found=found)
    # Plain text: no console needed, only the terminal's escaping (the formats keep KB text from
    # becoming markup, this keeps it from steering the terminal).
    sys.stdout.write(for_terminal(FORMATTERS[fmt](result), lines=True))
    sys.stdout.flush()
