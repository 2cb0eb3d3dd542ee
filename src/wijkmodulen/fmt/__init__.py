"""Canonical formatting of KB files that keeps comments and blank lines (``wijkmodulen fmt``)."""
