"""Runs every enabled rule over a KnowledgeBase and turns findings into positioned Problems."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wijkmodulen.lint.problem import Finding, Problem, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.lint.rules import RULES
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.load.yaml_source import Position
from wijkmodulen.messages import t


@dataclass
class LintResult:
    kb: KnowledgeBase
    problems: list[Problem]
    files_checked: int
    fail_level: Severity = Severity.ERROR
    counts: dict[Severity, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.counts = dict.fromkeys(Severity, 0)
        for problem in self.problems:
            self.counts[problem.severity] += 1

    @property
    def failed(self) -> bool:
        return any(p.severity >= self.fail_level for p in self.problems)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def _position(finding: Finding) -> Position:
    if finding.position is not None:
        return finding.position
    if finding.at_value:
        return finding.source.value_position(finding.path)
    return finding.source.position(finding.path)


def _run_rule(rule: type[Rule], kb: KnowledgeBase) -> Iterable[Problem]:
    instance = rule()
    options = rule.Options()
    try:
        findings = list(instance.check(kb, options))
    except Exception as error:  # noqa: BLE001 -- a broken rule must not take the whole lint down with it
        detail = f"{type(error).__name__}: {error}"
        yield Problem(kb.root, 1, 1, rule.code, Severity.ERROR,
                      t("rule.crashed", code=rule.code, name=rule.name, detail=detail), rule.name)
        return
    for finding in findings:
        position = _position(finding)
        yield Problem(finding.source.path, position.line, position.column, rule.code, rule.severity,
                      finding.message, rule.name)


def lint_knowledge_base(
    kb: KnowledgeBase,
    only: Iterable[Path] | None = None,
    fail_level: Severity = Severity.ERROR,
) -> LintResult:
    """Lint the whole KB; with ``only``, report findings for those files alone (editor on save)."""
    problems: list[Problem] = []
    for rule in RULES.values():
        problems.extend(_run_rule(rule, kb))
    files_checked = len(kb.files) + len(kb.stray_files)
    if only is not None:
        wanted = {path.resolve() for path in only}
        problems = [p for p in problems if p.file.resolve() in wanted]
        files_checked = len(wanted)
    problems.sort(key=lambda p: (str(p.file), p.line, p.column, p.code))
    return LintResult(kb, problems, files_checked, fail_level)
