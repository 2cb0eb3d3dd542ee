"""`wijkmodulen diff`: what changed in the methodology between two revisions or folders."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import announce_kb, fail, open_workspace, out
from wijkmodulen.messages import t
from wijkmodulen.reporters import choose, format_help, reporters
from wijkmodulen.sinks import for_terminal


@app.command(help=t("diff.help"))
def diff(
    old: Annotated[str, typer.Argument(help=t("diff.old"), show_default=False)],
    new: Annotated[str | None, typer.Argument(help=t("diff.new"), show_default=False)] = None,
    kb: Annotated[Path | None, typer.Option("--kb", help=t("diff.kb"), show_default=False)] = None,
    output_format: Annotated[str, typer.Option("--format", help=format_help("diff"))] = "text",
    stat: Annotated[bool, typer.Option("--stat", help=t("diff.stat"))] = False,
    exit_code: Annotated[bool, typer.Option("--exit-code", help=t("diff.exit_code"))] = False,
) -> None:
    choose("diff", output_format)
    if stat and output_format == "json":
        fail(t("diff.stat_json"))
    workspace = open_workspace(kb, must_exist=False, announce=False)
    if workspace.diff_needs_kb(old, new):
        announce_kb(workspace)
    result = workspace.diff(old, new)
    color = out.color_system is not None and not out.no_color
    written = reporters("diff")[output_format].render(result, color=color, stat=stat)
    if isinstance(written, str):
        out.file.write(for_terminal(written, lines=True))  # JSON stays the same JSON
    else:
        out.print(written)  # rich Text, with colour where the terminal has it
    raise typer.Exit(1 if exit_code and result.has_changes else 0)
