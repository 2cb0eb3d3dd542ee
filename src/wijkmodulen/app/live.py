"""The KB in memory for an editor: loaded once, then kept up to date one document at a time.

``LiveWorkspace.update(path, text)`` takes the editor's unsaved text of one file, reads and
validates it as the loader would, runs the file rules for that file and the cross-file ("kb")
rules for the whole KB, and returns the problems of every file whose findings changed (the
edited file always, and the files that depend on it). The steps are those of
``lint.engine.lint_knowledge_base`` (the same rules, settings, suppressions and positions), so an
editor shows what ``lint`` reports; placing findings (which composes a file) is done only for
files whose findings changed.
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any

from pydantic import BaseModel

from wijkmodulen import collector
from wijkmodulen.lint.engine import Pending, Suppressor, kb_subset, place, relative_to_kb, rule_findings
from wijkmodulen.lint.problem import Problem
from wijkmodulen.lint.rule import Memo, Rule
from wijkmodulen.lint.rules import RULES
from wijkmodulen.lint.rules.suppression_unused import SuppressionUnused
from wijkmodulen.lint.settings import LintSettings
from wijkmodulen.load.kb import (
    KnowledgeBase,
    LoadIssue,
    add_validated,
    kb_file_kind,
    kb_files,
    kb_order,
    read_guarded,
    read_source,
    validate_source,
)
from wijkmodulen.load.limits import Limits
from wijkmodulen.load.yaml_source import SourceFile
from wijkmodulen.locate import KbLocation


class LiveError(Exception):
    """The workspace cannot be opened (configuration or KB folder); ``message`` is Dutch."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _open_settings(kb: Path | None) -> tuple[KbLocation, LintSettings]:
    """The KB location (root and limits) and lint settings, as the CLI resolves them."""
    from wijkmodulen.config import ConfigError, find_config
    from wijkmodulen.lint.settings import resolve_settings
    from wijkmodulen.locate import locate_kb
    from wijkmodulen.messages import t

    try:
        start = kb if kb is not None and kb.is_dir() else None
        loaded = find_config(start)
        settings = resolve_settings(loaded.config.lint, loaded.path)
        location = locate_kb(kb) if kb is not None else locate_kb()
    except ConfigError as error:
        raise LiveError(t("cli.config_error", path=error.path, detail=error.detail)) from None
    return location, settings


@dataclass
class _File:
    """One file of the KB as last read: from disk, or the editor's unsaved text."""

    source: SourceFile
    model: BaseModel | None
    issues: list[LoadIssue]
    version: int = 0  # 0: as on disk at start; then one more per update


@dataclass
class _Findings:
    """A file's problems before settings and suppressions, with what they were placed from."""

    own: list[Problem] = field(default_factory=list)  # of the file rules
    shared: list[Problem] = field(default_factory=list)  # of the cross-file rules
    shared_key: tuple[Any, ...] = ()  # the unplaced findings ``shared`` came from


def _key(pending: list[Pending]) -> tuple[Any, ...]:
    return tuple((cls.code, f.message, f.path, f.at_value, f.position) for cls, f in pending)


class LiveWorkspace:
    """The loaded KB and its last lint results; see the module docstring."""

    def __init__(self, location: KbLocation, settings: LintSettings) -> None:
        self.root = location.root
        self.limits: Limits = location.limits
        self.settings = settings
        self.kb = KnowledgeBase(root=self.root)
        self._files: dict[Path, _File] = {}
        self._order: list[tuple[int, PurePath]] = []  # kb_order of the files, sorted
        self._findings: dict[Path, _Findings] = {}
        self._kept: dict[Path, list[Problem]] = {}  # after settings and suppressions
        self._used: dict[Path, set[tuple[str, int, str]]] = {}  # suppressions that did their job
        self.problems: dict[Path, list[Problem]] = {}  # what an editor shows, per file
        self._digests: dict[Path, str] = {}
        self._memos: dict[str, Memo] = {}
        self._rules = [cls() for code, cls in RULES.items() if settings.runs(code)]

    @classmethod
    def open(cls, kb: Path | None = None) -> LiveWorkspace:
        location, settings = _open_settings(kb)
        if not location.root.is_dir():
            from wijkmodulen.messages import t

            raise LiveError(t("cli.path_missing", path=location.root))
        location = replace(location, root=location.root.resolve())
        return cls(location, settings)

    # --- loading and linting the whole KB ------------------------------------------------------

    def load(self) -> dict[Path, list[Problem]]:
        """Load and lint the whole KB from disk; the problems of every file (empty lists too)."""
        paths, stray = kb_files(self.root)
        with collector.loading():
            for path in paths:
                source, issue = read_source(path, None, self.limits)
                model, issues = validate_source(self.root, source, issue)
                self._files[path] = _File(source, model, issues)
        self._order = sorted(kb_order(path.relative_to(self.root)) for path in self._files)
        self._stray = stray
        self._rebuild()
        self._digests = dict.fromkeys(self._files, "0")
        own = self._run([rule for rule in self._rules if rule.scope == "file" and not rule.runs_last], self.kb)
        shared = self._run_shared()
        for path in self._files:
            found = _Findings(self._placed(own.get(path, [])), [], _key(shared.get(path, [])))
            found.shared = self._placed(shared.get(path, []))
            self._findings[path] = found
        for path in stray:  # stray files are reported by a file rule, but are no documents
            self._findings[path] = _Findings(self._placed(own.get(path, [])))
        return self._finish(set(self._findings))

    def update(self, path: Path, text: str | None) -> dict[Path, list[Problem]]:
        """Take ``text`` as the content of ``path`` (None: read it from disk again, or forget it
        if it is gone); the problems of every file whose problems changed."""
        if path not in self._files and not self.contains(path):
            return {}
        previous = self._files.get(path)
        if text is None:
            if not path.exists() and not path.is_symlink():
                return self._forget(path)
            source, issue = read_source(path, None, self.limits)
        else:
            source, issue = read_source(path, text.encode("utf-8"), self.limits, on_disk=False)
        model, issues = validate_source(self.root, source, issue)
        version = previous.version + 1 if previous else 1
        self._files[path] = _File(source, model, issues, version)
        self._digests[path] = str(version)
        if previous is None:
            bisect.insort(self._order, kb_order(path.relative_to(self.root)))
        if not self._replace_in_place(previous, self._files[path]):
            self._rebuild()
        return self._relint({path})

    def contains(self, path: Path) -> bool:
        """Whether ``path`` is a YAML file of this KB (whether or not it exists yet)."""
        try:
            relative = path.relative_to(self.root)
        except ValueError:
            return False
        return kb_file_kind(relative) == "yaml"

    def text_of(self, path: Path) -> str | None:
        """The text the KB holds for ``path`` (the editor's, or read again from disk); for a file
        that is not valid UTF-8, its bytes read with replacement characters (as positions count)."""
        entry = self._files.get(path)
        if entry is None:
            return None
        text = entry.source.source_text()
        if not text and entry.source.fingerprint is None:
            raw = read_guarded(path, self.limits)
            if raw:
                return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace").replace("\r\n", "\n")
        return text

    def source_of(self, path: Path) -> SourceFile | None:
        entry = self._files.get(path)
        return entry.source if entry else None

    # --- keeping the KB object up to date -------------------------------------------------------

    def _rebuild(self) -> None:
        kb = KnowledgeBase(root=self.root, stray_files=list(getattr(self, "_stray", [])))
        for _, relative in self._order:
            entry = self._files[self.root / relative]
            add_validated(kb, entry.source, entry.model, entry.issues)
        self.kb = kb

    def _replace_in_place(self, old: _File | None, new: _File) -> bool:
        """Put ``new`` in the KB's indexes where ``old`` was, when nothing else moves: the same kind
        and id, no duplicate involved. False when the KB must be rebuilt."""
        if old is None or old.model is None or new.model is None or type(old.model) is not type(new.model):
            return False
        if getattr(old.model, "id", None) != getattr(new.model, "id", None):
            return False
        if getattr(old.model, "soort", None) != getattr(new.model, "soort", None):
            return False
        if any(old.source is entry.source or old.source is first for _, entry, first in self.kb.duplicate_ids):
            return False
        from wijkmodulen.load.kb import Entry

        kb = self.kb
        if kb.bronnen is not None and kb.bronnen.source is old.source:
            kb.bronnen = Entry(new.model, new.source)  # type: ignore[arg-type]
        else:
            index = next((i for i in _indexes(kb) if old.model.id in i), None)  # type: ignore[attr-defined]
            if index is None or index[old.model.id].source is not old.source:  # type: ignore[attr-defined]
                return False
            index[old.model.id] = Entry(new.model, new.source)  # type: ignore[attr-defined]
        kb.files[kb.files.index(old.source)] = new.source
        kb.issues = [issue for issue in kb.issues if issue.source is not old.source]
        return True

    def _forget(self, path: Path) -> dict[Path, list[Problem]]:
        del self._files[path]
        self._order.remove(kb_order(path.relative_to(self.root)))
        self._rebuild()
        return self._relint({path}, gone=path)

    # --- linting --------------------------------------------------------------------------------

    def _run(self, rules: Iterable[Rule], kb: KnowledgeBase) -> dict[Path, list[Pending]]:
        """The findings of ``rules`` on ``kb`` per file, except those switched off for their file."""
        by_file: dict[Path, list[Pending]] = {}
        for rule in rules:
            found, crashed = rule_findings(rule, kb, self.settings)
            for problem in crashed:  # reported at the KB folder by lint; an editor has no place for it
                print(problem.message, file=sys.stderr)
            for cls, finding in found:
                if self.settings.for_file(cls.code, relative_to_kb(finding.source.path, self.root)) is None:
                    continue
                by_file.setdefault(finding.source.path, []).append((cls, finding))
        return by_file

    def _run_shared(self) -> dict[Path, list[Pending]]:
        rules = []
        for rule in self._rules:
            if rule.scope != "kb" or rule.runs_last:
                continue
            # The cross-file rules keep what they computed from a few files (schakel-drift: a pair)
            # under those files' versions, as with the lint cache.
            previous = self._memos.get(rule.code)
            rule.memo = self._memos[rule.code] = Memo(self._digests, previous.used if previous else {})
            rules.append(rule)
        return self._run(rules, self.kb)

    def _placed(self, pending: list[Pending]) -> list[Problem]:
        return place(pending) if pending else []

    def _relint(self, changed: set[Path], gone: Path | None = None) -> dict[Path, list[Problem]]:
        for path in changed:
            if path == gone:
                self._findings.pop(path, None)
                continue
            own = self._run([r for r in self._rules if r.scope == "file" and not r.runs_last],
                            kb_subset(self.kb, {path}))
            self._findings.setdefault(path, _Findings()).own = self._placed(own.get(path, []))
        shared = self._run_shared()
        for path in self._files:
            pending = shared.get(path, [])
            key = _key(pending)
            found = self._findings.setdefault(path, _Findings())
            if path in changed or key != found.shared_key:
                found.shared, found.shared_key = self._placed(pending), key
                changed.add(path)
        return self._finish(changed)

    def _finish(self, changed: set[Path]) -> dict[Path, list[Problem]]:
        """Apply settings and suppressions to the files in ``changed``, then judge the unused
        suppressions of every file; the problems of the files whose problems changed."""
        for path in changed:
            found = self._findings.get(path)
            if found is None:
                self._kept.pop(path, None)
                self._used.pop(path, None)
                continue
            source = self._files[path].source if path in self._files else SourceFile(path, "")
            suppressor = Suppressor(KnowledgeBase(root=self.root, files=[source]))
            self._kept[path] = [
                problem for problem in map(self._with_severity, found.own + found.shared)
                if problem is not None and not suppressor.silences(problem)
            ]
            self._used[path] = suppressor.used
        unused = self._unused()
        result: dict[Path, list[Problem]] = {}
        for path in set(self._kept) | changed | set(self.problems):
            problems = sorted(self._kept.get(path, []) + unused.get(path, []),
                              key=lambda p: (p.line, p.column, p.code))
            if path in changed or problems != self.problems.get(path):
                result[path] = problems
                self.problems[path] = problems
        return result

    def _with_severity(self, problem: Problem) -> Problem | None:
        severity = self.settings.for_file(problem.code, relative_to_kb(problem.file, self.root))
        if severity is None:
            return None
        return replace(problem, severity=severity) if severity != problem.severity else problem

    def _unused(self) -> dict[Path, list[Problem]]:
        rule = next((r for r in self._rules if isinstance(r, SuppressionUnused)), None)
        if rule is None:
            return {}
        rule.used = set().union(*self._used.values()) if self._used else set()
        with_comments = [str(s.path) for s in self.kb.files if s.suppressions.items]
        rule.active = {
            (key, code) for key in with_comments for code in RULES
            if self.settings.for_file(code, relative_to_kb(Path(key), self.root)) is not None
        }
        by_file: dict[Path, list[Problem]] = {}
        for problem in self._finished(rule):
            by_file.setdefault(problem.file, []).append(problem)
        return by_file

    def _finished(self, rule: SuppressionUnused) -> list[Problem]:
        found, _ = rule_findings(rule, self.kb, self.settings)
        checked = (self._with_severity(problem) for problem in place(found))
        return [problem for problem in checked if problem is not None]


def _indexes(kb: KnowledgeBase) -> list[dict[str, Any]]:
    return [kb.modules, kb.scw_themas, kb.scw_competenties, kb.generieke_competenties,
            kb.kennisdomeinen, kb.doelgroepen, kb.inleiding]
