"""``wijkmodulen fmt``: which files, which model for each, and what would change or was written."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from wijkmodulen.fmt.formatter import (
    DEFAULT_LIMITS,
    FormatError,
    Formatted,
    TextFix,
    format_file,
    read_for_format,
)
from wijkmodulen.io.writer import write_file
from wijkmodulen.load.kb import FOLDERS, kb_files, model_for
from wijkmodulen.load.limits import Limits
from wijkmodulen.load.yaml_source import YamlProblem, decode, load_text
from wijkmodulen.locate import kb_root_of

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class FmtResult:
    formatted: list[Formatted] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    written: bool = False

    @property
    def changed(self) -> list[Formatted]:
        return [f for f in self.formatted if f.changed]

    @property
    def exit_code(self) -> int:
        """2: a file could not be formatted; 1: --check found files to change; 0 otherwise."""
        if self.failed:
            return 2
        return 1 if self.changed and not self.written else 0


def yaml_files(paths: list[Path]) -> list[Path]:
    """The YAML files named or below the folders named, each once, in a stable order."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            if any((path / folder).is_dir() for folder in FOLDERS):
                candidates, _ = kb_files(path)
            else:
                # Links are listed too (not followed): formatting refuses them, as a finding.
                candidates = sorted(p for p in path.rglob("*")
                                    if p.suffix in YAML_SUFFIXES and (p.is_symlink() or not p.is_dir()))
            for candidate in candidates:
                found.setdefault(candidate, None)
        else:
            found.setdefault(path, None)
    return list(found)


def model_of(path: Path, raw: bytes | None = None, limits: Limits = DEFAULT_LIMITS) -> type[BaseModel] | None:
    """The model that gives a KB file its key order; None outside a KB or when it cannot be told."""
    root = kb_root_of(path)
    if root is None:
        return None
    try:
        data = load_text(decode(read_for_format(path, limits) if raw is None else raw), limits.max_depth)
    except (FormatError, YamlProblem):
        return None
    if not isinstance(data, dict):
        return None
    chosen = model_for(root, path.resolve(), data)
    return None if isinstance(chosen, str) else chosen


def run_fmt(
    paths: list[Path], write: bool, fixes: dict[str, TextFix] | None = None, limits: Limits = DEFAULT_LIMITS
) -> FmtResult:
    """Format each file; one that cannot be read through the guarded reader (a link, a FIFO, a
    device, over the size limit) or formatted is a failure of its own, the others are formatted."""
    result = FmtResult(written=write)
    for path in yaml_files(paths):
        try:
            raw = read_for_format(path, limits)
            formatted = format_file(path, model_of(path, raw, limits), fixes, limits, raw)
        except FormatError as error:
            result.failed.append((path, str(error)))
            continue
        result.formatted.append(formatted)
        if write and formatted.changed:
            write_file(path, formatted.text)
    return result
