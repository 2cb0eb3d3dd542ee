"""The command line: parse options, call one function, print its result, exit with its code.

Each command lives in its own module and registers itself on ``app`` when imported below.
"""

from __future__ import annotations

import sys

# One command module per line, so that adding a command touches one line.
from wijkmodulen.cli import (
    diff_cmd,
    fmt_cmd,
    kb_cmd,
    lint_cmd,
    lsp_cmd,
    new_cmd,
    render_cmd,
    serve_cmd,
    team_cmd,
    xref_cmd,
    zoek_cmd,
)
from wijkmodulen.cli.app import app, report_internal_error

__all__ = [
    "app",
    "diff_cmd",
    "fmt_cmd",
    "kb_cmd",
    "lint_cmd",
    "lsp_cmd",
    "main",
    "new_cmd",
    "render_cmd",
    "serve_cmd",
    "team_cmd",
    "xref_cmd",
    "zoek_cmd",
]


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - last line of defence: one line (or --debug), exit 2
        sys.exit(report_internal_error(error))
