"""``--format junit``: JUnit XML for CI systems that show test reports; one testcase per file.

Valid against the Jenkins/Ant JUnit schema (junit-10.xsd, which most CI systems read). A file fails
when it has a finding at or above the fail level: each such finding is a ``<failure>`` of its own
(type: the rule code; message: where and what); lower findings are kept in its ``system-out`` so
nothing is lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wijkmodulen.lint.problem import Problem
from wijkmodulen.lint.reporters.base import LintReporter
from wijkmodulen.lint.reporters.common import relative_path
from wijkmodulen.sinks import for_xml

if TYPE_CHECKING:
    from wijkmodulen.lint.engine import LintResult

SUITE = "wijkmodulen lint"


def _line(problem: Problem, base: Path) -> str:
    return for_xml(
        f"{relative_path(problem.file, base)}:{problem.line}:{problem.column}: "
        f"{problem.severity.label} {problem.code} {problem.rule}: {problem.message}"
    )


def format_junit(result: LintResult, base: Path) -> str:
    import xml.etree.ElementTree as ET  # here, not at the top: `lint --help` imports this module

    by_file: dict[Path, list[Problem]] = {path: [] for path in result.files}
    for problem in result.problems:
        by_file.setdefault(problem.file, []).append(problem)
    cases = sorted(by_file.items(), key=lambda item: relative_path(item[0], base))
    failures = sum(1 for _, found in cases if any(p.severity >= result.fail_level for p in found))
    counts = {"tests": str(len(cases)), "failures": str(failures), "errors": "0"}
    suites = ET.Element("testsuites", {"name": SUITE, **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": SUITE, **counts, "skipped": "0"})
    for path, found in cases:
        case = ET.SubElement(suite, "testcase", {"classname": "wijkmodulen.lint", "name": for_xml(relative_path(path, base))})
        for problem in found:
            if problem.severity >= result.fail_level:
                failure = ET.SubElement(
                    case, "failure", {"type": problem.code, "message": for_xml(f"{problem.line}:{problem.column} {problem.message}")}
                )
                failure.text = _line(problem, base)
        rest = [p for p in found if p.severity < result.fail_level]
        if rest:
            ET.SubElement(case, "system-out").text = "\n".join(_line(p, base) for p in rest)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(suites, encoding="unicode")


REPORTERS = (LintReporter("junit", "lint.reporter.junit", lambda result, base, summary: format_junit(result, base),
                          order=5),)
