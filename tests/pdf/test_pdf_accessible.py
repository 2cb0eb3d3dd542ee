"""The PDF handbook is tagged PDF/UA-1: its structure tree read back with pypdf has the headings in the
order and on the pages of the outline, lists and tables, alt text for every figure, and the language and
title in the metadata."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject
from test_pdf_output import png

from wijkmodulen.render.context import Metadata
from wijkmodulen.render.pdf import render_pdf
from wijkmodulen.render.selection import Selectie

from pdf_helpers import handbook, require_weasyprint

HEADINGS = ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6")


@dataclass
class Element:
    kind: str
    page: int | None
    alt: str | None
    text: str = ""
    children: list[Element] = field(default_factory=list)


def _marked_texts(reader: PdfReader) -> dict[tuple[int, int], str]:
    """The text of each marked-content sequence, by (page number, MCID)."""
    texts: dict[tuple[int, int], list[str]] = {}
    for number, page in enumerate(reader.pages):
        stack: list[int | None] = []

        def before(op: bytes, args: list[Any], cm: Any, tm: Any, stack: list[int | None] = stack) -> None:
            if op == b"BDC":
                props = args[1] if len(args) > 1 else None
                stack.append(props.get("/MCID") if isinstance(props, DictionaryObject) else None)
            elif op == b"BMC":
                stack.append(None)
            elif op == b"EMC" and stack:
                stack.pop()

        def text(value: str, cm: Any, tm: Any, font: Any, size: Any, stack: list[int | None] = stack,
                 number: int = number) -> None:
            mcid = next((m for m in reversed(stack) if m is not None), None)
            if mcid is not None:
                texts.setdefault((number, mcid), []).append(value)

        page.extract_text(visitor_operand_before=before, visitor_text=text)
    return {key: "".join(parts) for key, parts in texts.items()}


def structure(reader: PdfReader) -> Element:
    """The structure tree with each element's text (from its marked content) and page."""
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    marked = _marked_texts(reader)

    def page_of(node: DictionaryObject, inherited: int | None) -> int | None:
        reference = node.get("/Pg")
        return pages.get(reference.idnum) if isinstance(reference, IndirectObject) else inherited

    def walk(node: DictionaryObject, inherited: int | None) -> Element:
        page = page_of(node, inherited)
        alt = node.get("/Alt")
        element = Element(str(node.get("/S", "")), page, str(alt) if alt is not None else None)
        kids = node.get("/K")
        kids = kids if isinstance(kids, list) else [kids] if kids is not None else []
        for kid in kids:
            kid = kid.get_object() if isinstance(kid, IndirectObject) else kid
            if isinstance(kid, int) and page is not None:
                element.text += marked.get((page, kid), "")
            elif isinstance(kid, DictionaryObject) and "/MCID" in kid:
                element.text += marked.get((page_of(kid, page) or 0, int(kid["/MCID"])), "")
            elif isinstance(kid, DictionaryObject) and "/S" in kid:
                child = walk(kid, page)
                element.children.append(child)
                element.text += child.text
        return element

    return walk(reader.trailer["/Root"]["/StructTreeRoot"].get_object(), None)


def flat(element: Element) -> list[Element]:
    return [element, *(e for child in element.children for e in flat(child))]


def outline_entries(reader: PdfReader) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((item.title, reader.get_destination_page_number(item)))

    walk(reader.outline)
    return found


def one_line(text: str) -> str:
    """Text on one line, words hyphenated at a line end joined again."""
    return " ".join(text.replace("\u2010\n", "").replace("\u00ad", "").split())


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    require_weasyprint()
    folder = tmp_path_factory.mktemp("toegankelijk")
    logo = folder / "logo.png"
    logo.write_bytes(png(8, 4))
    meta = Metadata(titel="Handboek Noord", organisatie="Wijkteam Noord", logo=logo)
    target = folder / "handboek.pdf"
    target.write_bytes(render_pdf(handbook(Selectie(modules=("wmw-06", "iow-13")), meta)))
    return PdfReader(target)


def test_tagged_pdf_ua_1_with_language_and_title(reader: PdfReader) -> None:
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "nl"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata is not None
    assert reader.metadata.title == "Handboek Noord"
    xmp = reader.xmp_metadata
    assert xmp is not None
    data = xmp.stream.get_data().decode("utf-8")
    assert 'pdfuaid:part="1"' in data
    assert "Handboek Noord" in data


def test_headings_follow_the_outline(reader: PdfReader) -> None:
    """Every outline entry is a heading of the structure tree with the same text on the same page, and
    they come in the same order."""
    headings = [e for e in flat(structure(reader)) if e.kind in HEADINGS]
    entries = outline_entries(reader)
    assert len(entries) > 10
    position = 0
    for title, page in entries:
        while position < len(headings) and not (
            one_line(headings[position].text).endswith(one_line(title)) and headings[position].page == page
        ):
            position += 1
        assert position < len(headings), f"outline entry {title!r} (page {page + 1}) has no heading after the previous one"
        position += 1
    first = headings[0]
    assert first.kind == "/H1"
    assert one_line(first.text) == "Handboek Noord"


def test_heading_levels_never_skip_down(reader: PdfReader) -> None:
    levels = [int(e.kind[2]) for e in flat(structure(reader)) if e.kind in HEADINGS]
    assert all(after <= before + 1 for before, after in itertools.pairwise(levels)), levels


def test_lists_tables_and_module_text_are_in_the_tree(reader: PdfReader) -> None:
    elements = flat(structure(reader))
    kinds = Counter(e.kind for e in elements)
    assert kinds["/L"] > 5
    assert kinds["/LI"] >= kinds["/L"]
    assert kinds["/Table"] >= 1
    assert kinds["/TH"] >= 1
    paragraphs = " ".join(one_line(e.text) for e in elements if e.kind == "/P")
    assert "Kwetsbare wijkbewoners met (dreigende) problematische schulden" in paragraphs


def test_every_figure_has_alt_text(reader: PdfReader) -> None:
    figures = [e for e in flat(structure(reader)) if e.kind == "/Figure"]
    assert figures, "the logo is a figure"
    assert all(f.alt for f in figures), [f.alt for f in figures]
    assert "Logo van Wijkteam Noord" in [f.alt for f in figures]


def test_the_reading_order_is_the_document_order(reader: PdfReader) -> None:
    """The tree reads the cover, the contents, the colophon and then the modules, as printed."""
    text = one_line(" ".join(e.text for e in structure(reader).children))
    order = [text.find(part) for part in ("Handboek Noord", "Inhoud", "Colofon", "Eerste hulp bij financiële problemen",
                                         "Lichte bemiddeling", "Register")]
    assert -1 not in order, order
    assert order == sorted(order)
    assert re.search(r"Zoeken in het handboek", text) is None  # the search box is for the screen only


def test_grounding_quotes_are_in_the_box(reader: PdfReader) -> None:
    text = one_line(" ".join(e.text for e in flat(structure(reader)) if e.kind in ("/P", "/DD", "/Div", "/Span")))
    assert "Waarop de koppelingen steunen (redactioneel)" in text
    assert "zet de beschikbare mogelijkheden in waar de hulp meer tijd vraagt" in text
