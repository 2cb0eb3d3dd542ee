"""`wijkmodulen --help` stays light: the command modules import the application layer inside their
functions, and what --help shows (the format choices) comes from light registries."""

from __future__ import annotations

import subprocess
import sys

# What a command needs when it runs, never to show its help.
HEAVY = ("wijkmodulen.load.yaml_source", "wijkmodulen.app", "wijkmodulen.render", "wijkmodulen.diff",
         "wijkmodulen.lint.engine", "ruamel.yaml", "yaml", "jinja2", "pydantic")

SCRIPT = """
import runpy, sys
sys.argv = ["wijkmodulen", "--help"]
try:
    runpy.run_module("wijkmodulen", run_name="__main__")
except SystemExit as end:
    assert end.code in (0, None), end.code
print(" ".join(sorted(name for name in sys.modules if name.startswith({heavy}))), file=sys.stderr)
"""


def test_help_imports_neither_the_loader_nor_the_application_layer() -> None:
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(heavy=repr(HEAVY))], capture_output=True, text=True, encoding="utf-8", check=True
    )
    assert "lint" in run.stdout
    assert run.stderr.strip() == ""
