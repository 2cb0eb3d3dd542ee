"""The search cache: the index of a KB folder kept between runs, as data, checked file by file.

What ``zoek`` needs is kept in one file per KB folder (in the cache folder of ``io.private_cache``,
whose rules it follows: read only from a folder and a file this user alone owns and may write,
opened without following links, written atomically by the safe writer, ignored when damaged):

- line 1: ``wijkmodulen-search-cache FORMAT``, a tab, and the key (tool version and source, the
  limits, the search settings: field weights, BM25 constants, stop words, stemmer);
- line 2: the table (JSON): the status of every folder and file of the KB, each file's content
  digest and where its entry lies; the documents' ids, titles and filter values in handbook order;
  the stems of the indexed words; where each stem's points lie; the length of the rest (a file cut
  short is not used);
- then the entries (JSON, one per file: the document it holds, with its texts and its words per
  field, or that it did not load) and the points per stem (JSON arrays), read only where needed.

A run takes the index as stored when no folder and no file changed status (a file whose status
changed but whose bytes did not counts as unchanged). Otherwise only the changed or new files are
read (through the guarded reader), parsed and validated; every other file's entry is taken as
stored, and the index is assembled again from all of them (its points depend on every document:
averages, document frequencies, the vocabulary compounds are split against), which gives exactly
the index ``build_index`` gives, and stored. A file changed less than ``SETTLE_NS`` ago is not
taken by its status (it may change again within one timestamp tick), only by its content.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, overload

import wijkmodulen
from wijkmodulen.io.private_cache import cache_dir, file_status, open_private, source_stamp, write_private
from wijkmodulen.load.limits import Limits
from wijkmodulen.search import compounds, documents, index, query, text
from wijkmodulen.search.documents import SearchDoc
from wijkmodulen.search.index import FieldCounts, SearchIndex, assemble_index

FORMAT = 1
MAGIC = "wijkmodulen-search-cache"
SETTLE_NS = 2_000_000_000
# What reading a damaged stored entry or list of points raises (the search then goes without the cache).
DAMAGED = (OSError, ValueError, TypeError, KeyError, IndexError, RecursionError)


def cache_key(limits: Limits, version: str | None = None) -> str:
    """The key of a stored index: the tool, the limits a file is read within, the search settings."""
    parts = {
        "format": FORMAT,
        "version": version if version is not None else wijkmodulen.__version__,
        "source": source_stamp(),
        "python": sys.version,
        "limits": [limits.max_bytes, limits.max_depth],
        "weights": [documents.FIELD_WEIGHTS, documents.SOORT_WEIGHTS],
        "bm25": [index.K1, index.B, index.COMPOUND_SHARE, index.SCALE, index.FORMAT_VERSION],
        "words": [sorted(text.STOPWORDS), text.STEMMER, compounds.MIN_PART, query.MIN_PREFIX, query.MAX_REST],
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def cache_file(root: Path, directory: Path | None = None) -> Path:
    name = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]
    return (directory or cache_dir()) / f"search-{name}.json"


@dataclass
class CacheRun:
    """What a search took from the cache (for tests and the benchmark)."""

    used: str = "none"  # "stored": the index as stored; "updated": some files read anew; "new": no usable cache
    read: list[str] = field(default_factory=list)  # files read and indexed anew (relative paths)
    written: bool = False


@dataclass
class Searchable:
    """An index to search and the number of KB files that did not load (left out of it). An index
    taken from the cache reads its points and texts from the open cache file: ``close`` it after."""

    index: SearchIndex
    broken: int
    run: CacheRun
    handle: BinaryIO | None = None

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None


# -- the stored file --------------------------------------------------------------------------------


class _Stored:
    """An open cache file: its table, and its entries and points read on demand."""

    def __init__(self, handle: BinaryIO, table: dict[str, Any], start: int) -> None:
        self.handle = handle
        self.table = table
        self.start = start  # where the entries and points begin
        self.refreshed = False  # statuses in the table found anew (see _unchanged)

    def slice(self, where: list[int]) -> bytes:
        offset, length = where
        if not (type(offset) is int and type(length) is int and 0 <= offset <= offset + length <= self.table["size"]):
            raise ValueError("where")
        self.handle.seek(self.start + offset)
        data = self.handle.read(length)
        if len(data) != length:
            raise ValueError("short")
        return data


def _open(file: Path, key: str) -> _Stored | None:
    """The stored index written for ``key``; None when there is none this user may trust, it was
    written for another key, or it does not have the expected shape."""
    handle = open_private(file)
    if handle is None:
        return None
    try:
        header = handle.readline(200).decode("ascii").rstrip("\n").split("\t")
        if header != [f"{MAGIC} {FORMAT}", key]:
            handle.close()
            return None
        line = handle.readline()
        table = json.loads(line)
        _check_table(table)
        start = handle.tell()
        if os.fstat(handle.fileno()).st_size != start + table["size"]:  # cut short, or added to
            raise ValueError("size")
        return _Stored(handle, table, start)
    except (OSError, ValueError, TypeError, KeyError, IndexError, UnicodeDecodeError, RecursionError):
        handle.close()
        return None


def _check_table(table: Any) -> None:
    """TypeError unless ``table`` has the parts this module writes. Their rows are checked where they
    are used: a status or digest that is not what was written is simply a changed file, a document
    row or a place in the file that is not is an error there (``DAMAGED``)."""
    if not isinstance(table, dict):
        raise TypeError("table")
    for name, kind in (("dirs", list), ("files", list), ("docs", list), ("stems", dict), ("terms", dict),
                       ("size", int)):
        if not isinstance(table.get(name), kind):
            raise TypeError(name)


def _is_status(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 5 and all(type(x) is int for x in value)


def _is_where(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(type(x) is int and x >= 0 for x in value)


class _Postings(Mapping[str, list[int]]):
    """The points of each stem, read from the stored file when the query asks for them."""

    def __init__(self, stored: _Stored, documents: int) -> None:
        self.stored = stored
        self.where: dict[str, list[int]] = stored.table["terms"]
        self.documents = documents

    def __getitem__(self, key: str) -> list[int]:
        flat = json.loads(self.stored.slice(self.where[key]))
        if not (isinstance(flat, list) and len(flat) % 2 == 0 and all(type(x) is int for x in flat)
                and all(0 <= n < self.documents for n in flat[::2])):
            raise ValueError(key)
        return flat

    def __contains__(self, key: object) -> bool:
        return key in self.where

    def __iter__(self) -> Iterator[str]:
        return iter(self.where)

    def __len__(self) -> int:
        return len(self.where)


class _Documents(Sequence[SearchDoc]):
    """The documents of a stored index, each made when ranking or a filter first looks at it: what
    ranking and the filters need, without texts (``SearchIndex.doc`` reads those)."""

    def __init__(self, rows: list[Any]) -> None:
        self.rows = rows
        self.made: dict[int, SearchDoc] = {}

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, number: int) -> SearchDoc: ...
    @overload
    def __getitem__(self, number: slice) -> Sequence[SearchDoc]: ...

    def __getitem__(self, number: int | slice) -> SearchDoc | Sequence[SearchDoc]:
        if isinstance(number, slice):
            return [self[n] for n in range(len(self.rows))[number]]
        doc = self.made.get(number)
        if doc is None:
            doc = self.made[number] = _light_doc(self.rows[number])
        return doc


def _light_doc(row: list[Any]) -> SearchDoc:
    identifier, soort, titel, anchor, beroep, cluster, linked, _ = row
    if not (all(isinstance(v, str) for v in (identifier, soort, titel, anchor))
            and all(isinstance(v, str | None) for v in (beroep, cluster))
            and isinstance(linked, list) and all(isinstance(v, str) for v in linked)):
        raise ValueError(identifier)
    return SearchDoc(identifier, soort, titel, anchor, {}, beroep=beroep, cluster=cluster,
                     competenties=frozenset(linked))


def _doc_from_entry(data: dict[str, Any]) -> SearchDoc:
    return SearchDoc(
        data["id"], data["soort"], data["titel"], data["anchor"],
        {name: tuple(texts) for name, texts in data["fields"].items()},
        beroep=data["beroep"], cluster=data["cluster"], competenties=frozenset(data["competenties"]),
    )


def _stored_index(stored: _Stored) -> Searchable:
    table = stored.table
    docs = _Documents(table["docs"])

    def texts_of(number: int) -> SearchDoc:
        entry = json.loads(stored.slice(table["files"][table["docs"][number][7]][3]))
        return _doc_from_entry(entry["doc"])

    index = SearchIndex(docs, _Postings(stored, len(docs)), table["stems"], texts_of)
    broken = sum(1 for row in table["files"] if _entry_broken(row))
    return Searchable(index, broken, CacheRun("stored"), stored.handle)


def _entry_broken(row: list[Any]) -> bool:
    """Whether a file did not load: its entry is the two bytes ``{}`` then (no need to read it)."""
    return bool(row[3][1] == 2)


# -- checking the KB against the table --------------------------------------------------------------


def _status_now(path: Path, settled: int) -> tuple[list[int] | None, bool]:
    """A file's or folder's status as stored (None while it may still change) and whether it is the
    kind expected (regular file or folder, never a link)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None, False
    if stat.S_ISLNK(info.st_mode):
        return None, False
    status = list(file_status(info))
    return (status if info.st_ctime_ns <= settled else None), True


def _unchanged(stored: _Stored, root: Path, limits: Limits) -> bool:
    """Whether the KB is as the table describes it: the same files (every folder with its stored
    status, else listed again), each with its stored status or, failing that, its bytes. Statuses
    found anew for unchanged folders and files are put in the table (``stored.refreshed``) once they
    have settled, so that the next run takes them by their status."""
    table = stored.table
    settled = time.time_ns() - SETTLE_NS
    top = str(root)
    for relative, status in table["dirs"]:
        try:
            info = os.lstat(os.path.join(top, relative)) if relative else os.stat(root)
        except OSError:
            return False
        if status is None or list(file_status(info)) != status:
            break
    else:
        return _files_unchanged(stored, root, limits, settled)
    from wijkmodulen.load.kb import kb_files

    paths, _ = kb_files(root)
    if [path.relative_to(root).as_posix() for path in paths] != [row[0] for row in table["files"]]:
        return False
    folders = _folders(root, settled)
    if folders != table["dirs"]:
        table["dirs"] = folders
        stored.refreshed = True
    return _files_unchanged(stored, root, limits, settled)


def _files_unchanged(stored: _Stored, root: Path, limits: Limits, settled: int) -> bool:
    from wijkmodulen.io.reader import read_bounded

    top = str(root)
    for row in stored.table["files"]:
        relative, status, digest, _ = row
        try:  # strings, not paths: ten thousand Path objects cost more than the lstat calls
            info = os.lstat(os.path.join(top, relative))
        except OSError:
            return False
        now = list(file_status(info))
        if status is not None and now == status:
            continue
        try:
            raw = read_bounded(root / relative, limits)
        except Exception:  # noqa: BLE001 -- refused or unreadable: unchanged if it was so before
            if digest is None:
                continue
            return False
        if digest is None or hashlib.sha256(raw).hexdigest() != digest:
            return False
        if info.st_ctime_ns <= settled and now[0] == len(raw):
            row[1] = now
            stored.refreshed = True
    return True


def _refresh(file: Path, key: str, stored: _Stored) -> None:
    """Store the table with the statuses found anew; the entries and points are copied as they are."""
    stored.handle.seek(stored.start)
    head = f"{MAGIC} {FORMAT}\t{key}\n".encode("ascii")
    line = json.dumps(stored.table, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
    write_private(file, [head, line, stored.handle.read()])


# -- building and storing ---------------------------------------------------------------------------


@dataclass
class _Entry:
    """One KB file as indexed: its status and digest (None: read it every time), its entry's JSON."""

    relative: str
    status: list[int] | None
    digest: str | None
    entry: bytes  # b"{}" for a file that did not load


def _folders(root: Path, settled: int) -> list[list[Any]]:
    """The root and every folder below the kind folders (not through links), with their statuses:
    a file added, removed or renamed changes its folder's status."""
    from wijkmodulen.model import kinds

    top = os.stat(root)  # the KB folder itself may be given as a link; nothing below it is followed
    found: list[list[Any]] = [["", list(file_status(top)) if top.st_ctime_ns <= settled else None]]
    pending = list(kinds.folders())
    while pending:
        relative = pending.pop(0)
        status, real = _status_now(root / relative, settled)
        if not real or not (root / relative).is_dir():
            continue
        found.append([relative, status])
        try:
            with os.scandir(root / relative) as listing:
                names = sorted(entry.name for entry in listing if entry.is_dir(follow_symlinks=False))
        except OSError:
            found[-1][1] = None  # an unreadable folder is listed again every time
            continue
        pending.extend(f"{relative}/{name}" for name in names)
    return found


def _read_entry(root: Path, path: Path, limits: Limits, settled: int) -> tuple[_Entry, tuple[Any, ...] | None]:
    """Read, parse and validate one file; its entry and (when it loads and is searched) its document
    with its order key, the index it belongs to and its words."""
    from wijkmodulen.io.reader import read_bounded
    from wijkmodulen.load.kb import read_source, validate_source
    from wijkmodulen.model import kinds

    relative = path.relative_to(root).as_posix()
    status, _ = _status_now(path, settled)
    try:
        raw = read_bounded(path, limits)
    except Exception:  # noqa: BLE001 -- refused or unreadable: a file that did not load, read every time
        return _Entry(relative, None, None, b"{}"), None
    if status is not None and status[0] != len(raw):
        status = None
    digest = hashlib.sha256(raw).hexdigest()
    source, issue = read_source(path, raw, limits, on_disk=True)
    model, issues = validate_source(root, source, issue)
    if model is None or issues:
        return _Entry(relative, status, digest, b"{}"), None
    kind = kinds.kind_of_model().get(type(model))
    spec = kind.index_of(model) if kind is not None else None
    found = documents.entry_document(spec.name, model) if spec is not None else None
    if spec is None or found is None:
        # Loaded but not searched (bronnen.yaml): kept as an entry with no document.
        return _Entry(relative, status, digest, b'{"doc":null}'), None
    order, doc = found
    counts = index.doc_counts(doc)
    data = {
        "index": spec.name, "order": list(order), "counts": counts,
        "doc": {"id": doc.id, "soort": doc.soort, "titel": doc.titel, "anchor": doc.anchor,
                "fields": doc.fields, "beroep": doc.beroep, "cluster": doc.cluster,
                "competenties": sorted(doc.competenties)},
    }
    entry = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return _Entry(relative, status, digest, entry), (tuple(order), spec.name, doc, counts)


def _parsed(entry: bytes) -> tuple[Any, ...] | None:
    data = json.loads(entry)
    if not data or data.get("doc") is None:
        return None
    counts: FieldCounts = {name: (length, found) for name, (length, found) in data["counts"].items()}
    return tuple(data["order"]), data["index"], _doc_from_entry(data["doc"]), counts


def _build(root: Path, limits: Limits, stored: _Stored | None, run: CacheRun) -> tuple[SearchIndex, int, list[Any],
                                                                                        list[_Entry]]:
    """The index from every file of the KB: stored entries of files that did not change, the others
    read anew."""
    from wijkmodulen.load.kb import kb_files

    settled = time.time_ns() - SETTLE_NS
    dirs = _folders(root, settled)
    paths, _ = kb_files(root)
    previous: dict[str, list[Any]] = {}
    if stored is not None:
        previous = {row[0]: row for row in stored.table["files"]}
    entries: list[_Entry] = []
    documents_: list[tuple[Any, ...]] = []
    seen: set[tuple[str, str]] = set()
    broken = 0
    for path in paths:
        relative = path.relative_to(root).as_posix()
        old = previous.get(relative)
        reused: tuple[_Entry, tuple[Any, ...] | None] | None = None
        if old is not None and stored is not None:
            reused = _reuse(stored, old, path, limits, settled)
        if reused is None:
            reused = _read_entry(root, path, limits, settled)
            run.read.append(relative)
        entry, found = reused
        entries.append(entry)
        if entry.entry == b"{}":
            broken += 1
        if found is None:
            continue
        order, name, doc, counts = found
        if (name, doc.id) in seen:  # the KB keeps the first file of an id (lint reports the other)
            continue
        seen.add((name, doc.id))
        documents_.append((order, len(entries) - 1, doc, counts))
    documents_.sort(key=lambda item: item[0])
    docs = [doc for _, _, doc, _ in documents_]
    built = assemble_index(docs, [counts for _, _, _, counts in documents_])
    rows = [[doc.id, doc.soort, doc.titel, doc.anchor, doc.beroep, doc.cluster, sorted(doc.competenties), number]
            for _, number, doc, _ in documents_]
    return built, broken, [dirs, rows], entries


def _reuse(stored: _Stored, old: list[Any], path: Path, limits: Limits,
           settled: int) -> tuple[_Entry, tuple[Any, ...] | None] | None:
    """A stored entry of a file that did not change (by its status, else by its bytes); None otherwise."""
    relative, status, digest, where = old
    now, real = _status_now(path, settled)
    if not real:
        return None
    if status is None or now != status:
        if digest is None:
            return None
        from wijkmodulen.io.reader import read_bounded

        try:
            raw = read_bounded(path, limits)
        except Exception:  # noqa: BLE001 -- refused or unreadable: read anew, which says why
            return None
        if hashlib.sha256(raw).hexdigest() != digest:
            return None
        if now is not None and now[0] != len(raw):
            now = None
    try:
        entry = stored.slice(where)
        return _Entry(relative, now, digest, entry), _parsed(entry)
    except (OSError, ValueError, TypeError, KeyError, IndexError, RecursionError):
        return None


def _store(file: Path, key: str, built: SearchIndex, parts: list[Any], entries: list[_Entry]) -> bool:
    dirs, rows = parts
    chunks: list[bytes] = []
    offset = 0
    files: list[list[Any]] = []
    for entry in entries:
        files.append([entry.relative, entry.status, entry.digest, [offset, len(entry.entry)]])
        chunks.append(entry.entry)
        offset += len(entry.entry)
    terms: dict[str, list[int]] = {}
    for stem, flat in built.terms.items():
        data = json.dumps(flat, separators=(",", ":")).encode("ascii")
        terms[stem] = [offset, len(data)]
        chunks.append(data)
        offset += len(data)
    table = {"dirs": dirs, "files": files, "docs": rows, "stems": dict(built.stems), "terms": terms, "size": offset}
    head = f"{MAGIC} {FORMAT}\t{key}\n".encode("ascii")
    line = json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
    return write_private(file, [head, line, *chunks])


def stored_searchable(root: Path, limits: Limits, directory: Path | None = None,
                      version: str | None = None) -> Searchable | None:
    """The stored index of the KB at ``root`` if nothing in the KB changed since it was stored; None
    otherwise (then ``searchable`` updates it)."""
    key = cache_key(limits, version)
    file = cache_file(root, directory)
    stored = _open(file, key)
    if stored is None:
        return None
    try:
        if _unchanged(stored, root, limits):
            if stored.refreshed:
                _refresh(file, key, stored)
            return _stored_index(stored)
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        pass
    stored.handle.close()
    return None


def searchable(root: Path, limits: Limits, directory: Path | None = None, version: str | None = None) -> Searchable:
    """The index of the KB at ``root``: as stored when nothing changed, else updated file by file (and
    stored again). The cache is only a speed-up: when it cannot be read or written, the index is built
    from the files all the same."""
    found = stored_searchable(root, limits, directory, version)
    if found is not None:
        return found
    key = cache_key(limits, version)
    file = cache_file(root, directory)
    stored = _open(file, key)
    run = CacheRun("new" if stored is None else "updated")
    try:
        built, broken, parts, entries = _build(root, limits, stored, run)
    finally:
        if stored is not None:
            stored.handle.close()
    run.written = _store(file, key, built, parts, entries)
    return Searchable(built, broken, run)
