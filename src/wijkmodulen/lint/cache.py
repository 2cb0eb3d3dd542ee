"""A content-hash cache for ``lint``: what reading, validating and the file rules found per file.

An entry per file holds, under the SHA-256 of the file's bytes, its data and suppression
comments (its text only if it has load issues: see ``SourceFile``), its validated model, its
load issues and the problems of the rules whose findings depend on that file alone
(``scope = "file"``). A warm run reads and hashes every file, takes
unchanged files from the cache and runs the file rules only on the others; the rules that look
across files run on the whole KB as always. Suppressions and per-path severities are applied
after the cache, to cached and fresh problems alike.

The whole cache is keyed by the tool (version and a hash of its own source), the Python version,
the load limits and the resolved lint settings (which rules, their options, severities and
overrides): any change there starts empty. It is one pickle per KB folder, written to a
temporary file and moved into place, so two runs at once each leave a complete cache (the last
one wins) and a damaged or foreign file is ignored.

Location: ``$WIJKMODULEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/wijkmodulen``, else
``~/.cache/wijkmodulen``. The cache is only a speed-up: when it cannot be read or written, lint
runs without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import stat
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import wijkmodulen
from wijkmodulen.lint.problem import Problem
from wijkmodulen.lint.registry import REGISTRY, RULES
from wijkmodulen.lint.rule import Memo, Rule
from wijkmodulen.lint.settings import LintSettings
from wijkmodulen.load.kb import (
    KnowledgeBase,
    LoadIssue,
    _read_bounded,
    add_validated,
    kb_files,
    read_source,
    validate_source,
)
from wijkmodulen.load.limits import Limits
from wijkmodulen.load.yaml_source import SourceFile

FORMAT = 3


def cache_dir() -> Path:
    configured = os.environ.get("WIJKMODULEN_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wijkmodulen"


def _source_digest() -> str:
    """A hash of the tool's own Python source: a rule changed in a checkout is a new tool."""
    package = Path(wijkmodulen.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def settings_fingerprint(settings: LintSettings) -> Any:
    """The resolved settings as plain, ordered data (frozensets have no stable order)."""
    return {
        "disabled": sorted(settings.disabled),
        "severity": sorted((code, level.name) for code, level in settings.severity.items()),
        "options": {code: model.model_dump(mode="json") for code, model in sorted(settings.options.items())},
        "overrides": [
            [list(o.patterns), sorted(o.enable), sorted(o.disable),
             sorted((code, level.name) for code, level in o.severity.items())]
            for o in settings.overrides
        ],
        "fail_level": settings.fail_level.name if settings.fail_level else None,
    }


def cache_key(
    settings: LintSettings, limits: Limits, version: str | None = None, rules: dict[str, type[Rule]] | None = None
) -> str:
    """The key of a whole cache: tool version and source, Python, limits, rule registry, settings."""
    parts = {
        "format": FORMAT,
        "version": version if version is not None else wijkmodulen.__version__,
        "source": _source_digest(),
        "python": sys.version,
        "limits": [limits.max_bytes, limits.max_depth],
        "rules": [
            [code, cls.__module__, cls.__qualname__, cls.severity.name, cls.scope]
            for code, cls in (rules or RULES).items()
        ],
        "settings": settings_fingerprint(settings),
        # plugin rules live outside the tool's source: their packages' versions stand for their code
        "plugins": REGISTRY.fingerprint(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _trusted(info: os.stat_result) -> bool:
    """Loading a pickle can run code, so only a cache file that this user owns and that nobody else
    may write is read; any other is ignored (and replaced on the next write)."""
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


@dataclass
class _Entry:
    digest: str
    # The file as read: its text ("" when dropped, see SourceFile), fingerprint, data, suppressions,
    # validated model and load issues (kind, message, path, position), pickled on its own: a warm
    # run writes the unchanged files' payloads back as they are, without pickling them again.
    payload: bytes
    problems: list[tuple[int, int, str, Any, str, str]] | None = None  # line, column, code, severity, message, rule
    # The file's (size, mtime, ctime, inode, device) when it was hashed, if it had not been
    # touched for a while then: a file with the same status is taken as unchanged without reading.
    status: tuple[int, ...] | None = None


def _status(info: os.stat_result) -> tuple[int, ...]:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


@dataclass
class LintCache:
    """The cache of one KB folder for one tool, configuration and rule set."""

    root: Path
    key: str
    directory: Path = field(default_factory=cache_dir)
    entries: dict[str, _Entry] = field(default_factory=dict)
    fresh: set[str] = field(default_factory=set)  # files read anew in this run (relative paths)
    _new: dict[str, _Entry] = field(default_factory=dict)
    _stored_memos: dict[str, dict[Any, Any]] = field(default_factory=dict)
    _memos: dict[str, Memo] = field(default_factory=dict)
    _digests: dict[Path, str] = field(default_factory=dict)  # absolute path -> content digest
    # A file changed less than this long ago (by its ctime) may still change within the same
    # timestamp tick, so its status is not kept for the shortcut (as git does for its index).
    settle_ns: int = 2_000_000_000
    hashed: int = 0  # files read and hashed in this run (the others were taken by their status)

    @property
    def file(self) -> Path:
        name = hashlib.sha256(str(self.root.resolve()).encode()).hexdigest()[:24]
        return self.directory / f"lint-{name}.pickle"

    def read(self) -> None:
        try:
            with self.file.open("rb") as handle:
                if not _trusted(os.fstat(handle.fileno())):
                    return
                stored = pickle.load(handle)
        except Exception:  # noqa: BLE001 -- missing, damaged or from another version: start empty
            return
        if isinstance(stored, dict) and stored.get("key") == self.key and isinstance(stored.get("files"), dict):
            self.entries = stored["files"]
            self._stored_memos = stored.get("memos") or {}

    def memo(self, code: str) -> Memo:
        """The memo of a "kb" rule, over the digests of this run's files."""
        if code not in self._memos:
            self._memos[code] = Memo(self._digests, self._stored_memos.get(code, {}))
        return self._memos[code]

    def changed(self) -> bool:
        """Whether this run's entries differ from those read: files read anew, added or gone, or
        memos of the cross-file rules used differently."""
        if self.fresh or self._new.keys() != self.entries.keys():
            return True
        if any(new.status != self.entries[relative].status for relative, new in self._new.items()):
            return True
        return {code: memo.used for code, memo in self._memos.items()} != self._stored_memos

    def write(self) -> None:
        """Store this run's entries atomically (if anything changed); a cache that cannot be
        written is skipped."""
        if not self.changed():
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(prefix=".lint-", suffix=".tmp", dir=self.directory)
            try:
                with os.fdopen(descriptor, "wb") as handle:
                    memos = {code: memo.used for code, memo in self._memos.items()}
                    stored = {"key": self.key, "files": self._new, "memos": memos}
                    pickle.dump(stored, handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, self.file)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            return

    def relative(self, path: Path) -> str:
        text, prefix = str(path), str(self.root) + os.sep
        if text.startswith(prefix):  # the usual case, without pathlib's cost per call
            return text[len(prefix):].replace(os.sep, "/")
        return path.relative_to(self.root).as_posix()

    def cached_problems(self, relative: str) -> list[tuple[int, int, str, Any, str, str]] | None:
        entry = self._new.get(relative)
        if entry is None or relative in self.fresh:
            return None
        return entry.problems

    def store_problems(self, relative: str, problems: list[Problem]) -> None:
        entry = self._new.get(relative)
        if entry is not None:
            entry.problems = [(p.line, p.column, p.code, p.severity, p.message, p.rule) for p in problems]


def load_with_cache(root: Path, limits: Limits, cache: LintCache) -> KnowledgeBase:
    """``load_knowledge_base`` that takes unchanged files (by status or content) from ``cache``."""
    cache.read()
    paths, stray = kb_files(root)
    kb = KnowledgeBase(root=root, stray_files=list(stray))
    settled = time.time_ns() - cache.settle_ns
    for path in paths:
        relative = cache.relative(path)
        entry = cache.entries.get(relative)
        status: tuple[int, ...] | None = None
        try:
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode):
                status = _status(info)
        except OSError:
            pass
        if (entry is not None and status is not None and entry.status == status
                and _add_cached(kb, cache, path, relative, entry, entry.digest)):
            continue
        try:
            raw = _read_bounded(path, limits)
        except Exception:  # noqa: BLE001 -- refused or unreadable: read_source reports it, uncached
            source, issue = read_source(path, None, limits)
            add_validated(kb, source, *validate_source(root, source, issue))
            cache.fresh.add(relative)
            continue
        cache.hashed += 1
        digest = hashlib.sha256(raw).hexdigest()
        # Only a status from before the settling time is kept, and only if the bytes read are
        # those of that status (the file did not change between the lstat and the read).
        if status is not None and (status[2] > settled or status[0] != len(raw)):
            status = None
        if (entry is not None and entry.digest == digest
                and _add_cached(kb, cache, path, relative, replace(entry, status=status), digest)):
            continue
        source, issue = read_source(path, raw, limits, on_disk=True)
        model, issues = validate_source(root, source, issue)
        add_validated(kb, source, model, issues)
        cache.fresh.add(relative)
        cache._digests[path] = digest
        payload = (source.text, source.fingerprint, source.data, source.suppressions, model,
                   [(i.kind, i.message, i.path, i.position) for i in issues])
        cache._new[relative] = _Entry(digest, pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL),
                                      status=status)
    # A file whose id another file has too is checked (or not) depending on that other file:
    # never take its file-rule problems from the cache.
    for _, entry_, earlier in kb.duplicate_ids:
        for source in (entry_.source, earlier):
            cache.fresh.add(cache.relative(source.path))
    return kb


def _add_cached(kb: KnowledgeBase, cache: LintCache, path: Path, relative: str, entry: _Entry, digest: str) -> bool:
    """Add a file as the cache kept it; False if its payload cannot be read (then it is read anew)."""
    try:
        text, fingerprint, data, suppressions, model, stored_issues = pickle.loads(entry.payload)
    except Exception:  # noqa: BLE001 -- a damaged entry is read anew
        return False
    source = SourceFile(path=path, text=text, data=data, suppressions=suppressions, fingerprint=fingerprint)
    issues = [LoadIssue(source, kind, message, tuple(where), position) for kind, message, where, position in stored_issues]
    add_validated(kb, source, model, issues)
    cache._new[relative] = entry
    cache._digests[path] = digest
    return True
