"""Paste the real output of the documentation's shipped-data examples into the docs pages.

The tests (tests/xref/test_docs_examples.py, tests/team/test_team_docs.py) compare these
examples with the output of the shipped data; after a change of the editorial links, run this.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from wijkmodulen.load.kb import KnowledgeBase, load_knowledge_base
from wijkmodulen.team.formats import format_text
from wijkmodulen.team.load import load_profile
from wijkmodulen.team.report import build_report
from wijkmodulen.xref.compare import compare_modules
from wijkmodulen.xref.compare_formats import compare_plain
from wijkmodulen.xref.gaps import find_gaps, gaps_text
from wijkmodulen.xref.graph import build_graph, graph_mermaid
from wijkmodulen.xref.show import describe, describe_text

ROOT = Path(__file__).resolve().parent.parent


def _team(kb: KnowledgeBase) -> str:
    profiel = load_profile(ROOT / "examples" / "team-noord.yaml", kb).profiel
    assert profiel is not None
    return format_text(build_report(kb, profiel))


XREF = "docs/kruisverwijzingen.md"
TEAM = "docs/team.md"

# page, command as on the page, its output, and whether the code block ends right after the output
EXAMPLES: list[tuple[str, str, Callable[[KnowledgeBase], str], bool]] = [
    (XREF, "wijkmodulen compare wmw-12 iow-11",
     lambda kb: compare_plain(compare_modules(kb.modules["wmw-12"].model, kb.modules["iow-11"].model)), True),
    (XREF, "wijkmodulen xref --gaps", lambda kb: gaps_text(find_gaps(kb)), True),
    (XREF, "wijkmodulen show wmw-06", lambda kb: describe_text(describe(kb, "wmw-06")), True),
    (XREF, "wijkmodulen graph --select wmw-05", lambda kb: graph_mermaid(build_graph(kb, ["wmw-05"])), True),
    (TEAM, "wijkmodulen team examples/team-noord.yaml", _team, False),
]


def main() -> None:
    kb = load_knowledge_base(ROOT / "data")
    pages: dict[str, str] = {}
    for page, command, produce, trimmed in EXAMPLES:
        doc = pages.get(page) or (ROOT / page).read_text(encoding="utf-8")
        start = doc.index(f"$ {command}\n") + len(f"$ {command}\n")
        end = doc.index("```", start)
        text = produce(kb)
        pages[page] = doc[:start] + (text.rstrip("\n") + "\n" if trimmed else text) + doc[end:]
    for page, doc in pages.items():
        (ROOT / page).write_text(doc, encoding="utf-8", newline="\n")


if __name__ == "__main__":
    main()
