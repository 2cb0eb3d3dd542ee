"""The team report as text, Markdown and JSON (the HTML is a template: ``html.py``)."""

from __future__ import annotations

import json
from typing import Any

from wijkmodulen.messages import t
from wijkmodulen.team.model import NIVEAUS
from wijkmodulen.team.report import HOOGSTE_NIVEAU, SOORTEN, Behoefte, Suggestie, TeamReport

SOORT_KOP = {"competentie": "team.label.competenties", "kennisdomein": "team.label.kennisdomeinen",
             "doelgroep": "team.label.doelgroepen"}


def tekort_label(behoefte: Behoefte) -> str:
    if behoefte.tekort == "niet-gedekt":
        return t("team.label.niet-gedekt")
    return t("team.label.onder-niveau", hoogste=behoefte.hoogste)


def op_niveau(behoefte: Behoefte, niveau: int) -> int:
    return sum(1 for level in behoefte.niveaus if level >= niveau)


def _kop(report: TeamReport) -> str:
    return t("team.label.kop", niveau=report.niveau, naam=NIVEAUS[report.niveau], leden=len(report.leden),
             modules=len(report.modules))


def _gap_lines(number: int, s: Suggestie) -> list[str]:
    b = s.behoefte
    soort = t(f"team.label.soort.{b.soort}")
    lines = [f"{number:>2}. {b.id} {b.titel} ({soort}): {tekort_label(b)}" if b.soort == "competentie"
             else f"{number:>2}. {b.titel} ({soort}): {tekort_label(b)}"]
    lines.append("    " + t("team.label.nodig_in", count=len(b.modules), modules=", ".join(b.modules)))
    if s.omschrijving:
        lines.append("    " + t("team.label.beschrijving", tekst=s.omschrijving))
    lines.append("    " + (t("team.label.verder", modules=", ".join(m.id for m in s.verder)) if s.verder
                           else t("team.label.geen_verder")))
    return lines


def format_text(report: TeamReport) -> str:
    lines = [t("team.label.titel", team=report.team), _kop(report), "", t("team.label.aanbod")]
    lines += [f"  {m.id}  {m.titel}" for m in report.modules]
    lines += ["", t("team.label.leden")]
    lines += [f"  {naam}" + (f"  ({rol})" if rol else "") for naam, rol in zip(report.leden, report.rollen, strict=True)]
    lines += ["", t("team.label.dekking"), t("team.label.dekking_uitleg", niveau=report.niveau)]
    for soort in SOORTEN:
        rows = report.van_soort(soort)
        if not rows:
            continue
        width = max(len(b.id) for b in rows)
        levels = "  ".join(str(n) for n in range(1, HOOGSTE_NIVEAU + 1))
        lines += ["", f"  {t(SOORT_KOP[soort])}",
                  f"  {t('team.label.id'):<{width}}  {t('team.label.modulen')}  {levels}  {t('team.label.op_niveau')}"]
        for b in rows:
            counts = "  ".join(str(c) for c in b.per_niveau)
            mark = f"  {tekort_label(b)}" if b.tekort else ""
            lines.append(f"  {b.id:<{width}}  {len(b.modules):>7}  {counts}  {op_niveau(b, report.niveau):>9}{mark}")
    lines += ["", t("team.label.lacunes"), t("team.label.lacunes_uitleg", niveau=report.niveau), ""]
    if not report.lacunes:
        lines.append(t("team.label.geen_lacunes", niveau=report.niveau))
    for number, s in enumerate(report.lacunes, start=1):
        lines += _gap_lines(number, s)
    return "\n".join(lines) + "\n"


def _md(value: object) -> str:
    from wijkmodulen.render.markdown import escape_markdown  # here: render.markdown imports the handbook

    return escape_markdown(value)


def format_markdown(report: TeamReport, level: int = 1) -> str:
    """Markdown; ``level`` is the level of the title (the handbook puts the report under its own heading)."""
    h = "#" * level
    lines = [f"{h} {_md(t('team.label.titel', team=report.team))}", "", _md(_kop(report)), "",
             f"{h}# {t('team.label.aanbod')}", ""]
    lines += [f"-   {_md(m.id)} {_md(m.titel)}" for m in report.modules]
    lines += ["", f"{h}# {t('team.label.dekking')}", "", _md(t("team.label.dekking_uitleg", niveau=report.niveau))]
    for soort in SOORTEN:
        rows = report.van_soort(soort)
        if not rows:
            continue
        levels = " | ".join(t("team.label.niveau_n", n=n) for n in range(1, HOOGSTE_NIVEAU + 1))
        lines += ["", f"{h}## {t(SOORT_KOP[soort])}", "",
                  (f"| {t('team.label.id')} | {t('team.label.naam')} | {t('team.label.modulen')} | {levels} "
                  f"| {t('team.label.op_niveau')} | {t('team.label.lacune')} |"),
                  "|---|---|--:|" + "--:|" * HOOGSTE_NIVEAU + "--:|---|"]
        for b in rows:
            counts = " | ".join(str(c) for c in b.per_niveau)
            gap = _md(tekort_label(b)) if b.tekort else ""
            lines.append(f"| {_md(b.id)} | {_md(b.titel)} | {len(b.modules)} | {counts} "
                         f"| {op_niveau(b, report.niveau)} | {gap} |")
    lines += ["", f"{h}# {t('team.label.lacunes')}", "", _md(t("team.label.lacunes_uitleg", niveau=report.niveau)), ""]
    if not report.lacunes:
        lines.append(_md(t("team.label.geen_lacunes", niveau=report.niveau)))
    for number, s in enumerate(report.lacunes, start=1):
        first, *rest = _gap_lines(number, s)
        lines.append(f"{number}.  {_md(first.split('. ', 1)[1])}")
        lines += [f"    -   {_md(line.strip())}" for line in rest]
    return "\n".join(lines) + "\n"


def report_data(report: TeamReport) -> dict[str, Any]:
    def behoefte(b: Behoefte) -> dict[str, Any]:
        return {
            "id": b.id, "soort": b.soort, "titel": b.titel, "modules": list(b.modules),
            "niveaus": dict(zip(report.leden, b.niveaus, strict=True)),
            "per_niveau": {str(n): c for n, c in enumerate(b.per_niveau, start=1)},
            "op_niveau": op_niveau(b, report.niveau), "tekort": b.tekort,
        }

    return {
        "team": report.team,
        "niveau": report.niveau,
        "leden": [{"naam": n, "rol": r} for n, r in zip(report.leden, report.rollen, strict=True)],
        "aanbod": [{"id": m.id, "titel": m.titel} for m in report.modules],
        "behoeften": [behoefte(b) for b in report.behoeften],
        "lacunes": [
            {"id": s.behoefte.id, "soort": s.behoefte.soort, "tekort": s.behoefte.tekort,
             "modules": list(s.behoefte.modules), "hoogste_niveau": s.behoefte.hoogste,
             "omschrijving": s.omschrijving, "meer_oefenstof": [m.id for m in s.verder]}
            for s in report.lacunes
        ],
    }


def format_json(report: TeamReport) -> str:
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"
