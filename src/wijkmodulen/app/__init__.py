"""The application layer between the front ends (command line, ``serve``, editor server) and the
domain packages: see ``workspace.py``."""

from __future__ import annotations

from wijkmodulen.app.workspace import Workspace, kb_root_of, lint_all
from wijkmodulen.errors import WijkmodulenError

__all__ = ["WijkmodulenError", "Workspace", "kb_root_of", "lint_all"]
