"""A team handbook's first chapter (``render --team``), made here so that the handbook never imports
the team package: the report's view for HTML, its Markdown, and which gaps the chapter describes."""

from __future__ import annotations

from wijkmodulen.render.context import TeamChapter
from wijkmodulen.team.formats import format_markdown
from wijkmodulen.team.html import team_view
from wijkmodulen.team.report import TeamReport

TEAM_ANCHOR = "teamrapport"


def team_chapter(report: TeamReport) -> TeamChapter:
    return TeamChapter(
        view=team_view(report, TEAM_ANCHOR),
        markdown=format_markdown(report),
        gaps=tuple((s.behoefte.soort, s.behoefte.id) for s in report.lacunes),
    )
