"""Suppression comments as the loader collects them, and what the summary says about them."""

from __future__ import annotations

from pathlib import Path

from wijkmodulen.lint.engine import lint_knowledge_base
from wijkmodulen.lint.reporters.common import summary_line
from wijkmodulen.load.kb import load_knowledge_base
from wijkmodulen.load.suppressions import Suppression, collect_suppressions


def test_collects_targets_rules_and_reasons() -> None:
    text = (
        "# wijkmodulen: disable-file=WM205 -- zo in de bron\n"
        "id: wmw-01\n"
        "# wijkmodulen: disable=WM201, woordbudget\n"
        "\n"
        "titel: Aanmelding  # wijkmodulen: disable=WM202 -- zo in de bron\n"
        "doel: 'kleur # wijkmodulen: niet een commentaar wegens geen spatie'\n"
    )
    found = collect_suppressions(text)
    assert found.items == (
        Suppression(1, 1, ("WM205",), "zo in de bron", None),
        Suppression(3, 1, ("WM201", "woordbudget"), None, 5),
        Suppression(5, 20, ("WM202",), "zo in de bron", 5),
    )
    # A '#' after a space inside a quoted scalar looks like a comment: reported as malformed,
    # never silently obeyed.
    assert [m.line for m in found.malformed] == [6]


def test_files_without_the_marker_cost_one_substring_test() -> None:
    assert collect_suppressions("id: wmw-01\n# gewoon commentaar\n").items == ()


def test_summary_counts_suppressed_findings(minimal_kb: Path) -> None:
    path = minimal_kb / "modules" / "wmw-02-signaalopvolging.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "tegenhangers: [iow-02]", "tegenhangers: [iow-02, iow-99]  # wijkmodulen: disable=WM103 -- zo in de bron"
    )
    path.write_text(text, encoding="utf-8")
    result = lint_knowledge_base(load_knowledge_base(minimal_kb))
    assert result.problems == []
    assert summary_line(result) == "Geen bevindingen in 12 bestanden. (1 onderdrukt met een commentaar.)"


def test_the_first_comment_naming_the_rule_decides(minimal_kb: Path) -> None:
    # A comment for the first line comes before the whole-file one; the finding is on another
    # line, so the whole-file comment silences it and the line comment is unused.
    path = minimal_kb / "modules" / "wmw-02-signaalopvolging.yaml"
    text = path.read_text(encoding="utf-8").replace("tegenhangers: [iow-02]", "tegenhangers: [iow-02, iow-99]")
    path.write_text(
        "# wijkmodulen: disable=WM103 -- regel\n# wijkmodulen: disable-file=WM103 -- bestand\n" + text,
        encoding="utf-8",
    )
    result = lint_knowledge_base(load_knowledge_base(minimal_kb))
    assert [(p.line, p.code) for p in result.problems] == [(1, "WM004")]
    assert result.suppressed == 1
    # With the finding on the first content line, the line comment silences it and the
    # whole-file one is unused.
    path.write_text(
        "# wijkmodulen: disable=WM103 -- regel\n# wijkmodulen: disable-file=WM103 -- bestand\n"
        "tegenhangers: [iow-02, iow-99]\n" + text.replace("tegenhangers: [iow-02, iow-99]\n", ""),
        encoding="utf-8",
    )
    result = lint_knowledge_base(load_knowledge_base(minimal_kb))
    assert [(p.line, p.code) for p in result.problems] == [(2, "WM004")]
    assert result.suppressed == 1
