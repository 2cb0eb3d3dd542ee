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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any

from pydantic import BaseModel

from wijkmodulen import collector
from wijkmodulen.errors import WijkmodulenError
from wijkmodulen.io.reader import read_guarded
from wijkmodulen.lint.engine import (
    PLUGIN,
    Pending,
    Suppressor,
    broken_plugin,
    kb_subset,
    place,
    relative_to_kb,
    rule_findings,
)
from wijkmodulen.lint.problem import Problem
from wijkmodulen.lint.registry import REGISTRY, RULES  # built-in and plugin rules alike
from wijkmodulen.lint.rule import Memo, Rule
from wijkmodulen.lint.rules.suppression_unused import SuppressionUnused
from wijkmodulen.lint.settings import LintSettings
from wijkmodulen.load.kb import (
    BRONNEN_FILE,
    Entry,
    KnowledgeBase,
    LoadIssue,
    add_validated,
    id_of_unloaded,
    kb_file_kind,
    kb_files,
    kb_order,
    read_source,
    validate_source,
)
from wijkmodulen.load.limits import Limits
from wijkmodulen.load.yaml_source import SourceFile
from wijkmodulen.locate import KbLocation
from wijkmodulen.model import Bronnen, Module, ScwCompetentie, kinds

# Files whose findings are made final together at start (then published): small enough that the
# first ones come early, large enough that running each file rule once per batch costs nothing.
START_BATCH = 500


class LiveError(WijkmodulenError):
    """The workspace cannot be opened (configuration or KB folder); ``message`` is Dutch."""


def _open_settings(kb: Path | None) -> tuple[KbLocation, LintSettings]:
    """The KB location (root and limits) and lint settings, opened as every front end opens them
    (``Workspace.open``: the same config discovery, the same limits)."""
    from wijkmodulen.app.workspace import Workspace

    try:
        workspace = Workspace.open(kb, must_exist=False)
        return workspace.location, workspace.settings
    except WijkmodulenError as error:
        raise LiveError(error.message) from None


def kb_ids(location: KbLocation) -> dict[str, list[str]]:
    """The ids of the KB at ``location`` per kind (modules, competenties, kennisdomeinen,
    doelgroepen, scw_themas), sorted; for the JSON Schema with ids."""
    from wijkmodulen.load.kb import load_knowledge_base

    kb = load_knowledge_base(location.root, location.limits)
    attributes = ("modules", "competenties", "kennisdomeinen", "doelgroepen", "scw_themas")
    return {kind: sorted(getattr(kb, kind)) for kind in attributes}


@dataclass(slots=True)
class _File:
    """One file of the KB as last read: from disk, or the editor's unsaved text."""

    source: SourceFile
    model: BaseModel | None
    issues: list[LoadIssue]
    version: int = 0  # 0: as on disk at start; then one more per update


@dataclass
class _Findings:
    """A file's problems before settings and suppressions: of the file rules, and per cross-file
    rule with the unplaced findings they were placed from (to tell whether they changed)."""

    own: list[Problem] = field(default_factory=list)
    shared: dict[str, tuple[list[Pending], list[Problem]]] = field(default_factory=dict)

    def problems(self) -> list[Problem]:
        return self.own + [problem for _, placed in self.shared.values() for problem in placed]


def _key(pending: list[Pending]) -> tuple[Any, ...]:
    return tuple((cls.code, f.message, f.path, f.at_value, f.position) for cls, f in pending)


class LiveWorkspace:
    """The loaded KB and its last lint results; see the module docstring."""

    def __init__(self, location: KbLocation, settings: LintSettings) -> None:
        self.root = location.root
        self.limits: Limits = location.limits
        self.settings = settings
        self.kb: KnowledgeBase = _LiveKb(root=self.root)
        self._files: dict[Path, _File] = {}
        self._order: list[tuple[int, PurePath]] = []  # kb_order of the files, sorted
        self._findings: dict[Path, _Findings] = {}
        self._kept: dict[Path, list[Problem]] = {}  # after settings and suppressions
        self._used: dict[Path, set[tuple[str, int, str]]] = {}  # suppressions that did their job
        self.problems: dict[Path, list[Problem]] = {}  # what an editor shows, per file
        self._digests: dict[Path, str] = {}
        self._by_id: dict[str, set[Path]] = {}  # the files of each id
        self._referrers: dict[str, set[Path]] = {}  # the files that name each id
        self._counterpart_of: dict[str, set[Path]] = {}  # the files that name each id as counterpart
        self._position: dict[Path, int] = {}  # of each file in kb.files
        self._stray: list[Path] = []
        self._reported: dict[str, set[Path]] = {}  # per cross-file rule, the files it reported on
        self._memos: dict[str, Memo] = {}
        self._on: list[str] | None = None  # the rules on everywhere, without per-path settings
        # Rules that raised, per code: the file a file rule raised on (None: a run over the whole
        # KB), with the problem lint reports for it at the KB folder.
        self._crashes: dict[str, dict[Path | None, Problem]] = {}
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

    def load(self) -> Iterator[dict[Path, list[Problem]]]:
        """Load and lint the whole KB from disk; the problems of every file (empty lists too),
        batch by batch in KB order. Each batch is final: the cross-file rules run first, then the
        file rules on one batch of files at a time (as lint runs them on the files its cache does
        not have), so an editor shows the first files' findings while the rest is checked."""
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
        for path, entry in self._files.items():
            self._index_names(path, entry)
        self._run_shared(set(), None)
        file_rules = [rule for rule in self._rules if rule.scope == "file" and not rule.runs_last]
        order = [source.path for source in self.kb.files]
        raised: dict[str, Problem] = {}  # file rules that raised: lint reports none of their findings
        covered: set[Path] = set()
        for first in range(0, max(len(order), 1), START_BATCH):
            batch = set(order[first:first + START_BATCH]) | (set(stray) if first == 0 else set())
            own = self._run(file_rules, kb_subset(self.kb, batch), raised=raised)
            for path, pending in own.items():  # stray files too (in the first batch): a file rule reports them
                kept = [(cls, finding) for cls, finding in pending if cls.code not in raised]
                if path in batch and kept:
                    self._findings.setdefault(path, _Findings()).own = self._placed(kept)
            yield self._finish(batch)
            covered |= batch
        rest = set(self._findings) - covered  # findings on a path that is no file of the KB
        if rest:
            yield self._finish(rest)
        if raised:
            yield self._file_rules_raised(file_rules, raised)

    def _file_rules_raised(self, rules: list[Rule], raised: dict[str, Problem]) -> dict[Path, list[Problem]]:
        """After a start on which file rules raised: their findings in the batches before go (lint
        has none of them), and the crash is placed at the files that make them raise."""
        earlier = {path for path, found in self._findings.items() if any(p.code in raised for p in found.own)}
        for path in earlier:
            self._findings[path].own = [problem for problem in self._findings[path].own if problem.code not in raised]
        for code, problem in raised.items():
            print(problem.message, file=sys.stderr, flush=True)  # one line, as for a crash while editing
            self._crashes[code] = {None: problem}
        self._locate_crashes(rules)
        return self._finish(earlier)

    def _locate_crashes(self, rules: list[Rule]) -> None:
        """The files a file rule that raised on the whole KB raises on, each on its own: an edit
        re-runs the rule on one file, and that tells whether the crash is still there."""
        for rule in rules:
            crashes = self._crashes.get(rule.code)
            if not crashes or None not in crashes:
                continue
            whole = crashes[None]
            for path in self._files:
                if rule_findings(rule, self._part(path), self.settings)[1]:
                    crashes[path] = whole  # the problem lint reports, for the first file it raised on
            if len(crashes) > 1:
                del crashes[None]

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
        if previous is not None:
            self._unindex_names(path, previous)
        self._files[path] = _File(source, model, issues, version)
        self._index_names(path, self._files[path])
        self._digests[path] = str(version)
        if previous is None:
            bisect.insort(self._order, kb_order(path.relative_to(self.root)))
        had_issues = bool(self.kb.issues)
        if not self._replace_in_place(previous, self._files[path]):
            self._rebuild()
        focus = self._focus(path, previous, self._files[path])
        return self._relint({path}, focus, judge_all=had_issues != bool(self.kb.issues),
                            links_changed=_links(previous) != _links(self._files[path]))

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
        kb = _LiveKb(root=self.root, stray_files=list(self._stray))
        for _, relative in self._order:
            entry = self._files[self.root / relative]
            add_validated(kb, entry.source, entry.model, entry.issues)
        self.kb = kb
        self._position = {source.path: index for index, source in enumerate(kb.files)}

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
        kb = self.kb
        if kb.bronnen is not None and kb.bronnen.source is old.source:
            kb.bronnen = Entry(new.model, new.source)  # type: ignore[arg-type]
        else:
            index = next((i for i in _indexes(kb) if old.model.id in i), None)  # type: ignore[attr-defined]
            if index is None or index[old.model.id].source is not old.source:  # type: ignore[attr-defined]
                return False
            index[old.model.id] = Entry(new.model, new.source)  # type: ignore[attr-defined]
        kb.files[self._position[new.source.path]] = new.source
        if isinstance(kb, _LiveKb) and _order_key(old.model) != _order_key(new.model):
            kb.order = None
        kb.issues = [issue for issue in kb.issues if issue.source is not old.source]
        return True

    def _forget(self, path: Path) -> dict[Path, list[Problem]]:
        previous = self._files.pop(path)
        self._unindex_names(path, previous)
        self._order.remove(kb_order(path.relative_to(self.root)))
        had_issues = bool(self.kb.issues)
        self._rebuild()
        focus = self._focus(path, previous, None)
        return self._relint({path}, focus, gone=path, judge_all=had_issues != bool(self.kb.issues))

    # --- which files an edit can affect -------------------------------------------------------------

    def _index_names(self, path: Path, entry: _File) -> None:
        named, counterparts = _names(entry.model)
        for identifier in _ids(entry):
            self._by_id.setdefault(identifier, set()).add(path)
        for identifier in named:
            self._referrers.setdefault(identifier, set()).add(path)
        for identifier in counterparts:
            self._counterpart_of.setdefault(identifier, set()).add(path)

    def _unindex_names(self, path: Path, entry: _File) -> None:
        named, counterparts = _names(entry.model)
        for identifier in _ids(entry):
            self._by_id.get(identifier, set()).discard(path)
        for identifier in named:
            self._referrers.get(identifier, set()).discard(path)
        for identifier in counterparts:
            self._counterpart_of.get(identifier, set()).discard(path)

    def _focus(self, path: Path, old: _File | None, new: _File | None) -> set[str] | None:
        """The ids whose findings of the focused rules an edit of ``path`` can change: the file's
        own (before and after), those of the files that name them, and the counterparts of all of
        these (a pair of counterparts is judged together). None: every id (an edit of the sources
        list, which every file's ``bron`` names)."""
        if path.name == BRONNEN_FILE and path.parent == self.root:
            return None
        ids: set[str] = set()
        for entry in (old, new):
            if entry is not None:
                ids |= _ids(entry)
        files = {path}
        for identifier in ids:
            files |= self._referrers.get(identifier, set())
        focus: set[str] = set()
        pending = list(files)
        while pending:  # close over counterparts, both ways
            current = self._files.get(pending.pop())
            if current is None:
                continue
            own = _ids(current)
            focus |= own
            linked: set[Path] = set()
            for identifier in _names(current.model)[1]:
                linked |= self._by_id.get(identifier, set())
            for identifier in own:
                linked |= self._counterpart_of.get(identifier, set())
            pending.extend(linked - files)
            files |= linked
        return focus | ids

    # --- linting --------------------------------------------------------------------------------

    def _run(self, rules: Iterable[Rule], kb: KnowledgeBase, where: Path | None = None,
             raised: dict[str, Problem] | None = None) -> dict[Path, list[Pending]]:
        """The findings of ``rules`` on ``kb`` per file, except those switched off for their file;
        ``where``: the one file ``kb`` is made of (None: the whole KB); ``raised``: where to
        collect the rules that raise instead (a start, batch by batch)."""
        by_file: dict[Path, list[Pending]] = {}
        for rule in rules:
            found, crashed = rule_findings(rule, kb, self.settings)
            if raised is None:
                self._note_crash(rule.code, where, crashed[0] if crashed else None)
            elif crashed:
                raised.setdefault(rule.code, crashed[0])
            for cls, finding in found:
                if self.settings.for_file(cls.code, relative_to_kb(finding.source.path, self.root)) is None:
                    continue
                by_file.setdefault(finding.source.path, []).append((cls, finding))
        return by_file

    def _note_crash(self, code: str, where: Path | None, crashed: Problem | None) -> None:
        crashes = self._crashes.setdefault(code, {})
        if crashed is None:
            crashes.pop(where, None)
            return
        if not crashes:  # one line on stderr when a rule starts raising, not on every keystroke
            print(crashed.message, file=sys.stderr, flush=True)
        crashes[where] = crashed

    def _crash_problems(self) -> list[Problem]:
        """What lint reports at the KB folder: one problem per rule that raised (the first file
        it raised on), and one per plugin rule that could not be loaded."""
        found = [min(crashes.items(), key=lambda item: str(item[0] or ""))[1]
                 for crashes in self._crashes.values() if crashes]
        if REGISTRY.broken and self.settings.runs(PLUGIN):
            found.extend(broken_plugin(self.kb, broken) for broken in REGISTRY.broken)
        checked = (self._with_severity(problem) for problem in found)
        return sorted((problem for problem in checked if problem is not None), key=lambda p: (p.line, p.column, p.code))

    def _run_shared(self, changed: set[Path], focus: set[str] | None, links_changed: bool = True) -> set[Path]:
        """Run the cross-file rules (the focused ones on ``focus`` only, those about links only when
        the links changed); store what changed, and return the files whose findings changed
        (``changed`` always)."""
        touched = set(changed)
        for rule in self._rules:
            if rule.scope != "kb" or rule.runs_last:
                continue
            if rule.links_only and not links_changed:
                self._replace_sources(rule.code, changed)
                continue
            # The cross-file rules keep what they computed from a few files (schakel-drift: a pair)
            # under those files' versions, as with the lint cache.
            previous = self._memos.get(rule.code)
            rule.memo = self._memos[rule.code] = Memo(self._digests, previous.used if previous else {})
            # a rule that raised runs on the whole KB again: a part of it may not show the crash
            narrowed = rule.focused and focus is not None and not self._crashes.get(rule.code)
            self.kb.focus = focus if narrowed else None
            try:
                found = self._run([rule], self.kb)
            finally:
                self.kb.focus = None
            checked = None
            if narrowed and focus is not None:
                checked = {path for identifier in focus for path in self._by_id.get(identifier, ())}
            before = self._reported.get(rule.code, set())
            candidates = {path for path in (checked if checked is not None else set(found) | before) | changed
                          if path in self._files}
            to_place: dict[Path, list[Pending]] = {}
            for path in candidates:
                pending = found.get(path, [])
                findings = self._findings.get(path)
                stored = findings.shared.get(rule.code) if findings else None
                if path in changed or _key(stored[0] if stored else []) != _key(pending):
                    to_place[path] = pending
                    touched.add(path)
            for path, pending in to_place.items():
                if pending:
                    self._findings.setdefault(path, _Findings()).shared[rule.code] = (pending, self._placed(pending))
                elif path in self._findings:
                    self._findings[path].shared.pop(rule.code, None)
            reported = {path for path in candidates if found.get(path)}
            self._reported[rule.code] = (before - candidates) | reported if checked is not None else reported
        return touched

    def _replace_sources(self, code: str, changed: set[Path]) -> None:
        """The findings of a rule that was not run again, placed anew in the edited files' text
        (the same findings: the rule looks at what the edit left alone)."""
        for path in changed:
            stored = self._findings[path].shared.get(code) if path in self._findings else None
            if not stored or not stored[0] or path not in self._files:
                continue
            source = self._files[path].source
            pending = [(cls, replace(finding, source=source)) for cls, finding in stored[0]]
            self._findings[path].shared[code] = (pending, self._placed(pending))

    def _part(self, path: Path) -> KnowledgeBase:
        """The KB of the one file at ``path``, as ``kb_subset`` makes it, without a walk over the KB."""
        entry = self._files[path]
        identifier = getattr(entry.model, "id", None)
        indexed = {
            id(index) for index in _indexes(self.kb)
            if isinstance(identifier, str) and identifier in index and index[identifier].source is entry.source
        }
        if not indexed and entry.model is not None and not isinstance(entry.model, Bronnen):
            return kb_subset(self.kb, {path})  # not in an index (a duplicate id, say): as lint does it
        part = KnowledgeBase(root=self.root, stray_files=self.kb.stray_files, duplicate_ids=self.kb.duplicate_ids,
                             unloaded_ids=self.kb.unloaded_ids)
        part.files = [entry.source]
        part.issues = list(entry.issues)
        for mine, theirs in zip(_indexes(part), _indexes(self.kb), strict=True):
            if id(theirs) in indexed and isinstance(identifier, str):
                mine[identifier] = theirs[identifier]
        if self.kb.bronnen is not None and self.kb.bronnen.source is entry.source:
            part.bronnen = self.kb.bronnen
        return part

    def _placed(self, pending: list[Pending]) -> list[Problem]:
        return place(pending) if pending else []

    def _relint(self, changed: set[Path], focus: set[str] | None, gone: Path | None = None,
                judge_all: bool = False, links_changed: bool = True) -> dict[Path, list[Problem]]:
        for path in changed:
            if path == gone:
                self._findings.pop(path, None)
                for crashes in self._crashes.values():
                    crashes.pop(path, None)
                continue
            own = self._run([r for r in self._rules if r.scope == "file" and not r.runs_last], self._part(path), path)
            self._findings.setdefault(path, _Findings()).own = self._placed(own.get(path, []))
        touched = self._run_shared(changed - {gone} if gone else changed, focus, links_changed)
        if gone is not None:
            touched.add(gone)
        return self._finish(touched, judge_all)

    def _finish(self, changed: set[Path], judge_all: bool = False) -> dict[Path, list[Problem]]:
        """Apply settings and suppressions to the files in ``changed``, then judge the unused
        suppressions there (everywhere with ``judge_all``: the KB went from loading cleanly to
        not, or back, which decides whether they can be judged); the problems of every file
        whose problems changed."""
        for path in changed:
            found = self._findings.get(path)
            if found is None:
                self._kept.pop(path, None)
                self._used.pop(path, None)
                continue
            source = self._files[path].source if path in self._files else SourceFile(path, "")
            suppressor = Suppressor(KnowledgeBase(root=self.root, files=[source]))
            kept = [
                problem for problem in map(self._with_severity, found.problems())
                if problem is not None and not suppressor.silences(problem)
            ]
            # only what is there is kept: most files have nothing to say
            _store(self._kept, path, kept)
            _store(self._used, path, suppressor.used)
        judged = set(self._files) if judge_all else changed
        unused = self._unused(judged)
        result: dict[Path, list[Problem]] = {}
        for path in changed | judged:
            problems = sorted(self._kept.get(path, []) + unused.get(path, []),
                              key=lambda p: (p.line, p.column, p.code))
            if path in changed or problems != self.problems.get(path, []):
                result[path] = problems
                _store(self.problems, path, problems)
        # rules that raised, reported at the KB folder as lint reports them
        crashed = self._crash_problems()
        if crashed != self.problems.get(self.root, []):
            result[self.root] = crashed
            _store(self.problems, self.root, crashed)
        return result

    def _with_severity(self, problem: Problem) -> Problem | None:
        severity = self.settings.for_file(problem.code, relative_to_kb(problem.file, self.root))
        if severity is None:
            return None
        return replace(problem, severity=severity) if severity != problem.severity else problem

    def _unused(self, paths: set[Path]) -> dict[Path, list[Problem]]:
        """The unused-suppression problems of the files at ``paths``."""
        rule = next((r for r in self._rules if isinstance(r, SuppressionUnused)), None)
        sources = [self._files[p].source for p in paths if p in self._files and self._files[p].source.suppressions.items]
        if rule is None or not sources:
            return {}
        rule.used = set().union(*(self._used.get(source.path, set()) for source in sources))
        rule.active = set()
        for source in sources:
            rule.active |= self._active(source.path)
        # the rule reads the files it judges, and whether any file of the KB failed to load
        part = KnowledgeBase(root=self.root, files=sources, issues=self.kb.issues[:1])
        by_file: dict[Path, list[Problem]] = {}
        for problem in self._finished(rule, part):
            by_file.setdefault(problem.file, []).append(problem)
        return by_file

    def _active(self, path: Path) -> set[tuple[str, str]]:
        """The (file, rule) pairs checked for ``path``: the rules its settings leave on. Not kept:
        without per-path settings they are the same for every file (as lint computes them)."""
        if not self.settings.overrides:
            if self._on is None:
                self._on = [code for code in RULES if self.settings.for_file(code, "") is not None]
            return {(str(path), code) for code in self._on}
        relative = relative_to_kb(path, self.root)
        return {(str(path), code) for code in RULES if self.settings.for_file(code, relative) is not None}

    def _finished(self, rule: SuppressionUnused, kb: KnowledgeBase) -> list[Problem]:
        found, _ = rule_findings(rule, kb, self.settings)
        checked = (self._with_severity(problem) for problem in place(found))
        return [problem for problem in checked if problem is not None]


@dataclass
class _LiveKb(KnowledgeBase):
    """The live KB: the modules in order are kept between edits (sorting ten thousand modules
    for every keystroke, for each rule that walks them, costs more than the rest of an edit)."""

    order: list[str] | None = None

    def modules_in_order(self) -> list[Entry[Module]]:
        if self.focus is not None:
            return super().modules_in_order()
        if self.order is None:
            self.order = [entry.model.id for entry in super().modules_in_order()]
        return [self.modules[identifier] for identifier in self.order]


# What the cross-file rules that are about links (``Rule.links_only``) may read of a file.
_LINK_FIELDS = {
    "id", "soort", "beroep", "functie", "cluster", "nummer", "schakelmodule", "tegenhangers", "verwijzingen",
    "specificatie_van", "koppelingen", "thema", "vakspecifiek",
}


def _links(entry: _File | None) -> Any:
    if entry is None:
        return None
    model = entry.model
    fields = model.model_dump(include=_LINK_FIELDS) if model is not None else None
    return type(model), fields, _ids(entry), bool(entry.issues)


def _order_key(model: BaseModel | None) -> Any:
    return (getattr(model, "beroep", None), getattr(model, "nummer", None), getattr(model, "id", None))


def _store(mapping: dict[Path, Any], path: Path, value: Any) -> None:
    if value:
        mapping[path] = value
    else:
        mapping.pop(path, None)


def _ids(entry: _File) -> set[str]:
    if entry.model is None:
        return {id_of_unloaded(entry.source)}
    identifier = getattr(entry.model, "id", None)
    return {identifier} if isinstance(identifier, str) else set()


def _names(model: BaseModel | None) -> tuple[set[str], set[str]]:
    """The ids a file names, and of those its counterparts (``tegenhangers``)."""
    if isinstance(model, Module):
        named = {*model.tegenhangers, *model.verwijzingen}
        if isinstance(model.specificatie_van, str):
            named.add(model.specificatie_van)
        links = model.koppelingen
        if links is not None:
            named |= {*links.competenties, *links.kennisdomeinen, *links.doelgroepen, *links.toelichting}
        return named, set(model.tegenhangers)
    if isinstance(model, ScwCompetentie) and model.thema:
        return {model.thema}, set()
    return set(), set()


def _indexes(kb: KnowledgeBase) -> list[dict[str, Any]]:
    return [kb.index(index.name) for index in kinds.indexes()]
