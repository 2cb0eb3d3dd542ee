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
overrides): any change there starts empty. It is one file per KB folder, JSON lines (see
cache_codec: data only, nothing in it can run code or build arbitrary objects), written by the
safe writer (a temporary file moved into place), so two runs at once each leave a complete cache
(the last one wins) and a damaged or foreign file is ignored. It is read only from a folder and a
file this user owns and nobody else may write, opened without following links.

Location: ``$WIJKMODULEN_CACHE_DIR``, else the system's place for caches: ``%LOCALAPPDATA%``
on Windows, ``~/Library/Caches`` on macOS, ``$XDG_CACHE_HOME`` or ``~/.cache`` elsewhere. The cache is only a speed-up: when it cannot be read or written, lint
runs without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import stat
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel

import wijkmodulen
from wijkmodulen.io.private_cache import cache_dir, file_status, open_private, source_digest, write_private
from wijkmodulen.io.reader import read_bounded
from wijkmodulen.lint.cache_codec import CacheFormatError, decode, decode_data, encode, encode_data, models
from wijkmodulen.lint.problem import Problem
from wijkmodulen.lint.registry import REGISTRY, RULES
from wijkmodulen.lint.rule import Memo, Rule
from wijkmodulen.lint.settings import LintSettings
from wijkmodulen.load.kb import (
    KnowledgeBase,
    LoadIssue,
    add_validated,
    kb_files,
    read_source,
    validate_source,
)
from wijkmodulen.load.limits import Limits
from wijkmodulen.load.suppressions import NONE
from wijkmodulen.load.yaml_source import SourceFile

FORMAT = 5


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
        "source": source_digest(),
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


@dataclass
class _Entry:
    digest: str
    # The file as read, as stored (see _payload): its model is validated from the data here;
    # a warm run writes the unchanged files' payloads back as they are.
    payload: bytes  # UTF-8: a str holding one typographic quote would take two bytes a character
    problems: list[tuple[int, int, str, Any, str, str]] | None = None  # line, column, code, severity, message, rule
    # The file's (size, mtime, ctime, inode, device) when it was hashed, if it had not been
    # touched for a while then: a file with the same status is taken as unchanged without reading.
    status: tuple[int, ...] | None = None

    def line(self, relative: str) -> bytes:
        problems = None if self.problems is None else encode(self.problems)
        status = None if self.status is None else list(self.status)
        fields = "\t".join((json.dumps(relative), self.digest, json.dumps(status), json.dumps(problems), ""))
        return fields.encode("utf-8") + self.payload + b"\n"


def _parse_entry(line: bytes) -> tuple[str, _Entry]:
    """One stored entry line; ValueError (or CacheFormatError) if it is not one."""
    relative_json, digest_bytes, status_json, problems_json, payload = line.split(b"\t", 4)
    digest = digest_bytes.decode("ascii")
    relative = json.loads(relative_json)
    status = json.loads(status_json)
    problems_text = json.loads(problems_json)
    if not isinstance(relative, str) or len(digest) != 64:
        raise ValueError(line[:40])
    if status is not None and not (isinstance(status, list) and all(type(x) is int for x in status)):
        raise ValueError(line[:40])
    problems = None if problems_text is None else decode(problems_text)
    if problems is not None and not isinstance(problems, list):
        raise ValueError(line[:40])
    return relative, _Entry(digest, payload.rstrip(b"\n"), problems, None if status is None else tuple(status))


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
        return self.directory / f"lint-{name}.jsonl"

    def read(self) -> None:
        """Take the stored entries if the folder and the file are this user's alone, the file is
        not a link and was written for this key; anything else starts empty."""
        handle = open_private(self.file)
        if handle is None:
            return
        try:
            with handle:
                header = handle.readline().decode("utf-8").rstrip("\n").split("\t", 2)
                if len(header) != 3 or header[0] != f"wijkmodulen-lint-cache {FORMAT}" or header[1] != self.key:
                    return
                memos = decode(header[2])
                entries = dict(_parse_entry(line) for line in handle)
        except (OSError, ValueError, CacheFormatError, UnicodeDecodeError):  # damaged or foreign: start empty
            return
        if isinstance(memos, dict) and all(isinstance(v, dict) for v in memos.values()):
            self._stored_memos = memos
        self.entries = entries

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
        written, or whose folder is not this user's alone, is skipped."""
        if not self.changed():
            return
        memos = {code: memo.used for code, memo in self._memos.items()}
        try:
            header = f"wijkmodulen-lint-cache {FORMAT}\t{self.key}\t{encode(memos)}\n"
            lines = (entry.line(relative) for relative, entry in self._new.items())
            write_private(self.file, itertools.chain((header.encode("utf-8"),), lines))
        except CacheFormatError:
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


class _CachedSource(SourceFile):
    """A file taken from the cache: its data is decoded from the stored JSON when first asked
    for (the cross-file rules need the models of every file, but the data of few)."""

    def __init__(self, path: Path, text: str, data: Any = None, suppressions: Any = NONE,
                 fingerprint: Any = None, stored_data: bytes | None = None) -> None:
        self._stored_data: bytes | None = None
        self._data: Any = None
        super().__init__(path=path, text=text, data=data, suppressions=suppressions, fingerprint=fingerprint)
        self._stored_data = stored_data

    @property
    def data(self) -> Any:
        if self._stored_data is not None:
            self._data = decode_data(self._stored_data)
            self._stored_data = None
        return self._data

    @data.setter
    def data(self, value: Any) -> None:
        self._data = value
        self._stored_data = None


def _payload(source: SourceFile, model: BaseModel | None, issues: list[LoadIssue]) -> bytes:
    """A read file as stored: the name of its model class ("" when it has none), its data, and the
    rest (text, fingerprint, suppressions, load issues), tab-separated (JSON has no tabs outside
    its strings). The model itself is not stored: it is validated again from the data, which
    takes no longer than decoding a stored copy and keeps the cache to plain data."""
    rest = [source.text, source.fingerprint, source.suppressions,
            [(i.kind, i.message, i.path, i.position) for i in issues]]
    name = "" if model is None else type(model).__name__
    if model is not None and models().get(name) is not type(model):
        raise CacheFormatError(name)
    return "\t".join((name, encode_data(source.data), encode(rest))).encode("utf-8")


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
                status = file_status(info)
        except OSError:
            pass
        if (entry is not None and status is not None and entry.status == status
                and _add_cached(kb, cache, path, relative, entry, entry.digest)):
            continue
        try:
            raw = read_bounded(path, limits)
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
        # A value the cache has no form for: this file is simply read every time.
        with contextlib.suppress(CacheFormatError):
            cache._new[relative] = _Entry(digest, _payload(source, model, issues), status=status)
    # A file whose id another file has too is checked (or not) depending on that other file:
    # never take its file-rule problems from the cache.
    for _, entry_, earlier in kb.duplicate_ids:
        for source in (entry_.source, earlier):
            cache.fresh.add(cache.relative(source.path))
    return kb


def _add_cached(kb: KnowledgeBase, cache: LintCache, path: Path, relative: str, entry: _Entry, digest: str) -> bool:
    """Add a file as the cache kept it; False if its payload cannot be read (then it is read anew)."""
    try:
        name_bytes, data_json, rest_json = entry.payload.split(b"\t")
        name = name_bytes.decode("ascii")
        text, fingerprint, suppressions, stored_issues = decode(rest_json)
        # The data is decoded for validation and let go: the source decodes it again if asked.
        model = models()[name].model_validate(decode_data(data_json)) if name else None
        source = _CachedSource(path, text, None, suppressions, None if fingerprint is None else tuple(fingerprint),
                               stored_data=data_json)
        issues = [LoadIssue(source, kind, message, tuple(where), position)
                  for kind, message, where, position in stored_issues]
    except Exception:  # noqa: BLE001 -- a damaged entry (bad JSON, wrong shape, invalid model) is read anew
        return False
    add_validated(kb, source, model, issues)
    cache._new[relative] = entry
    cache._digests[path] = digest
    return True
