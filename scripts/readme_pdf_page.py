"""Makes the README's picture of the PDF handbook: the first page of module wmw-06 in the handbook for one
profession, drawn by pdftoppm (Debian's poppler-utils).

    .venv/bin/python scripts/readme_pdf_page.py   # writes docs/handboek-pdf-wmw-06.png
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "handboek-pdf-wmw-06.png"
MODULE_TITLE = "Eerste hulp bij financiële problemen"  # wmw-06


def main() -> None:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "wijkmodulen", "render", str(ROOT / "data"), "--format", "pdf",
             "--beroep", "wijkmaatschappelijk-werk", "--titel", "Handboek wijkmaatschappelijk werk",
             "--organisatie", "Wijkteam Noord", "--editie", "2025-1", "--out", out],
            check=True,
        )
        pdf = Path(out) / "handboek.pdf"
        reader = PdfReader(pdf)
        entries = [e for item in reader.outline if isinstance(item, list) for e in item]
        (entry,) = [e for e in entries if e.title == MODULE_TITLE]
        page = reader.get_destination_page_number(entry) + 1
        subprocess.run(
            ["pdftoppm", "-png", "-r", "90", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
             str(TARGET.with_suffix(""))],
            check=True,
        )
    print(TARGET)


if __name__ == "__main__":
    main()
