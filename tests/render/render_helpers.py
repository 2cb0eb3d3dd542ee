"""Rendering a KB folder the way the command does, for the render tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wijkmodulen.load.kb import load_knowledge_base
from wijkmodulen.render.context import Handbook, Metadata, build_handbook
from wijkmodulen.render.selection import Selectie

from conftest import SHIPPED, shipped_kb

DAY = date(2025, 3, 14)


def handbook(root: Path, selectie: Selectie | None = None, meta: Metadata | None = None) -> Handbook:
    kb = shipped_kb() if root == SHIPPED else load_knowledge_base(root)
    assert kb.issues == []
    return build_handbook(kb, selectie, meta, today=DAY)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
