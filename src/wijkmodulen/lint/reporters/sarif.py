"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning (upload with codeql-action/upload-sarif).

Every rule is described (help text from its docstring), so the code-scanning view can explain a
finding; paths are relative to the repository root, which code scanning requires.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from wijkmodulen import __version__
from wijkmodulen.lint.engine import LintResult
from wijkmodulen.lint.problem import Severity
from wijkmodulen.lint.reporters.common import relative_path, rule_doc, rule_summary
from wijkmodulen.lint.rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule(code: str) -> dict[str, Any]:
    rule = RULES[code]
    doc = rule_doc(rule)
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": rule_summary(rule)},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": f"**{code} {rule.name}**\n\n```text\n{doc}\n```"},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
    }


def format_sarif(result: LintResult, base: Path) -> str:
    index = {code: number for number, code in enumerate(RULES)}
    results = [
        {
            "ruleId": p.code,
            "ruleIndex": index[p.code],
            "level": LEVEL[p.severity],
            "message": {"text": p.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": quote(relative_path(p.file, base)), "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": p.line, "startColumn": p.column},
                    }
                }
            ],
        }
        for p in result.problems
    ]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "wijkmodulen", "version": __version__,
                                    "rules": [_rule(code) for code in RULES]}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
