"""Reporters turn a LintResult into text; the CLI picks one by name."""
