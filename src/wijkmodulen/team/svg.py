"""The report's pictures as plain, accessible SVG: a heat map (members x competences) and a bar chart of
the gaps. Every value is also text in the picture (cell numbers, bar labels), and each picture has a
title and a description, so screen readers and printouts lose nothing.
"""

from __future__ import annotations

from html import escape

from wijkmodulen.messages import t
from wijkmodulen.team.formats import tekort_label
from wijkmodulen.team.report import Behoefte, TeamReport

CELL = 30
FONT = 12
CHAR = 7.2  # average width of a character at FONT px, for laying out labels
FILL = ("#f0f0f0", "#d4e4f2", "#9cc4e4", "#3f84c0", "#0b4f8c")  # level 0-4; darker is higher
INK = ("#222222", "#222222", "#222222", "#ffffff", "#ffffff")
BAR = 24
BAR_MAX = 260
GAP_FILL = {"niet-gedekt": "#b03a2e", "onder-niveau": "#d98c1f"}


def _a(value: object) -> str:
    return escape(str(value), quote=True)


def _open(width: float, height: float, prefix: str, titel: str, desc: str) -> list[str]:
    return [
        (f'<svg xmlns="http://www.w3.org/2000/svg" class="team-svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-labelledby="{prefix}-titel {prefix}-desc" '
        f'font-family="sans-serif" font-size="{FONT}">'),
        f'<title id="{prefix}-titel">{_a(titel)}</title>',
        f'<desc id="{prefix}-desc">{_a(desc)}</desc>',
    ]


def heatmap(report: TeamReport, behoeften: tuple[Behoefte, ...], soort: str, prefix: str) -> str:
    """Members as rows, the needed items as columns, each cell coloured and numbered with the level."""
    label_width = max((len(naam) for naam in report.leden), default=1) * CHAR + 16
    longest = max((len(b.id) for b in behoeften), default=1) * CHAR * 1.1  # bold labels are wider
    header = longest * 0.87 + 20  # the labels are turned 60 degrees: sin 60 of their length upwards
    width = label_width + CELL * len(behoeften) + longest * 0.5 + 8  # and cos 60 to the right
    height = header + CELL * len(report.leden) + 8
    parts = _open(width, height, prefix, t("team.svg.heatmap_titel", soort=soort),
                  t("team.svg.heatmap_desc", soort=soort))
    for column, b in enumerate(behoeften):
        x = label_width + CELL * column + CELL / 2 - 4
        weight = ' font-weight="bold"' if b.tekort else ""
        parts.append(f'<text x="{x:.1f}" y="{header - 6:.1f}" transform="rotate(-60 {x:.1f} {header - 6:.1f})"'
                     f'{weight}>{_a(b.id)}</text>')
    for row, naam in enumerate(report.leden):
        y = header + CELL * row
        parts.append(f'<text x="{label_width - 8:.1f}" y="{y + CELL / 2 + FONT / 3:.1f}" text-anchor="end">'
                     f'{_a(naam)}</text>')
        for column, b in enumerate(behoeften):
            level = b.niveaus[row]
            x = label_width + CELL * column
            label = t("team.svg.heatmap_cel", lid=naam, id=b.id, niveau=level)
            parts.append(
                f'<g><title>{_a(label)}</title>'
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{CELL - 2}" height="{CELL - 2}" fill="{FILL[level]}"/>'
                f'<text x="{x + (CELL - 2) / 2:.1f}" y="{y + CELL / 2 + FONT / 3 - 1:.1f}" text-anchor="middle" '
                f'fill="{INK[level]}">{level}</text></g>'
            )
    parts.append("</svg>")
    return "\n".join(parts)


def gap_bars(report: TeamReport, prefix: str) -> str:
    """One bar per gap, in the report's order, as long as the number of offered modules needing it."""
    gaps = [s.behoefte for s in report.lacunes]
    labels = [f"{b.id} ({tekort_label(b)})" for b in gaps]
    label_width = max((len(label) for label in labels), default=1) * CHAR + 12
    most = max((len(b.modules) for b in gaps), default=1)
    width = label_width + BAR_MAX + 40
    height = BAR * len(gaps) + 8
    parts = _open(width, height, prefix, t("team.svg.bars_titel"), t("team.svg.bars_desc"))
    for row, (b, label) in enumerate(zip(gaps, labels, strict=True)):
        y = 4 + BAR * row
        length = BAR_MAX * len(b.modules) / most
        text_y = y + BAR / 2 + FONT / 3
        fill = GAP_FILL[b.tekort or "onder-niveau"]
        title = t("team.svg.bar", id=b.id, tekort=tekort_label(b), count=len(b.modules))
        parts.append(
            f'<g><title>{_a(title)}</title>'
            f'<text x="{label_width - 8:.1f}" y="{text_y:.1f}" text-anchor="end">{_a(label)}</text>'
            f'<rect x="{label_width:.1f}" y="{y + 3:.1f}" width="{length:.1f}" height="{BAR - 6}" fill="{fill}"/>'
            f'<text x="{label_width + length + 6:.1f}" y="{text_y:.1f}">{len(b.modules)}</text></g>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
