"""The lint output formats come from one registry: --format's choices, its help, the error for an
unknown format and the README's table of formats."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from wijkmodulen.cli import app
from wijkmodulen.lint.reporters.registry import format_names, lint_reporters
from wijkmodulen.messages import t

from conftest import MINIMAL, ROOT

runner = CliRunner()


def test_every_format_is_a_reporter_in_order() -> None:
    assert format_names() == ("text", "concise", "json", "sarif", "github", "junit")
    for reporter in lint_reporters().values():
        assert t(reporter.description)  # described in the message catalogue


def test_help_lists_the_formats() -> None:
    result = runner.invoke(app, ["lint", "--help"], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    assert ", ".join(format_names()) in " ".join(result.stdout.split())


def test_an_unknown_format_names_the_choices() -> None:
    result = runner.invoke(app, ["lint", str(MINIMAL), "--format", "yaml"])
    assert result.exit_code == 2
    assert f"kies uit: {', '.join(format_names())}" in result.stderr


def test_the_documentation_lists_every_format() -> None:
    page = (ROOT / "docs" / "reference" / "uitvoer.md").read_text(encoding="utf-8")
    assert tuple(re.findall(r"^\| `lint` \| `([a-z]+)` \|", page, flags=re.MULTILINE)) == format_names()
