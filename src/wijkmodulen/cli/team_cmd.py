"""`wijkmodulen team`: a team profile against the KB: coverage, gaps and learning material."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import err, fail, open_workspace, out
from wijkmodulen.messages import t
from wijkmodulen.reporters import choose, format_help, reporters


@app.command(help=t("team.help"))
def team(
    profiel: Annotated[Path, typer.Argument(help=t("team.profiel"), show_default=False)],
    kb_path: Annotated[Path | None, typer.Argument(help=t("kb.argument"), show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", help=format_help("team"))] = "text",
    niveau: Annotated[int | None, typer.Option("--niveau", help=t("team.niveau"), show_default=False)] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=t("team.output"), show_default=False)] = None,
) -> None:
    from wijkmodulen.app import Workspace

    choose("team", fmt)
    if niveau is not None and not 1 <= niveau <= 4:
        fail(t("team.bad_niveau", value=niveau))
    Workspace.check_profile(profiel)  # before the KB is read: a wrong path is said at once
    report = open_workspace(kb_path).team_report(profiel, niveau)
    text = reporters("team")[fmt].render(report)
    if output is None:
        out.print(text, markup=False, end="")
        return
    from wijkmodulen.io.writer import write_file
    from wijkmodulen.os_errors import describe

    try:
        write_file(output, text)
    except OSError as error:
        fail(t("team.cannot_write", path=output, detail=describe(error)))
    err.print(t("team.written", path=output), markup=False)
