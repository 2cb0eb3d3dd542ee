"""Write the table of output formats in docs/reference/uitvoer.md from the reporter registry
(tests/unit/test_format_reference.py checks that the page is in step with the code)."""

from __future__ import annotations

from pathlib import Path

from wijkmodulen.reporters import reference_table

PAGE = Path(__file__).resolve().parents[1] / "docs" / "reference" / "uitvoer.md"
START, END = "<!-- formats:start (scripts/update_format_reference.py) -->\n", "<!-- formats:end -->\n"


def updated(page: str) -> str:
    before, rest = page.split(START, 1)
    _, after = rest.split(END, 1)
    return before + START + reference_table() + END + after


if __name__ == "__main__":
    PAGE.write_text(updated(PAGE.read_text(encoding="utf-8")), encoding="utf-8", newline="\n")
