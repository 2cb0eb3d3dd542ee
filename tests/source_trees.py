"""The syntax trees of the tool's own source files, parsed once per test process: several checks
(messages, file access, encodings) walk every one of them."""

from __future__ import annotations

import ast
import functools
from pathlib import Path


@functools.cache
def source_tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
