"""The examples of the cross-reference commands are real output of the shipped data (docs/kruisverwijzingen.md)."""

from __future__ import annotations

import pytest

from wijkmodulen.xref.compare import compare_modules
from wijkmodulen.xref.compare_formats import compare_plain
from wijkmodulen.xref.gaps import find_gaps, gaps_text
from wijkmodulen.xref.graph import build_graph, graph_mermaid
from wijkmodulen.xref.show import describe, describe_text

from conftest import ROOT, shipped_kb

PAGE = ROOT / "docs" / "kruisverwijzingen.md"


def _example(command: str) -> str:
    page = PAGE.read_text(encoding="utf-8")
    start = page.index(f"$ {command}\n") + len(f"$ {command}\n")
    return page[start : page.index("```", start)].rstrip("\n")


@pytest.mark.parametrize(
    ("command", "produce"),
    [
        ("wijkmodulen compare wmw-12 iow-11",
         lambda kb: compare_plain(compare_modules(kb.modules["wmw-12"].model, kb.modules["iow-11"].model))),
        ("wijkmodulen xref --gaps", lambda kb: gaps_text(find_gaps(kb))),
        ("wijkmodulen show wmw-06", lambda kb: describe_text(describe(kb, "wmw-06"))),
        ("wijkmodulen graph --select wmw-05", lambda kb: graph_mermaid(build_graph(kb, ["wmw-05"])).rstrip("\n")),
    ],
)
def test_page_shows_real_output(command: str, produce: object) -> None:
    kb = shipped_kb()
    assert _example(command) == produce(kb), f"paste the output of `{command}` into docs/kruisverwijzingen.md"  # type: ignore[operator]
