"""`wijkmodulen team`: a team profile against the KB: coverage, gaps and learning material."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import err, fail, locate, out
from wijkmodulen.io.writer import write_file
from wijkmodulen.messages import t

if TYPE_CHECKING:
    from wijkmodulen.load.kb import KnowledgeBase
    from wijkmodulen.render.context import Metadata
    from wijkmodulen.render.selection import Selectie
    from wijkmodulen.team.report import TeamReport

FORMATS = ("text", "markdown", "html", "json")


@app.command(help=t("team.help"))
def team(
    profiel: Annotated[Path, typer.Argument(help=t("team.profiel"), show_default=False)],
    kb_path: Annotated[Path | None, typer.Argument(help=t("kb.argument"), show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", help=t("team.format"))] = "text",
    niveau: Annotated[int | None, typer.Option("--niveau", help=t("team.niveau"), show_default=False)] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=t("team.output"), show_default=False)] = None,
) -> None:
    from wijkmodulen.team.formats import format_json, format_markdown, format_text
    from wijkmodulen.team.html import render_report_html

    if fmt not in FORMATS:
        fail(t("team.bad_format", value=fmt, choices=", ".join(FORMATS)))
    if niveau is not None and not 1 <= niveau <= 4:
        fail(t("team.bad_niveau", value=niveau))
    report = load_team_report(profiel, kb_path, niveau)
    formatters = {"text": format_text, "markdown": format_markdown, "json": format_json, "html": render_report_html}
    text = formatters[fmt](report)
    if output is None:
        out.print(text, markup=False, end="")
        return
    try:
        write_file(output, text)
    except OSError as error:
        fail(t("team.cannot_write", path=output, detail=error.strerror))
    err.print(t("team.written", path=output), markup=False)


def _check_profile(profiel: Path) -> None:
    from wijkmodulen.os_errors import not_a_regular_file

    what = not_a_regular_file(profiel)
    if what is not None:
        fail(t("team.profile_not_regular", path=profiel, what=what))
    if not profiel.is_file():
        fail(t("team.no_profile", path=profiel))


def load_team_report(profiel: Path, kb_path: Path | None, niveau: int | None = None) -> TeamReport:
    """Load the KB and the profile and build the report; findings are printed and exit 1."""
    from wijkmodulen.load.kb import load_knowledge_base

    _check_profile(profiel)
    kb = load_knowledge_base(locate(kb_path).root)
    broken = {issue.source.path for issue in kb.issues}
    if broken:
        fail(t("team.kb_has_issues", count=len(broken)))
    return team_report(profiel, kb, niveau)


def team_report(profiel: Path, kb: KnowledgeBase, niveau: int | None = None) -> TeamReport:
    """The report of a profile against a loaded KB; the profile's findings are printed and exit 1."""
    from wijkmodulen.team.load import load_profile
    from wijkmodulen.team.report import build_report

    _check_profile(profiel)
    loaded = load_profile(profiel, kb)
    if loaded.findings or loaded.profiel is None:
        for finding in loaded.findings:
            out.print(f"{finding.path}:{finding.line}:{finding.column}: {finding.message}", markup=False)
        fail(t("team.findings", count=len(loaded.findings)), code=1)
    return build_report(kb, loaded.profiel, niveau)


def team_handbook(
    profiel: Path, kb: KnowledgeBase, selectie: Selectie, meta: Metadata
) -> tuple[TeamReport, Selectie, Metadata]:
    """For `render --team`: the report, the team's modules as the selection, and a title for the team."""
    from wijkmodulen.render.selection import Selectie

    if not selectie.is_alles:
        fail(t("render.team_with_selection"))
    report = team_report(profiel, kb)
    titel = meta.titel or t("team.handboek_titel", team=report.team)
    return report, Selectie(modules=tuple(m.id for m in report.modules), team=report.team), replace(meta, titel=titel)
