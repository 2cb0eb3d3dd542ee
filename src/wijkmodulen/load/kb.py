"""The KnowledgeBase: every file of a KB folder as typed models, indexed by id.

Parse and validation errors are data (``LoadIssue``): one broken file never hides the others.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from wijkmodulen.io.reader import Refused as _Refused
from wijkmodulen.io.reader import read_bounded as _read_bounded
from wijkmodulen.io.reader import too_large
from wijkmodulen.load.limits import Limits
from wijkmodulen.load.suppressions import collect_suppressions
from wijkmodulen.load.yaml_source import Path_, Position, SourceFile, YamlProblem, decode, load_text
from wijkmodulen.messages import t
from wijkmodulen.model import (
    Bronnen,
    GeneriekeCompetentie,
    Inleiding,
    Kennisbouwsteen,
    Module,
    ScwCompetentie,
    ScwThema,
    kinds,
)
from wijkmodulen.model.common import SLUG_ID
from wijkmodulen.os_errors import describe

M = TypeVar("M", bound=BaseModel)

DEFAULT_LIMITS = Limits()

BRONNEN_FILE = kinds.file_kinds_named(kinds.BRONNEN)
# The kind folders of the built-in table, in KB order (model/kinds.py; kinds.folders() sees added kinds).
FOLDERS = kinds.folders()


@dataclass(frozen=True)
class LoadIssue:
    """A file (or part of one) that could not be read or does not fit its model."""

    source: SourceFile
    kind: str  # "syntax" or "schema"
    message: str
    path: Path_ = ()
    position: Position | None = None  # known already for syntax issues


@dataclass(frozen=True)
class Entry(Generic[M]):
    model: M
    source: SourceFile


E = TypeVar("E", bound=Entry[Any])


@dataclass
class KnowledgeBase:
    root: Path
    files: list[SourceFile] = field(default_factory=list)
    modules: dict[str, Entry[Module]] = field(default_factory=dict)
    scw_themas: dict[str, Entry[ScwThema]] = field(default_factory=dict)
    scw_competenties: dict[str, Entry[ScwCompetentie]] = field(default_factory=dict)
    generieke_competenties: dict[str, Entry[GeneriekeCompetentie]] = field(default_factory=dict)
    kennisdomeinen: dict[str, Entry[Kennisbouwsteen]] = field(default_factory=dict)
    doelgroepen: dict[str, Entry[Kennisbouwsteen]] = field(default_factory=dict)
    inleiding: dict[str, Entry[Inleiding]] = field(default_factory=dict)
    bronnen: Entry[Bronnen] | None = None
    issues: list[LoadIssue] = field(default_factory=list)
    # (id, the later entry, the earlier entry's file) for ids seen twice within one kind
    duplicate_ids: list[tuple[str, Entry[Any], SourceFile]] = field(default_factory=list)
    stray_files: list[Path] = field(default_factory=list)
    # ids of files that could not be loaded: references to them are not reported as unknown
    unloaded_ids: set[str] = field(default_factory=set)
    # the indexes of kinds added to the table (model/kinds.py) without an attribute here, by index name
    others: dict[str, dict[str, Entry[Any]]] = field(default_factory=dict)
    # The ids whose entries are checked by rules that check one entry at a time against the whole
    # KB (``Rule.focused``): an editor re-checks the entries an edit can affect. None: all.
    focus: set[str] | None = None
    _order: tuple[tuple[int, ...], list[Entry[Module]]] | None = field(default=None, repr=False, compare=False)

    def in_focus(self, index: dict[str, E]) -> Iterable[E]:
        if self.focus is None:
            return index.values()
        return [index[key] for key in self.focus if key in index]

    def index(self, name: str) -> dict[str, Entry[Any]]:
        """The entries of one index (``module``, ``kennisdomein``, ...) by id."""
        spec = kinds.indexes_by_name().get(name)
        if spec is not None and spec.attribute is not None:
            return getattr(self, spec.attribute)  # type: ignore[no-any-return]
        return self.others.setdefault(name, {})

    def entries(self) -> Iterator[Entry[Any]]:
        for spec in kinds.indexes():
            yield from self.in_focus(self.index(spec.name))

    @property
    def competenties(self) -> dict[str, Entry[Any]]:
        """Everything a module's ``koppelingen.competenties`` may name."""
        return {**self.scw_competenties, **self.generieke_competenties}

    def modules_in_order(self) -> list[Entry[Module]]:
        if self.focus is not None:
            return _in_order(self.in_focus(self.modules))
        # Most cross-file rules walk the modules in order: sorted once while the modules stay the
        # same entries (the kept order holds them, so their ids cannot be taken by new ones).
        current = tuple(map(id, self.modules.values()))
        if self._order is None or self._order[0] != current:
            self._order = (current, _in_order(self.modules.values()))
        return list(self._order[1])


def _in_order(entries: Iterable[Entry[Module]]) -> list[Entry[Module]]:
    order = {"wijkmaatschappelijk-werk": 0, "individueel-opbouwwerk": 1}
    return sorted(entries, key=lambda e: (order[e.model.beroep], e.model.nummer, e.model.id))


def kb_files(root: Path) -> tuple[list[Path], list[Path]]:
    """The YAML files of a KB and the stray files in its kind folders, in a stable order.

    Symbolic links and folders that cannot be listed are put with the YAML files whatever their
    name, so that ``read_source`` reports them: links are never followed (one could point
    anywhere outside the KB), and the files of an unreadable folder must not vanish unseen.
    """
    files: list[Path] = []
    stray: list[Path] = []
    if (root / BRONNEN_FILE).is_file() or (root / BRONNEN_FILE).is_symlink():
        files.append(root / BRONNEN_FILE)
    for folder in kinds.folders():
        directory = root / folder
        if directory.is_symlink():
            files.append(directory)
            continue
        if not directory.is_dir():
            continue
        unreadable: list[str] = []
        # Sorted as paths sort (part by part), by their parts: tuples compare in C. Paths are
        # made only for what is kept, from the listing's own strings.
        listed = sorted(dict(_entries(directory, unreadable)).items())
        for parts, (text, link, folder_) in listed:
            if link or text in unreadable:
                files.append(Path(text))
                continue
            if folder_:
                continue
            name = parts[-1]
            if name.endswith((".yaml", ".yml")) and name not in (".yaml", ".yml"):
                files.append(Path(text))
            elif not name.startswith("."):
                stray.append(Path(text))
    return files, stray


def _entries(directory: Path, unreadable: list[str]) -> Iterator[tuple[tuple[str, ...], tuple[str, bool, bool]]]:
    """Everything below ``directory``, not following links: its parts below ``directory``, and its
    path, whether it is a link and whether it is a folder (from the listing: no call per file);
    folders that cannot be listed are yielded too and added to ``unreadable``."""
    pending: list[tuple[str, tuple[str, ...]]] = [(str(directory), ())]
    while pending:
        folder, above = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            unreadable.append(folder)
            continue
        for entry in entries:
            parts = (*above, entry.name)
            try:
                link = entry.is_symlink()
                is_folder = not link and entry.is_dir()
            except OSError:
                link, is_folder = False, False
            if is_folder:
                pending.append((entry.path, parts))
            yield parts, (entry.path, link, is_folder)
    top = str(directory)
    for folder in unreadable:  # the top folder itself, if it is the unreadable one
        if folder == top:
            yield (), (folder, False, True)


def read_source(
    path: Path, raw: bytes | None = None, limits: Limits = DEFAULT_LIMITS, on_disk: bool | None = None
) -> tuple[SourceFile, LoadIssue | None]:
    """Read and parse one file. A problem becomes a LoadIssue, never an exception.

    ``on_disk`` says that the bytes are those of the file at ``path`` (the default when ``raw``
    is not given): a file that loads cleanly then drops its text, which is read again from disk
    if a position in it is needed (see ``SourceFile``). Content from elsewhere (a git revision)
    keeps its text."""
    source = SourceFile(path=path, text="")
    if on_disk is None:
        on_disk = raw is None
    try:
        if _bad_name(path):
            raise _Refused(t("load.bad_name"))
        if raw is None:
            raw = _read_bounded(path, limits)
        if len(raw) > limits.max_bytes:
            raise _Refused(_too_large(len(raw), limits))
        source.text = decode(raw)
        source.suppressions = collect_suppressions(source.text)
        source.data = load_text(source.text, limits.max_depth)
    except _Refused as refused:
        return source, LoadIssue(source, "syntax", refused.message, (), Position(1, 1))
    except OSError as error:
        return source, LoadIssue(source, "syntax", t("load.unreadable", detail=describe(error)), (), Position(1, 1))
    except YamlProblem as problem:
        return source, LoadIssue(source, "syntax", problem.message, (), problem.position)
    if source.data is None:
        return source, LoadIssue(source, "syntax", t("load.empty"), (), Position(1, 1))
    if not isinstance(source.data, dict):
        kind = t("kind.list") if isinstance(source.data, list) else t("kind.scalar")
        return source, LoadIssue(source, "syntax", t("load.not_mapping", kind=kind), (), Position(1, 1))
    if on_disk:
        source.drop_text(raw)
    return source, None


def _bad_name(path: Path) -> bool:
    """A name that is not UTF-8 (kept by Python as surrogate escapes) cannot be shown or linked."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _too_large(size: int, limits: Limits) -> str:
    return too_large(size, limits.max_bytes)


def model_for(root: Path, path: Path, data: dict[str, Any]) -> type[BaseModel] | str:
    """The model for a file, or the message explaining why there is none."""
    relative = path.relative_to(root)
    kind = kinds.file_kinds().get(relative.as_posix()) or kinds.kind_of_folder(relative.parts[0])
    if kind is None:
        return t("schema.unknown_soort", value=relative.parts[0], choices=", ".join(kinds.folders()))
    model = kinds.model_of(data, kind)
    if model is not None:
        return model
    soort = data.get("soort")
    choices = ", ".join(kind.soorten)
    if soort is None:
        return t("schema.missing_soort", choices=choices)
    return t("schema.unknown_soort", value=soort, choices=choices)


def validate(source: SourceFile, model: type[M]) -> tuple[M | None, list[LoadIssue]]:
    try:
        return model.model_validate(source.data), []
    except ValidationError as error:
        return None, [_issue_from_error(source, e) for e in error.errors()]


def _data_path(data: Any, loc: Iterable[str | int]) -> Path_:
    """The part of a pydantic ``loc`` that exists in the data (drops union tags)."""
    path: list[str | int] = []
    node = data
    for step in loc:
        in_mapping = isinstance(node, dict) and step in node
        in_list = isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
        if in_mapping or in_list:
            node = node[step]
            path.append(step)
    return tuple(path)


def _known_keys() -> list[str]:
    keys: set[str] = set()
    stack: list[type[BaseModel]] = [model for kind in kinds.KINDS for model in kind.models]
    seen: set[type[BaseModel]] = set()
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        keys.update(model.model_fields)
        for info in model.model_fields.values():
            stack.extend(_models_in(info.annotation))
    return sorted(keys)


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _models_in(arg)
    for meta in getattr(annotation, "__metadata__", ()) or ():
        yield from _models_in(meta)
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        yield from _models_in(origin)


_KNOWN_KEYS: list[str] | None = None


def _suggest(key: str) -> str | None:
    global _KNOWN_KEYS
    if _KNOWN_KEYS is None:
        _KNOWN_KEYS = _known_keys()
    matches = difflib.get_close_matches(key, _KNOWN_KEYS, n=1, cutoff=0.7)
    return matches[0] if matches else None


def suggest_key(key: str) -> str | None:
    """The known key closest to ``key`` (an unknown one), as the schema finding suggests it."""
    return _suggest(key)


def _issue_from_error(source: SourceFile, error: Any) -> LoadIssue:
    loc = tuple(error["loc"])
    kind = error["type"]
    path = _data_path(source.data, loc)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        suggestion = _suggest(key)
        message = (
            t("schema.unknown_key_hint", key=key, suggestion=suggestion)
            if suggestion
            else t("schema.unknown_key", key=key)
        )
        return LoadIssue(source, "schema", message, path)
    if kind == "missing":
        return LoadIssue(source, "schema", t("schema.missing", key=loc[-1]), path)
    where = ".".join(str(step) for step in path) or "/"
    ctx = error.get("ctx") or {}
    key = f"schema.type.{kind}"
    try:
        detail = t(key, **ctx, detail=error.get("msg", ""))
    except (KeyError, IndexError):
        detail = t("schema.type.other", type=kind)
    return LoadIssue(source, "schema", t("schema.invalid", where=where, detail=detail), path)


def _index_for(kb: KnowledgeBase, model: BaseModel) -> dict[str, Entry[Any]] | None:
    kind = kinds.kind_of_model().get(type(model))
    spec = kind.index_of(model) if kind is not None else None
    return kb.index(spec.name) if spec is not None else None


def validate_source(
    root: Path, source: SourceFile, issue: LoadIssue | None
) -> tuple[BaseModel | None, list[LoadIssue]]:
    """The validated model of a read file (None when there is none) and the issues found."""
    if issue is not None:
        return None, [issue]
    chosen = model_for(root, source.path, source.data)
    if isinstance(chosen, str):
        return None, [LoadIssue(source, "schema", chosen, ("soort",))]
    return validate(source, chosen)


def add_source(kb: KnowledgeBase, source: SourceFile, issue: LoadIssue | None) -> None:
    """Validate a read file and add it to the KB's indexes (or its issues)."""
    add_validated(kb, source, *validate_source(kb.root, source, issue))


def add_validated(kb: KnowledgeBase, source: SourceFile, model: BaseModel | None, issues: list[LoadIssue]) -> None:
    """Add a file validated already (by ``validate_source``, or as a cache kept it) to the KB."""
    kb.files.append(source)
    kb.issues.extend(issues)
    if model is None:
        kb.unloaded_ids.add(id_of_unloaded(source))
        return
    if isinstance(model, Bronnen):
        kb.bronnen = Entry(model, source)
        return
    index = _index_for(kb, model)
    if index is None:
        return
    entry: Entry[Any] = Entry(model, source)
    identifier = model.id  # type: ignore[attr-defined]
    if identifier in index:
        kb.duplicate_ids.append((identifier, entry, index[identifier].source))
        return
    index[identifier] = entry


# A file name starts with its id (rule WM101); these are the id patterns that are not plain slugs.
_ID_PREFIX = re.compile(
    "|".join(
        f"(?:{p.strip('^$')})" for p in dict.fromkeys(index.id_pattern for index in kinds.indexes())
        if p != SLUG_ID
    )
)


def id_of_unloaded(source: SourceFile) -> str:
    """The id a broken file stands for: its ``id`` value if readable, else its file-name prefix."""
    if isinstance(source.data, dict) and isinstance(source.data.get("id"), str):
        return str(source.data["id"])
    stem = source.path.name.split(".")[0]
    match = _ID_PREFIX.match(stem)
    return match.group(0) if match else stem


Reader = Callable[[Path, bytes | None], tuple[SourceFile, LoadIssue | None]]
"""Reads one file (from ``raw`` when given): ``read_source`` or a cache in front of it."""


def load_knowledge_base(
    root: Path, limits: Limits = DEFAULT_LIMITS, read: Reader | None = None
) -> KnowledgeBase:
    """Load every file under ``root``; problems are collected, never raised."""
    paths, stray = kb_files(root)
    files = [(path.relative_to(root), None) for path in paths]
    return build_knowledge_base(root, files, stray, read or _reader(limits))


def _reader(limits: Limits) -> Reader:
    def read(path: Path, raw: bytes | None) -> tuple[SourceFile, LoadIssue | None]:
        return read_source(path, raw, limits)

    return read


def build_knowledge_base(
    root: Path,
    files: Iterable[tuple[PurePath, bytes | None]],
    stray_files: Iterable[Path] = (),
    read: Reader = read_source,
) -> KnowledgeBase:
    """A KB from (path relative to ``root``, content) pairs, in KB order; content None means "read
    the file". Folders and git revisions both load through here."""
    kb = KnowledgeBase(root=root, stray_files=list(stray_files))
    for relative, raw in files:
        source, issue = read(root / relative, raw)
        add_source(kb, source, issue)
    return kb


def kb_file_kind(relative: PurePath) -> str | None:
    """"yaml" for a file the KB reads, "stray" for another file in a kind folder, else None."""
    if relative.as_posix() == BRONNEN_FILE:
        return "yaml"
    if len(relative.parts) < 2 or relative.parts[0] not in kinds.folders():
        return None
    if relative.suffix in (".yaml", ".yml"):
        return "yaml"
    return None if relative.name.startswith(".") else "stray"


def kb_order(relative: PurePath) -> tuple[int, PurePath]:
    """Sort key giving the order of ``kb_files``: bronnen.yaml, then the kind folders in turn."""
    if relative.as_posix() == BRONNEN_FILE:
        return (0, relative)
    return (1 + kinds.folders().index(relative.parts[0]), relative)
