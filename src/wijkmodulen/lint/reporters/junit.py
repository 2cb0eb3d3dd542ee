"""``--format junit``: JUnit XML for CI systems that show test reports; one testcase per file.

A file fails when it has a finding at or above the fail level; lower findings are kept in its
``system-out`` so nothing is lost.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from wijkmodulen.lint.engine import LintResult
from wijkmodulen.lint.problem import Problem
from wijkmodulen.lint.reporters.common import relative_path
from wijkmodulen.sinks import for_xml


def _line(problem: Problem, base: Path) -> str:
    return for_xml(
        f"{relative_path(problem.file, base)}:{problem.line}:{problem.column}: "
        f"{problem.severity.label} {problem.code} {problem.rule}: {problem.message}"
    )


def format_junit(result: LintResult, base: Path) -> str:
    by_file: dict[Path, list[Problem]] = {path: [] for path in result.files}
    for problem in result.problems:
        by_file.setdefault(problem.file, []).append(problem)
    cases = sorted(by_file.items(), key=lambda item: relative_path(item[0], base))
    failures = sum(1 for _, found in cases if any(p.severity >= result.fail_level for p in found))
    counts = {"tests": str(len(cases)), "failures": str(failures), "errors": "0", "skipped": "0"}
    suites = ET.Element("testsuites", {"name": "wijkmodulen lint", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "wijkmodulen lint", **counts})
    for path, found in cases:
        name = for_xml(relative_path(path, base))
        case = ET.SubElement(suite, "testcase", {"classname": "wijkmodulen.lint", "name": name, "file": name})
        failing = [p for p in found if p.severity >= result.fail_level]
        if failing:
            failure = ET.SubElement(
                case, "failure", {"type": failing[0].code, "message": f"{failing[0].line}:{failing[0].column} "
                                  f"{for_xml(failing[0].message)}"}
            )
            failure.text = "\n".join(_line(p, base) for p in failing)
        rest = [p for p in found if p.severity < result.fail_level]
        if rest:
            ET.SubElement(case, "system-out").text = "\n".join(_line(p, base) for p in rest)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(suites, encoding="unicode")
