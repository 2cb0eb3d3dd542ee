"""The Dutch catalogue, one part per area of the tool; ``CATALOGUE`` is their union."""

from __future__ import annotations

from wijkmodulen.messages.nl import core, render

PARTS: tuple[dict[str, str], ...] = (core.MESSAGES, render.MESSAGES)

CATALOGUE: dict[str, str] = {key: text for part in PARTS for key, text in part.items()}
