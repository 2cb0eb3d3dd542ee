"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning (upload with codeql-action/upload-sarif).

Every rule is described from its docstring: a one-sentence ``shortDescription``, the whole description
as ``fullDescription``, ``help`` as text and as Markdown (with its Passes/Fails examples), and a
``helpUri`` to its entry in the rule reference of the documentation site. Paths are relative to the
repository root, which code scanning requires. Each result carries a ``partialFingerprints`` value
made of its rule, file and message (and which of its identical twins it is), never its line: a
finding keeps its fingerprint when lines above it move, so code scanning does not see it as new.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from wijkmodulen import __version__
from wijkmodulen.docs_url import DOCS_URL, rule_url
from wijkmodulen.lint.problem import Problem, Severity
from wijkmodulen.lint.reporters.base import LintReporter
from wijkmodulen.lint.reporters.common import relative_path, rule_doc

if TYPE_CHECKING:
    from wijkmodulen.lint.engine import LintResult
    from wijkmodulen.lint.rule import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT = "wijkmodulenFinding/v1"
# The end of a sentence: a stop, then a new sentence (a capital, a quote, a bracket) or the end.
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z“‘\"'(`]|\s*$)")


def rule_parts(rule: type[Rule]) -> tuple[str, str, str]:
    """A rule's docstring as (description, passing example, failing example)."""
    doc = rule_doc(rule)
    description, _, examples = doc.partition("\nPasses:")
    passes, _, fails = examples.partition("\nFails:")
    return " ".join(description.split()), _dedent(passes), _dedent(fails)


def _dedent(block: str) -> str:
    lines = [line for line in block.splitlines() if line.strip()]
    indent = min((len(line) - len(line.lstrip()) for line in lines), default=0)
    return "\n".join(line[indent:] for line in lines)


def first_sentence(text: str) -> str:
    match = _SENTENCE_END.search(text)
    return text[: match.end()] if match else text


def _fence(code: str) -> str:
    """A fenced code block that no backtick run in ``code`` can close early."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}yaml\n{code}\n{fence}"


def _rule(code: str, rule: type[Rule]) -> dict[str, Any]:
    description, passes, fails = rule_parts(rule)
    markdown = "\n\n".join([
        f"**{code} {rule.name}**", description,
        "Passes:", _fence(passes), "Fails:", _fence(fails),
        f"[{code}]({rule_url(code)})",
    ])
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": first_sentence(description)},
        "fullDescription": {"text": description},
        "helpUri": rule_url(code),
        "help": {"text": rule_doc(rule), "markdown": markdown},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
    }


def fingerprints(problems: list[Problem], base: Path) -> list[str]:
    import hashlib  # here, not at the top: `lint --help` imports this module

    """Per problem: a hash of rule, file and message, and the how-many-th identical finding it is."""
    seen: dict[tuple[str, str, str], int] = {}
    result = []
    for problem in problems:
        key = (problem.code, relative_path(problem.file, base), problem.message)
        seen[key] = seen.get(key, 0) + 1
        text = "\0".join([*key, str(seen[key])])
        result.append(hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    return result


def format_sarif(result: LintResult, base: Path) -> str:
    from wijkmodulen.lint.registry import RULES  # the rules import the loader: only when a report is made

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
            "partialFingerprints": {FINGERPRINT: fingerprint},
        }
        for p, fingerprint in zip(result.problems, fingerprints(result.problems, base), strict=True)
    ]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "wijkmodulen", "version": __version__, "informationUri": DOCS_URL,
                                    "rules": [_rule(code, rule) for code, rule in RULES.items()]}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


REPORTERS = (LintReporter("sarif", "lint.reporter.sarif", lambda result, base, summary: format_sarif(result, base),
                          order=3),)
