"""The shipped data against the style rules: clean, and every exception is the publication's own text."""

from __future__ import annotations

import re
import statistics

from wijkmodulen.lint.rules.word_budget import WordBudgetOptions, word_count

from conftest import ROOT, SHIPPED, lint, shipped_kb

PAGE = (ROOT / "docs" / "stijl.md").read_text(encoding="utf-8")


def _between(name: str) -> str:
    return PAGE.split(f"<!-- {name}:start -->", 1)[1].split(f"<!-- {name}:end -->", 1)[0]


def test_shipped_data_lints_clean_with_only_source_suppressions() -> None:
    result = lint(SHIPPED)
    assert result.problems == []
    kb = shipped_kb()
    suppressions = [item for source in kb.files for item in source.suppressions.items]
    assert result.suppressed == len(suppressions) == 13
    assert {item.reason for item in suppressions} == {"zo in de bron"}


def test_style_page_lists_every_suppression() -> None:
    kb = shipped_kb()
    in_data = set()
    for source in kb.files:
        for item in source.suppressions.items:
            name = source.path.stem
            short = re.match(r"^(?:wmw|iow)-\d{2}", name)
            for rule in item.rules:
                in_data.add((short.group(0) if short else name, rule))
    on_page = set()
    for row in _between("zo-in-de-bron").strip().splitlines()[2:]:
        files, rule = (cell.strip() for cell in row.strip("|").split("|")[:2])
        on_page.update((name.strip(), rule) for name in files.split(","))
    assert on_page == in_data


def test_word_budget_spread_on_the_style_page_is_measured() -> None:
    kb = shipped_kb()
    counts = sorted((word_count(e.model.sectie_teksten()), e.model.id) for e in kb.modules.values())
    values = [count for count, _ in counts]
    q1, median, q3 = statistics.quantiles(values, n=4)
    expected = (
        f"min {counts[0][0]} ({counts[0][1]}), eerste kwartiel {q1:.0f}, mediaan {median:.0f}, derde kwartiel "
        f"{q3:.0f}, max {counts[-1][0]} ({counts[-1][1]})"
    )
    assert " ".join(_between("word-budget").split()) == expected
    # The default flags none of the publication's modules, and lies above the upper fence's reach.
    assert counts[-1][0] < WordBudgetOptions().max_woorden <= q3 + 1.5 * (q3 - q1)
