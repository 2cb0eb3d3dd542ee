"""Write the rule reference page of the documentation site from the rules' docstrings
(tests/unit/test_rule_reference.py checks that the page is in step with the code)."""

from __future__ import annotations

from pathlib import Path

from wijkmodulen.lint.rule_docs import rules_reference_page

PAGE = Path(__file__).resolve().parents[1] / "docs" / "reference" / "regels.md"

PAGE.parent.mkdir(parents=True, exist_ok=True)
PAGE.write_text(rules_reference_page(), encoding="utf-8", newline="\n")
