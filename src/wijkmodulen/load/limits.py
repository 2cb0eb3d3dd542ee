"""What a single file may ask of the loader (kept light: the CLI imports it before any YAML)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """How much a single file may ask of the loader; ``[tool.wijkmodulen]`` can change both."""

    max_bytes: int = 5 * 1024 * 1024
    max_depth: int = 50  # nested mappings and lists; the shipped KB needs 4
