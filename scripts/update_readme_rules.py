"""Rewrite the rule table in README.md from the rules' docstrings (tests/unit/test_readme.py checks it)."""

from __future__ import annotations

from pathlib import Path

from wijkmodulen.lint.rule_docs import rules_markdown_table

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- rules:start -->\n", "<!-- rules:end -->"

text = README.read_text(encoding="utf-8")
head, rest = text.split(START, 1)
_, tail = rest.split(END, 1)
README.write_text(f"{head}{START}{rules_markdown_table()}\n{END}{tail}", encoding="utf-8")
