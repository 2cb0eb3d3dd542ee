"""Where the documentation site lives: SARIF output and the editor server link each rule to its entry there.

The address is a placeholder until the site is published; change it here only.

The rule reference page is generated from the rule registry, with one anchor per rule code in lower
case (``reference/regels/#wm101``).
"""

from __future__ import annotations

DOCS_URL = "https://wijkmodulen.example.org/"
RULES_PAGE = "reference/regels/"


def rule_url(code: str) -> str:
    """The documentation of rule ``code`` (an anchor on the rule reference page)."""
    return f"{DOCS_URL}{RULES_PAGE}#{code.lower()}"
