from __future__ import annotations

from wijkmodulen.lint.rule_docs import rules_markdown_table

from conftest import ROOT


def test_readme_rule_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- rules:start -->\n") + len("<!-- rules:start -->\n")
    end = readme.index("<!-- rules:end -->")
    assert readme[start:end].strip() == rules_markdown_table(), "run: python scripts/update_readme_rules.py"


def test_readme_names_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make handbook" in readme
    assert "make test" in readme
