"""`wijkmodulen render`: a handbook in HTML, PDF or Markdown, of the whole KB or a selection."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import announce_kb, err, open_workspace, out
from wijkmodulen.messages import t
from wijkmodulen.reporters import choose, format_help


@app.command(help=t("render.help"))
def render(
    kb_path: Annotated[Path | None, typer.Argument(help=t("kb.argument"), show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", help=format_help("render"))] = "html",
    out_dir: Annotated[Path, typer.Option("--out", help=t("render.out"))] = Path("handboek"),
    beroep: Annotated[list[str] | None, typer.Option("--beroep", help=t("render.beroep"))] = None,
    cluster: Annotated[list[str] | None, typer.Option("--cluster", help=t("render.cluster"))] = None,
    module: Annotated[list[str] | None, typer.Option("--module", help=t("render.module"))] = None,
    competentie: Annotated[list[str] | None, typer.Option("--competentie", help=t("render.competentie"))] = None,
    titel: Annotated[str | None, typer.Option("--titel", help=t("render.titel"))] = None,
    ondertitel: Annotated[str | None, typer.Option("--ondertitel", help=t("render.ondertitel"))] = None,
    organisatie: Annotated[str | None, typer.Option("--organisatie", help=t("render.organisatie"))] = None,
    logo: Annotated[Path | None, typer.Option("--logo", help=t("render.logo"))] = None,
    editie: Annotated[str | None, typer.Option("--editie", help=t("render.editie"))] = None,
    templates: Annotated[Path | None, typer.Option("--templates", help=t("render.templates"))] = None,
    team: Annotated[Path | None, typer.Option("--team", help=t("render.team"), show_default=False)] = None,
) -> None:
    from wijkmodulen.render.pdf import load_weasyprint
    from wijkmodulen.render.selection import Selectie

    choose("render", fmt)
    if fmt == "pdf":
        load_weasyprint()  # before the KB is read: a missing extra is said at once
    workspace = open_workspace(kb_path, must_exist=False, announce=False)
    meta = workspace.metadata(titel=titel, ondertitel=ondertitel, organisatie=organisatie, logo=logo, editie=editie)
    template_dir = workspace.templates(templates)
    announce_kb(workspace)
    selectie = Selectie(tuple(beroep or ()), tuple(cluster or ()), tuple(module or ()), tuple(competentie or ()))
    handbook, target = workspace.render(fmt, out_dir, selectie, meta, template_dir, team)
    err.print(t("render.written", modules=len(handbook.modules), path=target), markup=False)
    out.print(target.as_posix(), markup=False)
