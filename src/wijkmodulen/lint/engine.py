"""Runs every enabled rule over a KnowledgeBase and turns findings into positioned Problems.

Order of work: run the rules (the configured options), place each finding, apply the per-path
settings (off, or another severity), drop what a suppression comment silences, then let the
unused-suppression rule see what was used. ``only`` narrows the report, never the checking, so
references are always resolved against the whole KB.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wijkmodulen.lint.problem import Finding, Problem, Severity
from wijkmodulen.lint.registry import REGISTRY, RULES
from wijkmodulen.lint.rule import Rule
from wijkmodulen.lint.rules.suppression_unused import SuppressionUnused, UsedKey
from wijkmodulen.lint.settings import LintSettings, resolve_code
from wijkmodulen.load.kb import Entry, KnowledgeBase
from wijkmodulen.load.suppressions import Suppression
from wijkmodulen.load.yaml_source import Position, SourceFile
from wijkmodulen.messages import t
from wijkmodulen.model import kinds

if TYPE_CHECKING:
    from wijkmodulen.lint.cache import LintCache
    from wijkmodulen.lint.registry import BrokenPlugin


@dataclass
class LintResult:
    kb: KnowledgeBase
    problems: list[Problem]
    files_checked: int
    fail_level: Severity = Severity.ERROR
    suppressed: int = 0
    files: list[Path] = field(default_factory=list)  # the files reported on, for per-file reporters
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


Pending = tuple[type[Rule], Finding]


def _findings(rule: Rule, kb: KnowledgeBase, settings: LintSettings) -> tuple[list[Pending], list[Problem]]:
    """A rule's findings, not yet placed, or the problem of a rule that crashed."""
    cls = type(rule)
    try:
        return [(cls, finding) for finding in rule.check(kb, settings.options_for(cls))], []
    except Exception as error:  # noqa: BLE001 -- a broken rule must not take the whole lint down with it
        detail = f"{type(error).__name__}: {error}"
        return [], [Problem(kb.root, 1, 1, cls.code, Severity.ERROR,
                            t("rule.crashed", code=cls.code, name=cls.name, detail=detail), cls.name)]


def _place(pending: Iterable[Pending]) -> list[Problem]:
    """Problems with positions, in the order of ``pending``. Positions are looked up per file in
    one go: one composition of each file with findings, not kept afterwards."""
    items = list(pending)
    problems: list[Problem | None] = [None] * len(items)
    by_source: dict[int, tuple[SourceFile, list[int]]] = {}
    for index, (cls, finding) in enumerate(items):
        if finding.position is not None:
            problems[index] = _problem(cls, finding, finding.position)
        else:
            by_source.setdefault(id(finding.source), (finding.source, []))[1].append(index)
    for source, indices in by_source.values():
        positions = source.positions([(items[i][1].path, items[i][1].at_value) for i in indices])
        for index, position in zip(indices, positions, strict=True):
            problems[index] = _problem(*items[index], position)
    return [problem for problem in problems if problem is not None]


def _problem(cls: type[Rule], finding: Finding, position: Position) -> Problem:
    return Problem(finding.source.path, position.line, position.column, cls.code, cls.severity,
                   finding.message, cls.name)


def _run_rule(rule: Rule, kb: KnowledgeBase, settings: LintSettings) -> list[Problem]:
    pending, crashed = _findings(rule, kb, settings)
    return crashed + _place(pending)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


class _Suppressor:
    """Looks up suppression comments per file and remembers which ones did their job."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.by_file: dict[str, tuple[Suppression, ...]] = {
            str(source.path): source.suppressions.items for source in kb.files if source.suppressions.items
        }
        self.used: set[UsedKey] = set()

    def silences_file(self, source: SourceFile, code: str) -> bool:
        """Whether a whole-file suppression silences ``code`` in ``source`` whatever the line: the
        first comment naming the rule is one (then it did its job). False when there is none, or
        when a comment for one line comes first (then the line decides: see ``silences``)."""
        key = str(source.path)
        for item in self.by_file.get(key, ()):
            if item.misplaced or not any(resolve_code(reference) == code for reference in item.rules):
                continue
            if item.target is None:
                self.used.add((key, item.line, code))
                return True
            return False
        return False

    def silences(self, problem: Problem) -> bool:
        key = str(problem.file)
        for item in self.by_file.get(key, ()):
            if item.misplaced or (item.target is not None and item.target != problem.line):
                continue
            if any(resolve_code(reference) == problem.code for reference in item.rules):
                self.used.add((key, item.line, problem.code))
                return True
        return False


def lint_knowledge_base(
    kb: KnowledgeBase,
    only: Iterable[Path] | None = None,
    fail_level: Severity | None = None,
    settings: LintSettings | None = None,
    cache: LintCache | None = None,
) -> LintResult:
    """Lint the whole KB; with ``only``, report findings for those files alone (editor on save).

    With ``cache`` (the KB loaded by ``cache.load_with_cache``), the file rules run only on files
    read anew; the other files' problems of those rules come from the cache."""
    settings = settings or LintSettings()
    suppressor = _Suppressor(kb)
    problems: list[Problem] = []
    suppressed = 0
    late: list[Rule] = []

    def unplaced(found: Iterable[Pending]) -> Iterator[Pending]:
        """The findings that need a position: not off for their file, not silenced by a
        whole-file suppression (both are decided without one, and places cost time)."""
        nonlocal suppressed
        for cls, finding in found:
            if settings.for_file(cls.code, _relative(finding.source.path, kb.root)) is None:
                continue
            if suppressor.silences_file(finding.source, cls.code):
                suppressed += 1
                continue
            yield cls, finding

    def keep(found: Iterable[Problem], suppressible: bool = True) -> None:
        nonlocal suppressed
        for problem in found:
            severity = settings.for_file(problem.code, _relative(problem.file, kb.root))
            if severity is None:
                continue
            if suppressible and suppressor.silences(problem):
                suppressed += 1
                continue
            problems.append(replace(problem, severity=severity) if severity != problem.severity else problem)

    file_rules: list[Rule] = []
    pending: list[Pending] = []
    for code, rule_class in RULES.items():
        if not settings.runs(code):
            continue
        rule = rule_class()
        rule.registry = RULES
        if cache is not None:
            rule.memo = cache.memo(code)
        if rule_class.runs_last:
            late.append(rule)
            continue
        if cache is not None and rule_class.scope == "file":
            file_rules.append(rule)
            continue
        found, crashed = _findings(rule, kb, settings)
        keep(crashed)
        pending.extend(found)
    keep(_place(unplaced(pending)))
    del pending
    if cache is not None:
        keep(_file_rules_with_cache(file_rules, kb, settings, cache))
    for rule in late:
        if isinstance(rule, SuppressionUnused):
            rule.used = suppressor.used
            # Only files with suppression comments can have unused ones; most files have none.
            if settings.overrides:
                rule.active = {
                    (key, code)
                    for key in suppressor.by_file
                    for code in RULES
                    if settings.for_file(code, _relative(Path(key), kb.root)) is not None
                }
            else:  # without per-path overrides a rule is on or off everywhere alike
                on = [code for code in RULES if settings.for_file(code, "") is not None]
                rule.active = {(key, code) for key in suppressor.by_file for code in on}
        # An unused-suppression finding cannot itself be silenced by the comment it is about.
        keep(_run_rule(rule, kb, settings), suppressible=False)

    if REGISTRY.broken and settings.runs(PLUGIN):
        keep([_broken_plugin(kb, broken) for broken in REGISTRY.broken], suppressible=False)

    reported = [source.path for source in kb.files] + list(kb.stray_files)
    if only is not None:
        wanted = {path.resolve() for path in only}
        problems = [p for p in problems if p.file.resolve() in wanted]
        reported = [path for path in reported if path.resolve() in wanted]
    problems.sort(key=lambda p: (str(p.file), p.line, p.column, p.code))
    level = fail_level or settings.fail_level or Severity.ERROR
    return LintResult(kb, problems, len(reported), level, suppressed, sorted(reported))


PLUGIN = "WM007"


def _broken_plugin(kb: KnowledgeBase, broken: BrokenPlugin) -> Problem:
    plugin = broken.plugin
    message = t("rule.plugin_broken", entry=plugin.entry_point, distribution=plugin.distribution,
                version=plugin.version, detail=broken.detail)
    return Problem(kb.root, 1, 1, PLUGIN, RULES[PLUGIN].severity, message, RULES[PLUGIN].name)


def _file_rules_with_cache(
    rules: list[Rule], kb: KnowledgeBase, settings: LintSettings, cache: LintCache
) -> list[Problem]:
    """The file rules' problems: run on the files read anew, taken from the cache for the rest."""
    problems: list[Problem] = []
    fresh: list[SourceFile] = []
    for source in kb.files:
        relative = cache.relative(source.path)
        stored = cache.cached_problems(relative)
        if stored is None:
            fresh.append(source)
            continue
        problems.extend(Problem(source.path, *item) for item in stored)
    subset = _subset(kb, {source.path for source in fresh})
    found: list[Problem] = []
    for rule in rules:
        found.extend(_run_rule(rule, subset, settings))
    by_file: dict[Path, list[Problem]] = {source.path: [] for source in fresh}
    for problem in found:
        if problem.file in by_file:
            by_file[problem.file].append(problem)
    for path, own in by_file.items():
        cache.store_problems(cache.relative(path), own)
    return problems + found


def _subset(kb: KnowledgeBase, paths: set[Path]) -> KnowledgeBase:
    """The part of ``kb`` made of the files at ``paths`` (indexed as in ``kb``), and every stray file."""

    def part(index: dict[str, Entry[Any]]) -> dict[str, Entry[Any]]:
        return {key: entry for key, entry in index.items() if entry.source.path in paths}

    subset = KnowledgeBase(
        root=kb.root,
        files=[source for source in kb.files if source.path in paths],
        issues=[issue for issue in kb.issues if issue.source.path in paths],
        duplicate_ids=kb.duplicate_ids,
        stray_files=kb.stray_files,
        unloaded_ids=kb.unloaded_ids,
    )
    for index in kinds.indexes():  # every index of the kinds table, built-in or added
        subset.index(index.name).update(part(kb.index(index.name)))
    if kb.bronnen is not None and kb.bronnen.source.path in paths:
        subset.bronnen = kb.bronnen
    return subset


def merge_results(results: list[LintResult]) -> LintResult:
    """One result for several KBs linted in one command (files given from different KBs)."""
    if len(results) == 1:
        return results[0]
    problems = [problem for result in results for problem in result.problems]
    return LintResult(
        results[0].kb,
        problems,
        sum(result.files_checked for result in results),
        results[0].fail_level,
        sum(result.suppressed for result in results),
        [path for result in results for path in result.files],
    )


def restrict_to_files(result: LintResult, files: set[Path]) -> LintResult:
    """The findings of ``result`` in ``files`` only (absolute paths), for pull-request mode: the whole
    KB was linted, so cross-file findings are right, but only the changed files are reported.
    Findings that belong to no file (a crashed rule is reported at the KB folder) are always kept."""
    resolved = {path.resolve() for path in files}

    def kept(path: Path) -> bool:
        return path.is_dir() or path.resolve() in resolved

    return LintResult(
        result.kb,
        [problem for problem in result.problems if kept(problem.file)],
        result.files_checked,
        result.fail_level,
        result.suppressed,
        [path for path in result.files if kept(path)],
    )


# The steps above, for the editor's live pipeline (app/live.py), which runs them file by file.
rule_findings = _findings
place = _place
Suppressor = _Suppressor
kb_subset = _subset
relative_to_kb = _relative
broken_plugin = _broken_plugin
