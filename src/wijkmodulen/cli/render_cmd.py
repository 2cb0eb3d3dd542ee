"""`wijkmodulen render`: a handbook in HTML, PDF or Markdown, of the whole KB or a selection."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import err, fail, locate, out
from wijkmodulen.messages import t

if TYPE_CHECKING:
    from wijkmodulen.config import LoadedConfig
    from wijkmodulen.render.context import Metadata

FORMATS = ("html", "pdf", "markdown")


def _configured(value: str | None, base: Path, setting: str) -> Path | None:
    """A path the configuration names, relative to its folder; exit 2 when it resolves outside
    that folder (the configuration comes with the repository, and may come from a pull request)."""
    if not value:
        return None
    path = base / value
    if not path.resolve().is_relative_to(base.resolve()):
        fail(t("files.config_outside", setting=setting, value=value, folder=base))
    return path


def configured_metadata(loaded: LoadedConfig, **given: Any) -> Metadata:
    """The handbook metadata of ``[tool.wijkmodulen.render]`` (paths relative to the config file),
    with each value given on the command line in its place."""
    from wijkmodulen.render.context import Metadata

    settings = loaded.config.render
    configured = Metadata(
        titel=settings.titel,
        ondertitel=settings.ondertitel,
        organisatie=settings.organisatie,
        logo=_configured(settings.logo, loaded.folder, "logo"),
        editie=settings.editie,
    )
    return replace(configured, **{key: value for key, value in given.items() if value})


def configured_templates(loaded: LoadedConfig, given: Path | None) -> Path | None:
    """The user's template folder: ``--templates``, else the configured one; exit 2 when it is not a folder."""
    template_dir = given or _configured(loaded.config.render.templates, loaded.folder, "templates")
    if template_dir is not None and not template_dir.is_dir():
        fail(t("render.no_templates", path=template_dir))
    return template_dir


@app.command(help=t("render.help"))
def render(
    kb_path: Annotated[Path | None, typer.Argument(help=t("kb.argument"), show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", help=t("render.format"))] = "html",
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
    from wijkmodulen.config import ConfigError, find_config
    from wijkmodulen.load.kb import load_knowledge_base
    from wijkmodulen.render.context import EpochError, build_date, build_handbook
    from wijkmodulen.render.html import write_html
    from wijkmodulen.render.markdown import FOLDERS, write_markdown
    from wijkmodulen.render.output import check_output
    from wijkmodulen.render.pdf import PdfUnavailable, load_weasyprint, write_pdf
    from wijkmodulen.render.selection import Selectie, SelectionError
    from wijkmodulen.render.templates import RenderError

    if fmt not in FORMATS:
        fail(t("render.unknown_format", value=fmt, choices=", ".join(FORMATS)))
    if fmt == "pdf":
        try:
            load_weasyprint()  # before the KB is read: a missing extra is said at once
        except PdfUnavailable as error:
            fail(str(error))
    try:
        loaded = find_config()
    except ConfigError as error:
        fail(t("cli.config_error", path=error.path, detail=error.detail))
    meta = configured_metadata(
        loaded, titel=titel, ondertitel=ondertitel, organisatie=organisatie, logo=logo, editie=editie
    )
    if meta.logo is not None and not meta.logo.is_file():
        fail(t("render.no_logo", path=meta.logo))
    template_dir = configured_templates(loaded, templates)
    try:
        today = build_date()
    except EpochError as error:
        fail(t("render.bad_epoch", value=error.value))

    location = locate(kb_path)
    try:
        check_output(out_dir, location.root, FOLDERS if fmt == "markdown" else ())
    except RenderError as error:
        fail(str(error))
    kb = load_knowledge_base(location.root)
    broken = {issue.source.path for issue in kb.issues}
    if broken:
        fail(t("render.kb_has_issues", count=len(broken)))
    selectie = Selectie(tuple(beroep or ()), tuple(cluster or ()), tuple(module or ()), tuple(competentie or ()))
    report = None
    if team is not None:
        from wijkmodulen.cli.team_cmd import team_handbook

        report, selectie, meta = team_handbook(team, kb, selectie, meta)
    try:
        handbook = build_handbook(kb, selectie, meta, today, team=report)
        writer = {"html": write_html, "pdf": write_pdf, "markdown": write_markdown}[fmt]
        target = writer(handbook, out_dir, template_dir)
    except (SelectionError, RenderError) as error:
        fail(str(error))
    err.print(t("render.written", modules=len(handbook.modules), path=target), markup=False)
    out.print(target.as_posix(), markup=False)
