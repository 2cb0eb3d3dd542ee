"""The README stays short and its links work; the rule reference page is in step with the rules;
the README's lint example is real output."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app
from wijkmodulen.lint.rule_docs import rule_anchor, rules_reference_page
from wijkmodulen.lint.rules import RULES

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
RULE_PAGE = ROOT / "docs" / "reference" / "regels.md"


def test_rule_reference_page_is_in_step_with_the_rules() -> None:
    page = RULE_PAGE.read_text(encoding="utf-8")
    assert page == rules_reference_page(), "run: .venv/bin/python scripts/update_rule_reference.py"


def test_every_rule_has_its_own_anchor() -> None:
    page = RULE_PAGE.read_text(encoding="utf-8")
    for code in RULES:
        assert f"{{ #{rule_anchor(code)} }}" in page
    assert rule_anchor("WM101") == "wm101"


def test_readme_names_the_two_commands_and_stays_short() -> None:
    assert "make handbook" in README
    assert "make test" in README
    assert len(README.splitlines()) <= 200


@pytest.mark.parametrize("target", sorted(set(re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README))))
def test_readme_links_point_at_files(target: str) -> None:
    assert not target.startswith(("http:", "https:")), "the README links into the repository only"
    assert (ROOT / target).is_file(), f"README links to a missing file: {target}"


def test_readme_lint_example_is_real_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "wijkmodulen.toml").write_text('kb = "data"\n', encoding="utf-8")
    module = next((tmp_path / "data" / "modules").glob("wmw-03-*.yaml"))
    module.write_text(module.read_text(encoding="utf-8").replace("\nnummer: 3", "\nnumer: 3"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    result = CliRunner().invoke(app, ["lint", "--no-cache"])
    assert result.exit_code == 1
    shown = README.split("$ wijkmodulen lint\n", 1)[1].split("```", 1)[0]
    assert shown == "Kennisbank: data (uit wijkmodulen.toml)\n" + result.stdout
