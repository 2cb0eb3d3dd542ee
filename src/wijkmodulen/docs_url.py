"""Where the documentation site lives: SARIF output links each rule to its entry there.

The rule reference page is generated from the rule registry, with one anchor per rule code in lower
case (``reference/regels/#wm101``).
"""

from __future__ import annotations

DOCS_URL = "https://wijkmodulen.example.org/"
RULES_PAGE = "reference/regels/"


def rule_url(code: str) -> str:
    return f"{DOCS_URL}{RULES_PAGE}#{code.lower()}"
