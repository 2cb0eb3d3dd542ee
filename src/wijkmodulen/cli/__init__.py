"""The command line: parse options, call one function, print its result, exit with its code.

Each command lives in its own module and registers itself on ``app`` when imported below.
"""

from __future__ import annotations

import sys

from wijkmodulen.cli import kb_cmd, lint_cmd, render_cmd
from wijkmodulen.cli.app import app

__all__ = ["app", "kb_cmd", "lint_cmd", "main", "render_cmd"]


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
