"""Reporters turn a LintResult into output; the CLI picks one by name (``--format``).

Each format is a ``LintReporter`` (base.py) in a module of this package; registry.py finds them.
"""

from __future__ import annotations
