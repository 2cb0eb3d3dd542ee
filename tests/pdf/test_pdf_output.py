"""The PDF of a small selection: the user's templates, reproducible bytes, a stylesheet WeasyPrint fully
understands, no request of its own, and the pages as pdftoppm draws them."""

from __future__ import annotations

import logging
import shutil
import struct
import subprocess
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from wijkmodulen.render.context import Metadata
from wijkmodulen.render.pdf import render_pdf
from wijkmodulen.render.selection import Selectie

from pdf_helpers import handbook, outline, page_texts, read, require_weasyprint
from pdf_helpers import render_pdf as render_with_command

if TYPE_CHECKING:
    from pypdf import PdfReader

PACKAGED = Path(__file__).resolve().parents[2] / "templates"
ONE_MODULE = ("--module", "wmw-02")
# Declarations of the HTML handbook's screen stylesheet that WeasyPrint does not know; harmless on paper.
SCREEN_ONLY = ("Ignored `clip: rect(0 0 0 0)`", "Ignored `overflow-x: auto`", "Ignored `writing-mode: vertical-rl`")


@pytest.fixture(autouse=True)
def _weasyprint() -> None:
    require_weasyprint()


def png(width: int, height: int) -> bytes:
    """A red PNG, written by hand so that the test needs no imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def images(reader: PdfReader) -> int:
    """How many different images the PDF shows (pages may share one resource dictionary)."""
    return len({image.data for page in reader.pages for image in page.images})


def test_user_templates_shape_the_pdf(tmp_path: Path) -> None:
    own = tmp_path / "sjablonen"
    (own / "pdf").mkdir(parents=True)
    labels = (PACKAGED / "labels.j2").read_text(encoding="utf-8")
    (own / "labels.j2").write_text(labels.replace('inhoud = "Inhoud"', 'inhoud = "Inhoudsopgave"'), encoding="utf-8")
    css = (PACKAGED / "pdf" / "handboek.css.j2").read_text(encoding="utf-8")
    assert "content: counter(page);" in css
    (own / "pdf" / "handboek.css.j2").write_text(
        css.replace("content: counter(page);", 'content: "blz. " counter(page);'), encoding="utf-8"
    )
    reader = read(render_with_command(tmp_path / "uit", *ONE_MODULE, "--templates", str(own)))
    texts = page_texts(reader)
    assert outline(reader)[0].title == "Inhoudsopgave"
    assert texts[1].startswith("Inhoudsopgave\n")
    assert [text.splitlines()[-1] for text in texts[1:]] == [f"blz. {n}" for n in range(2, len(texts) + 1)]


def test_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    first = render_with_command(tmp_path / "a", *ONE_MODULE).read_bytes()
    second = render_with_command(tmp_path / "b", *ONE_MODULE).read_bytes()
    assert first == second


def test_weasyprint_understands_every_declaration_of_the_pdf_stylesheet(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        render_pdf(handbook(Selectie(modules=("wmw-02", "iow-04"))))
    reported = [record.getMessage() for record in caplog.records if record.name.startswith("weasyprint")]
    assert reported, "WeasyPrint's log was not captured"
    assert [m for m in reported if not m.startswith(SCREEN_ONLY)] == []


def test_the_logo_is_embedded_and_nothing_is_fetched(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(png(8, 4))
    with_logo = render_pdf(handbook(Selectie(modules=("wmw-02",)), Metadata(logo=logo)))
    (tmp_path / "logo.pdf").write_bytes(with_logo)
    assert images(read(tmp_path / "logo.pdf")) == 1

    # A template that names a local file (or a URL) gets nothing: the handbook embeds what it shows.
    own = tmp_path / "sjablonen" / "pdf"
    own.mkdir(parents=True)
    css = (PACKAGED / "pdf" / "handboek.css.j2").read_text(encoding="utf-8")
    (own / "handboek.css.j2").write_text(
        css + f'\n.module {{ background: url("{logo.as_uri()}"); }}\n', encoding="utf-8"
    )
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        fetched = render_pdf(handbook(Selectie(modules=("wmw-02",))), own.parent)
    (tmp_path / "fetched.pdf").write_bytes(fetched)
    assert images(read(tmp_path / "fetched.pdf")) == 0
    assert any("disallowed protocol" in record.getMessage() for record in caplog.records)


def _pgm(path: Path) -> tuple[int, int, bytes]:
    """Width, height and grey values of a binary PGM (what pdftoppm -gray writes)."""
    data = path.read_bytes()
    magic, width, height, depth, pixels = data.split(maxsplit=4)
    assert (magic, depth) == (b"P5", b"255")
    return int(width), int(height), pixels


def test_pdftoppm_draws_a_cover_and_a_module_page(tmp_path: Path) -> None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm is missing: scripts/install-test-deps.sh (run by make test) installs poppler-utils")
    pdf = render_with_command(tmp_path / "uit", *ONE_MODULE)
    subprocess.run([pdftoppm, "-gray", "-r", "30", str(pdf), str(tmp_path / "p")],
                   check=True, timeout=120)
    pages = sorted(tmp_path.glob("p-*.pgm"))
    assert len(pages) == len(read(pdf).pages)
    width, height, cover = _pgm(pages[0])
    assert height / width == pytest.approx(297 / 210, abs=0.01)
    rows = [cover[y * width:(y + 1) * width] for y in range(height)]
    # The cover: a dark band over the whole width at the top, the title below it, the foot of the page empty.
    assert max(rows[5]) < 100
    assert any(min(row) < 100 for row in rows[int(height * 0.2):int(height * 0.4)])
    assert min(b"".join(rows[int(height * 0.8):])) > 250
    # Every other page has ink on it.
    for page in pages[1:]:
        assert sum(1 for grey in _pgm(page)[2] if grey < 200) > 200, page.name
