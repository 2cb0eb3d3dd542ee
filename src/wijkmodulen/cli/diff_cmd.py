"""`wijkmodulen diff`: what changed in the methodology between two revisions or folders."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import fail, locate, out
from wijkmodulen.messages import t
from wijkmodulen.sinks import for_terminal

FORMATS = ("text", "markdown", "json")


@app.command(help=t("diff.help"))
def diff(
    old: Annotated[str, typer.Argument(help=t("diff.old"), show_default=False)],
    new: Annotated[str | None, typer.Argument(help=t("diff.new"), show_default=False)] = None,
    kb: Annotated[Path | None, typer.Option("--kb", help=t("diff.kb"), show_default=False)] = None,
    output_format: Annotated[str, typer.Option("--format", help=t("diff.format"))] = "text",
    stat: Annotated[bool, typer.Option("--stat", help=t("diff.stat"))] = False,
    exit_code: Annotated[bool, typer.Option("--exit-code", help=t("diff.exit_code"))] = False,
) -> None:
    from wijkmodulen.diff.compare import diff_knowledge_bases
    from wijkmodulen.diff.sides import load_sides, needs_kb_folder
    from wijkmodulen.load.git import GitError, ParseCache
    from wijkmodulen.load.limits import Limits

    if output_format not in FORMATS:
        fail(t("diff.bad_format", value=output_format, choices=", ".join(FORMATS)))
    if stat and output_format == "json":
        fail(t("diff.stat_json"))
    location = locate(kb) if needs_kb_folder(old, new) else None
    kb_folder = location.root if location else None
    cache = ParseCache(location.limits if location else Limits())
    try:
        (old_side, old_kb), (new_side, new_kb) = load_sides([old, new], kb_folder, cache)
    except GitError as error:
        fail(str(error))
    result = diff_knowledge_bases(old_kb, new_kb, old_side, new_side)
    if output_format == "json":
        from wijkmodulen.diff.format_json import format_json

        out.file.write(for_terminal(format_json(result), lines=True))  # still the same JSON
    elif output_format == "markdown":
        from wijkmodulen.diff.format_markdown import format_markdown

        out.file.write(for_terminal(format_markdown(result, stat=stat), lines=True))
    else:
        from wijkmodulen.diff.format_text import format_text

        color = out.color_system is not None and not out.no_color
        out.print(format_text(result, color=color, stat=stat))
    raise typer.Exit(1 if exit_code and result.has_changes else 0)
