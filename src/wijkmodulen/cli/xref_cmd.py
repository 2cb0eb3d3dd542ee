"""`wijkmodulen xref`, `show`, `graph` and `compare`: cross-references over the KB."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console, RenderableType

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import err, fail, open_workspace, out
from wijkmodulen.messages import t
from wijkmodulen.reporters import choose, format_help, names, reporters
from wijkmodulen.sinks import for_terminal

if TYPE_CHECKING:
    from wijkmodulen.app import Workspace
    from wijkmodulen.xref.matrix import Matrix

# Tables on a pipe or in a file are laid out for the width the docs and tests assume.
PIPE_WIDTH = 100

KbArgument = Annotated[Path | None, typer.Argument(help=t("kb.argument"), show_default=False)]
KbOption = Annotated[Path | None, typer.Option("--kb", help=t("kb.option"), show_default=False)]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help=t("xref.output"), show_default=False)]


def _choice(value: str, choices: tuple[str, ...], option: str) -> str:
    if value not in choices:
        fail(t("xref.bad_choice", value=value, option=option, choices=", ".join(choices)))
    return value


def _render(renderable: RenderableType) -> str:
    console = Console(width=PIPE_WIDTH, file=None, highlight=False, no_color=True, record=True)
    with console.capture() as capture:
        console.print(renderable)
    return for_terminal("\n".join(line.rstrip() for line in capture.get().splitlines()) + "\n", lines=True)


def _emit(content: str | bytes | RenderableType, output: Path | None) -> None:
    """Write a result to ``output`` (exactly, bytes for bytes) or to stdout."""
    if output is not None:
        from wijkmodulen.io.writer import write_file
        from wijkmodulen.os_errors import describe

        data = content if isinstance(content, bytes) else (
            content if isinstance(content, str) else _render(content)
        ).encode("utf-8")
        try:
            write_file(output, data)
        except OSError as error:
            fail(t("cli.path_missing", path=f"{output} ({describe(error)})"))
        err.print(t("xref.written", path=output), markup=False)
    elif isinstance(content, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
    elif isinstance(content, str):
        typer.echo(for_terminal(content, lines=True) if sys.stdout.isatty() else content, nl=False)
    elif out.is_terminal:
        out.print(content)
    else:
        typer.echo(_render(content), nl=False)


@app.command(help=t("xref.help"))
def xref(
    kb_path: KbArgument = None,
    by: Annotated[str, typer.Option("--by", help=t("xref.by"))] = "scw",
    beroep: Annotated[str | None, typer.Option("--beroep", help=t("xref.beroep"), show_default=False)] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help=format_help("xref"))] = "table",
    excel: Annotated[bool, typer.Option("--excel", help=t("xref.excel"))] = False,
    output: OutputOption = None,
    gaps: Annotated[bool, typer.Option("--gaps", help=t("xref.gaps"))] = False,
    fail_on_gaps: Annotated[bool, typer.Option("--fail-on-gaps", help=t("xref.fail_on_gaps"))] = False,
    competentie: Annotated[
        str | None, typer.Option("--competentie", help=t("xref.competentie"), show_default=False)
    ] = None,
    kennisdomein: Annotated[
        str | None, typer.Option("--kennisdomein", help=t("xref.kennisdomein"), show_default=False)
    ] = None,
    doelgroep: Annotated[str | None, typer.Option("--doelgroep", help=t("xref.doelgroep"), show_default=False)] = None,
) -> None:
    from wijkmodulen.xref.matrix import DIMENSIONS

    dimension = _choice(by, DIMENSIONS, "--by")
    questions = [q for q in (gaps, competentie, kennisdomein, doelgroep) if q]
    if len(questions) > 1:
        fail(t("xref.one_question"))
    if fail_on_gaps and not gaps:
        fail(t("xref.fail_needs_gaps"))
    if excel and output_format != "csv":
        fail(t("xref.excel_needs_csv"))
    if questions:
        question = "--gaps" if gaps else "--competentie" if competentie else "--kennisdomein" if kennisdomein else (
            "--doelgroep"
        )
        report_formats = names("xref-rapport")
        if output_format not in report_formats:
            fail(t("xref.format_not_for", format=output_format, question=question, choices=", ".join(report_formats)))
    else:
        choose("xref", output_format)
    workspace = open_workspace(kb_path)
    if gaps:
        raise typer.Exit(_gaps(workspace, beroep, output_format, output, fail_on_gaps))
    for wanted, question in (
        (competentie, "competentie"), (kennisdomein, "kennisdomein"), (doelgroep, "doelgroep"),
    ):
        if wanted:
            _lookup(workspace, wanted, question, output_format, output)
            return
    matrix = workspace.matrix(dimension, beroep)
    _emit(_matrix_content(matrix, output_format, excel), output)


def _matrix_content(matrix: Matrix, output_format: str, excel: bool) -> str | bytes | RenderableType:
    written: str | bytes | RenderableType = reporters("xref")[output_format].render(matrix, excel=excel)
    return written


def _gaps(workspace: Workspace, beroep: str | None, output_format: str, output: Path | None, strict: bool) -> int:
    result = workspace.gaps(beroep)
    _emit(reporters("xref-rapport")[output_format].render(result), output)
    return 1 if strict and result.has_gaps else 0


def _lookup(
    workspace: Workspace, wanted: str, question: str, output_format: str, output: Path | None
) -> None:
    result = workspace.lookup(wanted, question)
    _emit(reporters("xref-rapport")[output_format].render(result), output)


@app.command(help=t("show.help"))
def show(
    identifier: Annotated[str, typer.Argument(help=t("show.id"), show_default=False)],
    kb_path: KbOption = None,
) -> None:
    from wijkmodulen.xref.show import describe_text

    description = open_workspace(kb_path).describe(identifier)
    _emit(describe_text(description) + "\n", None)


@app.command(help=t("graph.help"))
def graph(
    kb_path: KbArgument = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help=format_help("graph"))] = "mermaid",
    select: Annotated[list[str] | None, typer.Option("--select", help=t("graph.select"), show_default=False)] = None,
    relaties: Annotated[
        str | None, typer.Option("--relaties", help=t("graph.relaties"), show_default=False)
    ] = None,
    output: OutputOption = None,
) -> None:
    from wijkmodulen.xref.graph import DEFAULT_RELATIES, RELATIES

    choose("graph", output_format)
    chosen = tuple(r.strip() for r in relaties.split(",") if r.strip()) if relaties else DEFAULT_RELATIES
    for relatie in chosen:
        _choice(relatie, RELATIES, "--relaties")
    patterns = [p.strip() for value in select or [] for p in value.split(",") if p.strip()]
    result = open_workspace(kb_path).graph(patterns, chosen)
    _emit(reporters("graph")[output_format].render(result), output)


@app.command(help=t("compare.help"))
def compare(
    ids: Annotated[list[str], typer.Argument(help=t("compare.ids"), show_default=False)],
    output_format: Annotated[str, typer.Option("--format", "-f", help=format_help("compare"))] = "text",
    kb_path: KbOption = None,
    output: OutputOption = None,
) -> None:
    from wijkmodulen.xref.compare_formats import compare_rich

    choose("compare", output_format)
    if not 1 <= len(ids) <= 2:
        fail(t("compare.too_many"))
    comparisons = open_workspace(kb_path).compare(ids)
    if output_format == "text" and output is None and out.is_terminal and not out.no_color:
        for index, comparison in enumerate(comparisons):
            if index:
                out.print()
            out.print(compare_rich(comparison))
        return
    reporter = reporters("compare")[output_format]
    _emit("\n".join(reporter.render(c) for c in comparisons), output)
