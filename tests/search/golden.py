"""The golden queries (golden.yaml) and the rule they are held to, shared by the CLI and browser tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

GOLDEN = Path(__file__).resolve().parent / "golden.yaml"
TOP = 5


@dataclass(frozen=True)
class Golden:
    vraag: str
    verwacht: tuple[str, ...]


def golden_queries() -> list[Golden]:
    with GOLDEN.open(encoding="utf-8") as handle:
        items = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return [Golden(item["vraag"], tuple(item["verwacht"])) for item in items]


def misses(golden: Golden, ranked: list[str], total: int) -> list[str]:
    """What is wrong with a ranking for ``golden``: expected ids outside the first ``TOP``, or hits
    where none are expected."""
    if not golden.verwacht:
        return [f"{total} hit(s) where none are expected"] if total else []
    return [f"{expected} not in the first {TOP}: {ranked[:TOP]}" for expected in golden.verwacht
            if expected not in ranked[:TOP]]
