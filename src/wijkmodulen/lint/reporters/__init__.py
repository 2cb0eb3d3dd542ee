"""Reporters turn a LintResult into output; the CLI picks one by name (``--format``)."""

from __future__ import annotations

FORMATS = ("text", "concise", "json", "sarif", "github", "junit")
