"""The Dutch catalogue, one part per area of the tool; ``CATALOGUE`` is their union."""

from __future__ import annotations

from wijkmodulen.messages.nl import core, diff, files, git, render, serve, style, team, xref

PARTS: tuple[dict[str, str], ...] = (
    core.MESSAGES,
    diff.MESSAGES,
    git.MESSAGES,
    render.MESSAGES,
    serve.MESSAGES,
    style.MESSAGES,
    team.MESSAGES,
    xref.MESSAGES,
    files.MESSAGES,
)

CATALOGUE: dict[str, str] = {key: text for part in PARTS for key, text in part.items()}
