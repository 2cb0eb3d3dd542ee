"""The PDF handbook read back with pypdf: titles, outline, a page per module, table-of-contents numbers,
running headers, page numbers, the embedded font and Dutch hyphenation; for the whole KB and selections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from wijkmodulen.load.kb import load_knowledge_base
from wijkmodulen.render.context import Handbook, build_handbook
from wijkmodulen.render.selection import Selectie

from pdf_helpers import (
    SELECTIONS,
    SHIPPED,
    OutlineEntry,
    one_line,
    outline,
    page_texts,
    read,
    render_pdf,
    require_weasyprint,
    toc_entries,
)

if TYPE_CHECKING:
    from pypdf import PdfReader

SELECTIES = {
    "alles": Selectie(),
    "beroep": Selectie(beroepen=("individueel-opbouwwerk",)),
    "competentie": Selectie(competenties=("4P",)),
}
APPENDICES = (
    "Bijlage A. SCW-thema’s en -competenties",
    "Bijlage B. Generieke competenties van de wijkprofessional",
    "Bijlage C. Kennisbouwstenen",
    "Bijlage D. Kruisverwijzingen",
    "Bijlage E. Register",
)


@dataclass(frozen=True)
class Printed:
    handbook: Handbook
    reader: PdfReader
    texts: list[str]
    outline: tuple[OutlineEntry, ...]

    def chapter(self, title: str) -> OutlineEntry:
        (entry,) = [e for e in self.outline if e.title == title]
        return entry

    def module_starts(self) -> list[int]:
        return [child.page for b in self.handbook.beroepen for child in self.chapter(b.titel).children]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    require_weasyprint()
    kb = load_knowledge_base(SHIPPED)
    result = {}
    for name, args in SELECTIONS.items():
        path = render_pdf(tmp_path_factory.mktemp(f"pdf-{name}"), *args)
        reader = read(path)
        result[name] = Printed(build_handbook(kb, SELECTIES[name]), reader, page_texts(reader), outline(reader))
    return result


@pytest.fixture(params=list(SELECTIONS))
def pdf(request: pytest.FixtureRequest, printed: dict[str, Printed]) -> Printed:
    return printed[request.param]


def test_the_selections_hold_what_they_say(printed: dict[str, Printed]) -> None:
    assert [len(printed[name].handbook.modules) for name in SELECTIONS] == [39, 20, 8]


def test_every_selected_module_title_is_in_the_text(pdf: Printed) -> None:
    text = one_line(" ".join(pdf.texts))
    for module in pdf.handbook.modules:
        assert f"Module {module.nummer} {module.id} " in text
        assert one_line(module.titel) in text


def test_modules_outside_the_selection_are_not_printed(pdf: Printed) -> None:
    text = one_line(" ".join(pdf.texts))
    chosen = {m.id for m in pdf.handbook.modules}
    printed_ids = set(re.findall(r"Module \d+ ((?:wmw|iow)-\d\d) ", text))
    assert printed_ids == chosen


def test_outline_has_one_entry_per_chapter_and_per_module(pdf: Printed) -> None:
    h = pdf.handbook
    expected_chapters = [
        "Inhoud", "Colofon", "Introductie op de modulen", *[b.titel for b in h.beroepen], *APPENDICES
    ]
    assert [entry.title for entry in pdf.outline] == expected_chapters
    assert [c.title for c in pdf.chapter("Introductie op de modulen").children] == [c.titel for c in h.inleiding]
    for beroep in h.beroepen:
        modules = [m.titel for f in beroep.functies for c in f.clusters for m in c.modules]
        assert [child.title for child in pdf.chapter(beroep.titel).children] == modules
    others = [e for e in pdf.outline if e.title not in {b.titel for b in h.beroepen}
              and e.title != "Introductie op de modulen"]
    assert all(e.children == () for e in others)


def test_each_module_starts_on_a_page_of_its_own(pdf: Printed) -> None:
    h = pdf.handbook
    starts = pdf.module_starts()
    modules = [m for b in h.beroepen for f in b.functies for c in f.clusters for m in c.modules]
    assert starts == sorted(set(starts)), "two modules share a page, or the outline is out of order"
    headings = {b.titel for b in h.beroepen} | {f.titel for b in h.beroepen for f in b.functies} | {
        f"Cluster {c.titel}" for b in h.beroepen for f in b.functies for c in f.clusters
    }
    for module, page in zip(modules, starts, strict=True):
        text = pdf.texts[page - 1]
        marker = f"Module {module.nummer} {module.id}"
        assert marker in text, f"{module.id} does not start on page {page}"
        above = text[:text.index(marker)].splitlines()
        # Only the headings of its profession, function group and cluster come before it on its page.
        assert set(above) <= headings, f"{module.id} shares page {page} with: {set(above) - headings}"
        assert all(marker not in other for i, other in enumerate(pdf.texts) if i != page - 1)


def test_table_of_contents_numbers_are_the_pages_things_start_on(pdf: Printed) -> None:
    toc_first, colofon = pdf.chapter("Inhoud").page, pdf.chapter("Colofon").page
    entries = toc_entries(pdf.texts, toc_first, colofon - 1)
    assert entries, "no table-of-contents lines found"
    # Chapters: every outline chapter after the contents themselves.
    toc = dict(entries)
    for chapter in pdf.outline[1:]:
        assert toc[chapter.title] == chapter.page, chapter.title
    # Modules, in order (titles repeat across the two professions, so walk the list).
    labels = iter(entries)
    modules = [m for b in pdf.handbook.beroepen for f in b.functies for c in f.clusters for m in c.modules]
    for module, start in zip(modules, pdf.module_starts(), strict=True):
        number = next(page for label, page in labels if label == module.titel)
        assert number == start, module.id


def test_footer_numbers_every_page_but_the_cover(pdf: Printed) -> None:
    assert pdf.texts[0].splitlines()[-1] != "1"
    for number, text in enumerate(pdf.texts[1:], start=2):
        assert text.splitlines()[-1] == str(number)


def test_running_header_names_chapter_and_module(pdf: Printed) -> None:
    modules = [m for b in pdf.handbook.beroepen for f in b.functies for c in f.clusters for m in c.modules]
    beroep_of = {m.id: b.titel for b in pdf.handbook.beroepen for f in b.functies for c in f.clusters
                 for m in c.modules}
    starts = pdf.module_starts()
    appendix = pdf.chapter(APPENDICES[0]).page
    for module, first, end in zip(modules, starts, [*starts[1:], appendix], strict=True):
        for page in range(first, end):
            header = pdf.texts[page - 1].splitlines()[-2]
            assert header == f"{beroep_of[module.id]} {module.titel}", (module.id, page)
    for title in APPENDICES:
        page = pdf.chapter(title).page
        assert pdf.texts[page - 1].splitlines()[-2] == title


def test_the_shipped_font_is_embedded(pdf: Printed) -> None:
    fonts: dict[str, bool] = {}
    for page in pdf.reader.pages[:12]:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"])] = embedded
    # Subsets ("ABCDEF+Inter") of the three shipped faces; every font, these and any fallback, embedded.
    assert {name.split("+")[-1] for name in fonts} >= {"Inter", "Inter-Bold", "Inter-Italic"}
    assert all(fonts.values()), fonts


def test_words_are_hyphenated_the_dutch_way(printed: dict[str, Printed]) -> None:
    text = "\n".join(printed["alles"].texts)
    # WeasyPrint marks its own breaks with U+2010; the KB's texts only have the ASCII hyphen.
    breaks = re.findall(r"(\w+)\u2010\n(\w+)", text)
    assert len(breaks) > 50
    # Split between the parts of the compound, as Dutch dictionaries do.
    assert ("hulpverlenings", "proces") in breaks
    assert "hulpverleningsproces" in text.replace("\u2010\n", "")


def test_pdf_metadata(pdf: Printed) -> None:
    metadata = pdf.reader.metadata
    assert metadata is not None
    assert metadata.title == "Modulen sociaal werk in de wijk"
    assert str(metadata.get("/Creator")).startswith("wijkmodulen ")
    assert pdf.reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.1)  # A4: 210 x 297 mm
    assert pdf.reader.pages[0].mediabox.height == pytest.approx(841.89, abs=0.1)
