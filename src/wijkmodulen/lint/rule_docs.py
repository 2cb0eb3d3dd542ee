"""Rule documentation, taken from the rules' own docstrings (also used for the README table)."""

from __future__ import annotations

import inspect

from wijkmodulen.lint.rules import RULES
from wijkmodulen.messages import t


def describe_rules() -> str:
    blocks = []
    for code, rule in RULES.items():
        header = f"{code}  {rule.name}  ({rule.severity.dutch}, {t(f'rules.scope.{rule.scope}')})"
        doc = inspect.cleandoc(rule.__doc__ or "")
        blocks.append(header + "\n" + "\n".join("    " + line if line else "" for line in doc.splitlines()))
    return "\n\n".join(blocks)


def rules_markdown_table() -> str:
    """The README's rule table: one row per rule, first paragraph of its docstring."""
    rows = ["| code | naam | ernst | bereik | wat |", "|---|---|---|---|---|"]
    for code, rule in RULES.items():
        summary = " ".join(inspect.cleandoc(rule.__doc__ or "").split("\n\n")[0].split())
        rows.append(
            f"| {code} | {rule.name} | {rule.severity.label} | {rule.scope} | {summary} |"
        )
    return "\n".join(rows)


# The documentation site; each rule has its own heading on the rule reference page.
DOCS_URL = "https://wijkmodulen.readthedocs.io/"


def rule_docs_url(code: str) -> str:
    """Where the documentation of rule ``code`` is (an anchor on the rule reference page)."""
    return f"{DOCS_URL}reference/regels/#{code.lower()}"
