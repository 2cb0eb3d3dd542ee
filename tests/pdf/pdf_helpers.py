"""Rendering PDF handbooks with the command and reading them back with pypdf, for the PDF tests."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app
from wijkmodulen.load.kb import load_knowledge_base
from wijkmodulen.render.context import Handbook, Metadata, build_handbook
from wijkmodulen.render.pdf import PdfUnavailable, load_weasyprint
from wijkmodulen.render.selection import Selectie

if TYPE_CHECKING:
    from pypdf import PdfReader
    from pypdf.generic import Destination

SHIPPED = Path(__file__).resolve().parents[2] / "data"
EPOCH = {"SOURCE_DATE_EPOCH": "1741910400"}  # 14 March 2025

# The full handbook and two selections: one profession, and a competence across both professions.
SELECTIONS: dict[str, list[str]] = {
    "alles": [],
    "beroep": ["--beroep", "iow"],
    "competentie": ["--competentie", "4P"],
}

_LEADER = re.compile(r"^(?P<label>.+?)\s*(?:\.\s*){3,}\s*(?P<page>\d+)$")


def require_weasyprint() -> None:
    try:
        load_weasyprint()
    except PdfUnavailable as error:
        pytest.skip(f"{error} (scripts/install-test-deps.sh, run by make test, installs Pango)")


def handbook(selectie: Selectie, meta: Metadata | None = None) -> Handbook:
    """The handbook context of the shipped KB, as the command builds it (the date of EPOCH)."""
    return build_handbook(load_knowledge_base(SHIPPED), selectie, meta, today=date(2025, 3, 14))


def render_pdf(out: Path, *args: str) -> Path:
    result = CliRunner().invoke(app, ["render", str(SHIPPED), "--format", "pdf", "--out", str(out), *args],
                                env=EPOCH)
    assert result.exit_code == 0, result.output
    target = out / "handboek.pdf"
    assert result.stdout.strip() == target.as_posix()
    assert f"Handboek geschreven naar {target.as_posix()} (modulen: " in result.stderr
    return target


@dataclass(frozen=True)
class OutlineEntry:
    title: str
    page: int  # 1-based, as printed in the footer
    children: tuple[OutlineEntry, ...]


def read(path: Path) -> PdfReader:
    """pypdf is imported when a PDF is read, not when the tests are collected: every module imported then
    stays in pytest's memory, which the memory-measuring tests (tests/hostile/) see in their children."""
    from pypdf import PdfReader

    return PdfReader(path)


def outline(reader: PdfReader) -> tuple[OutlineEntry, ...]:
    """The PDF's bookmarks as a tree (pypdf gives a flat list with each entry's children in a list after it)."""
    entries: list[OutlineEntry] = []
    for item in reader.outline:
        if isinstance(item, list):
            last = entries.pop()
            entries.append(OutlineEntry(last.title, last.page, _children(reader, item)))
        else:
            entries.append(_entry(reader, item))
    return tuple(entries)


def _children(reader: PdfReader, items: list[object]) -> tuple[OutlineEntry, ...]:
    children: list[OutlineEntry] = []
    for item in items:
        assert not isinstance(item, list), "the outline has two levels"
        children.append(_entry(reader, item))
    return tuple(children)


def _entry(reader: PdfReader, item: Destination) -> OutlineEntry:
    page = reader.get_destination_page_number(item)
    assert page is not None
    return OutlineEntry(str(item.title), page + 1, ())


def page_texts(reader: PdfReader) -> list[str]:
    """The text of each page; index 0 is page 1."""
    return [page.extract_text() for page in reader.pages]


def toc_entries(texts: list[str], first: int, last: int) -> list[tuple[str, int]]:
    """(label, page number) for each line with dotted leaders on pages first..last (1-based)."""
    entries: list[tuple[str, int]] = []
    for text in texts[first - 1:last]:
        for line in text.splitlines():
            match = _LEADER.match(line.strip())
            if match:
                entries.append((match["label"], int(match["page"])))
    return entries


def one_line(text: str) -> str:
    return " ".join(text.split())
