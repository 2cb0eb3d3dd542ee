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

A warm run holds no copy of the cache: reading it notes where each entry's line is, each
unchanged file's payload is read from there when the file is loaded (its data again only if a
rule asks for it), and writing copies the unchanged lines from the old file into the new one;
only the files read anew are encoded, when the cache is written.

Location: ``$WIJKMODULEN_CACHE_DIR``, else the system's place for caches: ``%LOCALAPPDATA%``
on Windows, ``~/Library/Caches`` on macOS, ``$XDG_CACHE_HOME`` or ``~/.cache`` elsewhere. The cache is only a speed-up: when it cannot be read or written, lint
runs without it.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import itertools
import json
import os
import stat
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import BaseModel

import wijkmodulen
from wijkmodulen.io.private_cache import (
    cache_dir,
    file_status,
    open_private,
    source_digest,
    trusted_folder,
    user_id,
    write_private,
)
from wijkmodulen.io.reader import read_bounded
from wijkmodulen.io.writer import remove_output
from wijkmodulen.lint.cache_codec import CacheFormatError, decode, decode_data, encode, encode_data, models
from wijkmodulen.lint.problem import Problem, Severity
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
from wijkmodulen.load.suppressions import NONE, Suppressions
from wijkmodulen.load.yaml_source import SourceFile

FORMAT = 6
_COPY_PIECE = 1 << 20  # unchanged entry lines are copied to the new cache file in pieces of about this size


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


def remove_old_pickles(directory: Path) -> int:
    """Remove the ``lint-*.pickle`` files the previous cache format left in ``directory``, if the
    folder is this user's alone; returns how many. Only regular files this user owns, named so,
    directly in the folder: links are never followed (a link named so is left alone, and so is
    what it points at), and nothing outside the folder is touched."""
    if not trusted_folder(directory):
        return 0
    uid = user_id()
    removed = 0
    try:
        with os.scandir(directory) as listing:
            names = [item.name for item in listing
                     if item.name.startswith("lint-") and item.name.endswith(".pickle")]
    except OSError:
        return 0
    for name in names:
        path = directory / name
        with contextlib.suppress(OSError):
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode) or (uid is not None and info.st_uid != uid):
                continue
            # the safe writer's removal: a regular file only, never through a link
            removed += remove_output(directory, name)
    return removed


Problems = list[tuple[int, int, str, Any, str, str]]  # line, column, code, severity, message, rule


@dataclass
class _Entry:
    """One file of the cache. An entry read from the cache file says where its line is there (the
    payload is read when the file is loaded, and copied back as it is when the cache is written);
    an entry of a file read anew holds what it was read as, encoded only when the cache is written."""

    digest: str
    problems: Problems | None = None
    # The file's (size, mtime, ctime, inode, device) when it was hashed, if it had not been
    # touched for a while then: a file with the same status is taken as unchanged without reading.
    status: tuple[int, ...] | None = None
    at: int = -1  # where its line starts in the cache file read (-1: not from there)
    length: int = 0  # the line's length, its newline included
    head: int = 0  # the length of the fields before the payload
    fresh: tuple[SourceFile, BaseModel | None, list[LoadIssue]] | None = None
    dirty: bool = False  # status or problems differ from the line read

    def head_line(self, relative: str) -> bytes:
        status = None if self.status is None else list(self.status)
        fields = (json.dumps(relative), self.digest, json.dumps(status), _encode_problems(self.problems), "")
        return "\t".join(fields).encode()


def _encode_problems(problems: Problems | None) -> str:
    """The file-rule problems as plain JSON (the severity by its name): read back without a
    Python call per problem."""
    if problems is None:
        return "null"
    plain = [[line, column, code, severity.name, message, rule] for line, column, code, severity, message, rule
             in problems]
    return json.dumps(plain, ensure_ascii=False, separators=(",", ":"))


def _decode_problems(text: bytes) -> Problems | None:
    """What ``_encode_problems`` gave ``text``; ValueError for anything else."""
    if text == b"[]":  # most files
        return []
    stored = json.loads(text)
    if stored is None:
        return None
    if not isinstance(stored, list) or not all(isinstance(item, list) and len(item) == 6 for item in stored):
        raise ValueError(text[:40])
    problems: Problems = []
    for item in stored:
        line, column, code, severity, message, rule = item
        if not (type(line) is int and type(column) is int and isinstance(code, str) and isinstance(message, str)
                and isinstance(rule, str) and severity in Severity.__members__):
            raise ValueError(code)
        problems.append((line, column, code, Severity[severity], message, rule))
    return problems


def _parse_entry(line: bytes, at: int) -> tuple[str, _Entry]:
    """The fields of one stored entry line before its payload; ValueError (or CacheFormatError)
    if it is not one."""
    relative_json, digest_bytes, status_json, problems_json, payload = line.split(b"\t", 4)
    digest = digest_bytes.decode("ascii")
    relative = _decode_relative(relative_json)
    if len(digest) != 64 or not line.endswith(b"\n"):
        raise ValueError(line[:40])
    problems = _decode_problems(problems_json)
    head = len(line) - len(payload)
    return relative, _Entry(digest, problems, _decode_status(status_json), at, len(line), head)


def _decode_relative(text: bytes) -> str:
    """A stored relative path (a JSON string). Most need no unescaping: those are taken as they
    are, without the JSON parser's cost (once per file in a warm run)."""
    inner = text[1:-1]
    if text[:1] == b'"' and text[-1:] == b'"' and len(text) >= 2 and b"\\" not in inner and b'"' not in inner:
        return inner.decode("utf-8")
    relative = json.loads(text)
    if not isinstance(relative, str):
        raise ValueError(text[:40])  # noqa: TRY004 -- a damaged cache: read() starts empty on ValueError
    return relative


def _decode_status(text: bytes) -> tuple[int, ...] | None:
    """A stored file status: ``null`` or a JSON list of integers (as ``json.dumps`` writes it)."""
    if text == b"null":
        return None
    parts = text[1:-1].split(b", ")
    if text[:1] == b"[" and text[-1:] == b"]" and all(part.isdigit() for part in parts):  # the usual case
        return tuple(int(part) for part in parts)
    status = json.loads(text)
    if not (isinstance(status, list) and all(type(x) is int for x in status)):
        raise ValueError(text[:40])
    return tuple(status)


@dataclass
class LintCache:
    """The cache of one KB folder for one tool, configuration and rule set.

    The cache file read stays open (``_store``) until the cache is written: entries are read from
    it by their place, so the payloads are never all in memory at once, and the unchanged ones are
    copied from it into the new file. Writing closes it (before the new file replaces it, which
    Windows requires)."""

    root: Path
    key: str
    directory: Path = field(default_factory=cache_dir)
    entries: dict[str, _Entry] = field(default_factory=dict)
    fresh: set[str] = field(default_factory=set)  # files read anew in this run (relative paths)
    _new: dict[str, _Entry] = field(default_factory=dict)
    _stored_memos: dict[str, dict[Any, Any]] = field(default_factory=dict)
    _stored_memos_text: str = "{}"  # the stored memos as they were read
    _memos: dict[str, Memo] = field(default_factory=dict)
    _digests: dict[Path, str] = field(default_factory=dict)  # absolute path -> content digest
    # A file changed less than this long ago (by its ctime) may still change within the same
    # timestamp tick, so its status is not kept for the shortcut (as git does for its index).
    settle_ns: int = 2_000_000_000
    hashed: int = 0  # files read and hashed in this run (the others were taken by their status)
    _store: BinaryIO | None = None
    # str(root) + os.sep ("" for the current folder, whose files' paths are relative already),
    # computed once: relative() runs twice per file
    _prefix: str | None = None

    @property
    def file(self) -> Path:
        name = hashlib.sha256(str(self.root.resolve()).encode()).hexdigest()[:24]
        return self.directory / f"lint-{name}.jsonl"

    def read(self) -> None:
        """Take the stored entries if the folder and the file are this user's alone, the file is
        not a link and was written for this key; anything else starts empty."""
        # Entries are read in about the order they are stored: a large buffer makes most of the
        # seeks land inside it.
        handle = open_private(self.file, buffering=1 << 20)
        if handle is None:
            return
        try:
            first = handle.readline()
            header = first.decode("utf-8").rstrip("\n").split("\t", 2)
            if len(header) != 3 or header[0] != f"wijkmodulen-lint-cache {FORMAT}" or header[1] != self.key:
                handle.close()
                return
            memos = decode(header[2])
            entries: dict[str, _Entry] = {}
            at = len(first)
            for line in handle:
                relative, entry = _parse_entry(line, at)
                entries[relative] = entry
                at += len(line)
        except (OSError, ValueError, CacheFormatError, UnicodeDecodeError):  # damaged or foreign: start empty
            handle.close()
            return
        if isinstance(memos, dict) and all(isinstance(v, dict) for v in memos.values()):
            self._stored_memos = memos
            self._stored_memos_text = header[2]
        self.entries = entries
        self._store = handle

    def stored(self, at: int, length: int) -> bytes | None:
        """``length`` bytes at ``at`` of the cache file read; None once it is closed."""
        if self._store is None:
            return None
        self._store.seek(at)
        data = self._store.read(length)
        if len(data) != length:
            raise OSError(errno.EIO, str(self.file))
        return data

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

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
        if any(new.fresh is not None or new.dirty for new in self._new.values()):
            return True
        return {code: memo.used for code, memo in self._memos.items()} != self._stored_memos

    def write(self) -> None:
        """Store this run's entries atomically (if anything changed); a cache that cannot be
        written, or whose folder is not this user's alone, is skipped. Files of the previous
        (pickle) format in the folder are removed: they are never read again."""
        try:
            remove_old_pickles(self.directory)
            if not self.changed():
                return
            memos = {code: memo.used for code, memo in self._memos.items()}
            # the memos as read, when this run used them all alike (the usual case): not encoded again
            memos_text = self._stored_memos_text if memos == self._stored_memos else encode(memos)
            header = f"wijkmodulen-lint-cache {FORMAT}\t{self.key}\t{memos_text}\n"
            write_private(self.file, itertools.chain((header.encode("utf-8"),), self._lines()))
        except (OSError, CacheFormatError):
            return
        finally:
            self.close()

    def _lines(self) -> Iterator[bytes]:
        """The entry lines: files read anew encoded now, the others copied from the file read
        (lines that follow each other there are copied in one piece). The file read is closed
        after the last line, before the new file takes its place."""
        run_at, run_length = -1, 0  # unchanged lines next to each other in the file read, not yet copied
        try:
            for relative, entry in self._new.items():
                if entry.fresh is None and not entry.dirty:
                    if run_at + run_length == entry.at and run_length < _COPY_PIECE:
                        run_length += entry.length
                        continue
                    yield from self._copied(run_at, run_length)
                    run_at, run_length = entry.at, entry.length
                    continue
                yield from self._copied(run_at, run_length)
                run_at, run_length = -1, 0
                line = self._changed_line(relative, entry)
                if line is not None:
                    yield line
            yield from self._copied(run_at, run_length)
        finally:
            self.close()

    def _copied(self, at: int, length: int) -> Iterator[bytes]:
        if length:
            piece = self.stored(at, length)
            if piece is None:
                raise OSError(errno.EBADF, str(self.file))
            yield piece

    def _changed_line(self, relative: str, entry: _Entry) -> bytes | None:
        """The line of a file read anew, or of a stored one with a new status or problems; None
        when it has no form in the cache (then the file is simply read every time)."""
        if entry.fresh is not None:
            # A value the cache has no form for (or text that is not UTF-8, such as a lone surrogate).
            try:
                return entry.head_line(relative) + _payload(*entry.fresh) + b"\n"
            except (CacheFormatError, UnicodeEncodeError):
                return None
        rest = self.stored(entry.at + entry.head, entry.length - entry.head)
        if rest is None:
            raise OSError(errno.EBADF, str(self.file))
        try:
            return entry.head_line(relative) + rest
        except UnicodeEncodeError:
            return None

    def relative(self, path: Path) -> str:
        prefix = self._prefix
        if prefix is None:
            text = str(self.root)
            prefix = self._prefix = "" if text == os.curdir else text + os.sep
        text = str(path)
        if text.startswith(prefix) and (prefix or not os.path.isabs(text)):  # without pathlib's cost per call
            rest = text[len(prefix):]
            return rest if os.sep == "/" else rest.replace(os.sep, "/")
        return path.relative_to(self.root).as_posix()

    def cached_problems(self, relative: str) -> Problems | None:
        entry = self._new.get(relative)
        if entry is None or relative in self.fresh:
            return None
        return entry.problems

    def store_problems(self, relative: str, problems: list[Problem]) -> None:
        entry = self._new.get(relative)
        if entry is not None:
            entry.problems = [(p.line, p.column, p.code, p.severity, p.message, p.rule) for p in problems]
            entry.dirty = True


class _CachedSource(SourceFile):
    """A file taken from the cache: its data is read from the cache file and decoded when first
    asked for (the cross-file rules need the models of every file, but the data of few). Once the
    cache file is closed (it has been written), the data is read from the file itself again."""

    def __init__(self, path: Path, text: str, suppressions: Any, fingerprint: Any,
                 stored: tuple[LintCache, int, int, Limits]) -> None:
        self._stored: tuple[LintCache, int, int, Limits] | None = None
        self._data: Any = None
        super().__init__(path=path, text=text, data=None, suppressions=suppressions, fingerprint=fingerprint)
        self._stored = stored

    @property
    def data(self) -> Any:
        if self._stored is not None:
            cache, at, length, limits = self._stored
            self._stored = None
            raw = None
            with contextlib.suppress(OSError):
                raw = cache.stored(at, length)
            if raw is not None:
                self._data = decode_data(raw)
            else:
                self._data = read_source(self.path, None, limits)[0].data
        return self._data

    @data.setter
    def data(self, value: Any) -> None:
        self._data = value
        self._stored = None


def _payload(source: SourceFile, model: BaseModel | None, issues: list[LoadIssue]) -> bytes:
    """A read file as stored: the name of its model class ("" when it has none), its data, and the
    rest, tab-separated (JSON has no tabs outside its strings). The rest is plain JSON: the text,
    the fingerprint, and the suppressions and load issues as tagged JSON text (null when there are
    none, as for most files), so that reading a clean file back needs no decoding of tagged values.
    The model itself is not stored: it is validated again from the data, which takes no longer
    than decoding a stored copy and keeps the cache to plain data."""
    suppressions = None if source.suppressions == NONE else encode(source.suppressions)
    stored_issues = [(i.kind, i.message, i.path, i.position) for i in issues]
    fingerprint = None if source.fingerprint is None else list(source.fingerprint)
    rest = [source.text, fingerprint, suppressions, encode(stored_issues) if stored_issues else None]
    name = "" if model is None else type(model).__name__
    if model is not None and models().get(name) is not type(model):
        raise CacheFormatError(name)
    data = encode_data(source.data)
    return "\t".join((name, data, json.dumps(rest, ensure_ascii=False, separators=(",", ":")))).encode("utf-8")


def load_with_cache(root: Path, limits: Limits, cache: LintCache) -> KnowledgeBase:
    """``load_knowledge_base`` that takes unchanged files (by status or content) from ``cache``."""
    cache.read()
    paths, stray = kb_files(root)
    kb = KnowledgeBase(root=root, stray_files=list(stray))
    settled = time.time_ns() - cache.settle_ns
    classes = models()
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
                and _add_cached(kb, cache, path, relative, entry, entry.digest, limits, classes)):
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
                and _add_cached(kb, cache, path, relative,
                                replace(entry, status=status, dirty=entry.dirty or status != entry.status),
                                digest, limits, classes)):
            continue
        source, issue = read_source(path, raw, limits, on_disk=True)
        model, issues = validate_source(root, source, issue)
        add_validated(kb, source, model, issues)
        cache.fresh.add(relative)
        cache._digests[path] = digest
        cache._new[relative] = _Entry(digest, status=status, fresh=(source, model, issues))
    # A file whose id another file has too is checked (or not) depending on that other file:
    # never take its file-rule problems from the cache.
    for _, entry_, earlier in kb.duplicate_ids:
        for source in (entry_.source, earlier):
            cache.fresh.add(cache.relative(source.path))
    return kb


def _decode_rest(text: bytes) -> Any:
    """The rest of a stored file (see ``_payload``). Most files loaded cleanly: no text kept, no
    suppressions, no load issues, only the fingerprint of their text; those are read without the
    JSON parser."""
    if text.startswith(b'["",[') and text.endswith(b"],null,null]"):
        parts = text[5:-12].split(b",")
        if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit():
            return "", [int(parts[0]), int(parts[1])], None, None
    return json.loads(text)


def _add_cached(kb: KnowledgeBase, cache: LintCache, path: Path, relative: str, entry: _Entry, digest: str,
                limits: Limits, classes: dict[str, type[BaseModel]]) -> bool:
    """Add a file as the cache kept it; False if its payload cannot be read (then it is read anew)."""
    try:
        start = entry.at + entry.head
        payload = cache.stored(start, entry.length - entry.head - 1)
        if payload is None:
            return False
        name_bytes, data_json, rest_json = payload.split(b"\t")
        name = name_bytes.decode("ascii")
        text, fingerprint, suppressions_json, issues_json = _decode_rest(rest_json)
        suppressions = NONE if suppressions_json is None else decode(suppressions_json)
        if not isinstance(suppressions, Suppressions) or not isinstance(text, str):
            return False
        model = _model(classes[name], data_json) if name else None
        stored = (cache, start + len(name_bytes) + 1, len(data_json), limits)
        source = _CachedSource(path, text, suppressions, None if fingerprint is None else tuple(fingerprint), stored)
        issues = [LoadIssue(source, kind, message, tuple(where), position)
                  for kind, message, where, position in (decode(issues_json) if issues_json is not None else [])]
    except Exception:  # noqa: BLE001 -- a damaged entry (bad JSON, wrong shape, invalid model) is read anew
        return False
    add_validated(kb, source, model, issues)
    cache._new[relative] = entry
    cache._digests[path] = digest
    return True


def _model(model: type[BaseModel], data_json: bytes) -> BaseModel:
    """The model of a stored file, validated again from its data: plain JSON straight from the
    bytes (pydantic's JSON parser builds no intermediate dicts and lists), tagged JSON decoded first."""
    if data_json[:1] == b"j":
        return model.model_validate_json(data_json[1:])
    return model.model_validate(decode_data(data_json))
