"""The team report as HTML: a view with every word and number ready, one partial template shared by the
stand-alone report and the team handbook, and the pictures inline as SVG."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from wijkmodulen.messages import t
from wijkmodulen.render.templates import make_environment, render_template
from wijkmodulen.team.formats import SOORT_KOP, op_niveau, tekort_label
from wijkmodulen.team.model import NIVEAUS
from wijkmodulen.team.report import HOOGSTE_NIVEAU, SOORTEN, Behoefte, ModuleRef, Suggestie, TeamReport
from wijkmodulen.team.svg import gap_bars, heatmap

REPORT_TEMPLATE = "html/team-rapport.html.j2"


@dataclass(frozen=True)
class Rij:
    behoefte: Behoefte
    per_niveau: tuple[int, ...]
    op_niveau: int
    tekort: str  # empty when covered


@dataclass(frozen=True)
class Tabel:
    kop: str
    anchor: str
    rijen: tuple[Rij, ...]


@dataclass(frozen=True)
class Lacune:
    suggestie: Suggestie
    kop: str
    nodig_in: str
    verder: str
    anchor: str  # of the competence description in the handbook, if there is one there


@dataclass(frozen=True)
class TeamView:
    report: TeamReport
    titel: str
    kop: str
    dekking_uitleg: str
    lacunes_uitleg: str
    geen_lacunes: str
    niveau_koppen: tuple[str, ...]
    tabellen: tuple[Tabel, ...]
    lacunes: tuple[Lacune, ...]
    heatmap: Markup | None  # None when the offer needs nothing of that kind
    heatmap_kennis: Markup | None
    staven: Markup | None
    modules: tuple[ModuleRef, ...]


def team_view(report: TeamReport, prefix: str = "team") -> TeamView:
    tabellen = []
    for soort in SOORTEN:
        rows = report.van_soort(soort)
        if rows:
            tabellen.append(Tabel(t(SOORT_KOP[soort]), f"{prefix}-dekking-{soort}", tuple(
                Rij(b, b.per_niveau, op_niveau(b, report.niveau), tekort_label(b) if b.tekort else "") for b in rows
            )))
    lacunes = []
    for s in report.lacunes:
        b = s.behoefte
        soort_label = t(f"team.label.soort.{b.soort}")
        naam = f"{b.id} {b.titel}" if b.soort == "competentie" else b.titel
        lacunes.append(Lacune(
            s,
            f"{naam} ({soort_label}): {tekort_label(b)}",
            t("team.label.nodig_in", count=len(b.modules), modules=", ".join(b.modules)),
            t("team.label.verder", modules=", ".join(m.id for m in s.verder)) if s.verder
            else t("team.label.geen_verder"),
            f"scholing-{b.id}",
        ))
    competenties = report.van_soort("competentie")
    kennis = (*report.van_soort("kennisdomein"), *report.van_soort("doelgroep"))
    return TeamView(
        report=report,
        titel=t("team.label.titel", team=report.team),
        kop=t("team.label.kop", niveau=report.niveau, naam=NIVEAUS[report.niveau], leden=len(report.leden),
              modules=len(report.modules)),
        dekking_uitleg=t("team.label.dekking_uitleg", niveau=report.niveau),
        lacunes_uitleg=t("team.label.lacunes_uitleg", niveau=report.niveau),
        geen_lacunes=t("team.label.geen_lacunes", niveau=report.niveau),
        niveau_koppen=tuple(t("team.label.niveau_n", n=n) for n in range(1, HOOGSTE_NIVEAU + 1)),
        tabellen=tuple(tabellen),
        lacunes=tuple(lacunes),
        heatmap=Markup(heatmap(report, competenties, t("team.label.soort.competentie"), f"{prefix}-heatmap"))
        if competenties else None,
        heatmap_kennis=Markup(heatmap(report, kennis, t("team.label.soort.kennisdomein") + "/"
                                      + t("team.label.soort.doelgroep"), f"{prefix}-heatmap-kennis"))
        if kennis else None,
        staven=Markup(gap_bars(report, f"{prefix}-lacunes")) if report.lacunes else None,
        modules=report.modules,
    )


def render_report_html(report: TeamReport, templates: Path | None = None) -> str:
    env = make_environment(templates, autoescape=True)
    return render_template(env, REPORT_TEMPLATE, v=team_view(report))
