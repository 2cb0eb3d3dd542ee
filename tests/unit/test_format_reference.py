"""Every result type's output formats come from one registry (wijkmodulen/reporters.py): --format's
choices in --help, the one error for an unknown format, and the table in docs/reference/uitvoer.md."""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app
from wijkmodulen.messages import t
from wijkmodulen.reporters import RESULTS, descriptions, names, reference_table, reporters

from conftest import MINIMAL, ROOT

runner = CliRunner()

# The command line of each result type and an argument list that reaches the format check.
COMMANDS = {
    "diff": ["diff", "HEAD"],
    "xref": ["xref", str(MINIMAL)],
    "graph": ["graph", str(MINIMAL)],
    "compare": ["compare", "wmw-01", "--kb", str(MINIMAL)],
    "team": ["team", str(MINIMAL / "team.yaml"), str(MINIMAL)],
    "render": ["render", str(MINIMAL)],
    "lint": ["lint", str(MINIMAL)],
}


def _update_script() -> Any:
    path = ROOT / "scripts" / "update_format_reference.py"
    spec = importlib.util.spec_from_file_location("update_format_reference", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_documentation_table_is_generated_from_the_registry() -> None:
    page = (ROOT / "docs" / "reference" / "uitvoer.md").read_text(encoding="utf-8")
    script = _update_script()
    assert script.updated(page) == page, "run .venv/bin/python scripts/update_format_reference.py"
    assert reference_table() in page


def test_a_stale_table_is_noticed() -> None:
    page = (ROOT / "docs" / "reference" / "uitvoer.md").read_text(encoding="utf-8")
    stale = page.replace("| `graph` | `dot` |", "| `graph` | `svg` |")
    assert _update_script().updated(stale) != stale


def test_every_format_is_described() -> None:
    for result in RESULTS:
        for name, description in descriptions(result):
            assert description, (result, name)
            assert not description.startswith("format."), (result, name)


@pytest.mark.parametrize("result", list(COMMANDS))
def test_help_lists_the_formats(result: str) -> None:
    shown = runner.invoke(app, [COMMANDS[result][0], "--help"], env={"COLUMNS": "300"})
    assert shown.exit_code == 0
    assert ", ".join(names(result)) in " ".join(shown.stdout.split())


@pytest.mark.parametrize("result", list(COMMANDS))
def test_an_unknown_format_is_one_dutch_error_naming_the_choices(result: str) -> None:
    refused = runner.invoke(app, [*COMMANDS[result], "--format", "yaml"])
    assert refused.exit_code == 2
    assert refused.stderr == t("cli.bad_format", value="yaml", choices=", ".join(names(result))) + "\n"


def test_a_registered_function_is_found() -> None:
    for result in RESULTS:
        for reporter in reporters(result).values() if result != "lint" else ():
            if reporter.target:
                module, _, function = reporter.target.partition(":")
                assert callable(getattr(importlib.import_module(module), function)), reporter.target
