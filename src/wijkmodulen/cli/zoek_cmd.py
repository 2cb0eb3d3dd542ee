"""`wijkmodulen zoek`: rank the KB's modules (and competences, kennisbouwstenen, introduction) for a query."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import err, fail, open_workspace, out
from wijkmodulen.messages import t

if TYPE_CHECKING:
    from wijkmodulen.load.kb import KnowledgeBase

FORMATS = ("text", "json", "markdown")


def _load(kb_path: Path | None) -> KnowledgeBase:
    """The KB to search, read the way every command reads it (the one place to change when it is opened
    differently)."""
    return open_workspace(kb_path).load()


@app.command(help=t("zoek.help"))
def zoek(
    query: Annotated[str, typer.Argument(help=t("zoek.query"), show_default=False)],
    kb_path: Annotated[Path | None, typer.Argument(help=t("kb.argument"), show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", help=t("zoek.format"))] = "text",
    aantal: Annotated[int, typer.Option("--aantal", "-n", help=t("zoek.aantal"))] = 10,
    beroep: Annotated[list[str] | None, typer.Option("--beroep", help=t("zoek.beroep"))] = None,
    cluster: Annotated[list[str] | None, typer.Option("--cluster", help=t("zoek.cluster"))] = None,
    competentie: Annotated[list[str] | None, typer.Option("--competentie", help=t("zoek.competentie"))] = None,
) -> None:
    from wijkmodulen.search.formats import FORMATTERS
    from wijkmodulen.search.run import FilterError, Filters, search_kb

    if fmt not in FORMATS:
        fail(t("zoek.unknown_format", value=fmt, choices=", ".join(FORMATS)))
    if aantal < 0:
        fail(t("zoek.bad_aantal", value=aantal))
    kb = _load(kb_path)
    broken = {issue.source.path for issue in kb.issues}
    if broken:
        err.print(t("zoek.kb_has_issues", count=len(broken)), markup=False)
    filters = Filters(tuple(beroep or ()), tuple(cluster or ()), tuple(competentie or ()))
    try:
        result = search_kb(kb, query, filters, aantal or None)
    except FilterError as error:
        fail(str(error))
    out.print(FORMATTERS[fmt](result), markup=False, end="")
