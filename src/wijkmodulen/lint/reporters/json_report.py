"""``--format json``: a stable, documented document for scripts (docs/reference/uitvoer.md).

Version 1. Keys never change meaning; new keys may be added.
"""

from __future__ import annotations

import json
from pathlib import Path

from wijkmodulen import __version__
from wijkmodulen.lint.engine import LintResult
from wijkmodulen.lint.problem import Severity
from wijkmodulen.lint.reporters.common import relative_path

FORMAT_VERSION = 1


def format_json(result: LintResult, base: Path) -> str:
    document = {
        "version": FORMAT_VERSION,
        "tool": {"name": "wijkmodulen", "version": __version__},
        "summary": {
            "files": result.files_checked,
            "errors": result.counts[Severity.ERROR],
            "warnings": result.counts[Severity.WARNING],
            "infos": result.counts[Severity.INFO],
            "suppressed": result.suppressed,
            "fail_level": result.fail_level.label,
            "failed": result.failed,
        },
        "problems": [
            {
                "file": relative_path(p.file, base),
                "line": p.line,
                "column": p.column,
                "code": p.code,
                "rule": p.rule,
                "severity": p.severity.label,
                "message": p.message,
            }
            for p in result.problems
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
