"""What an editor asks about the KB besides findings: completion, hover, definition, references,
rename, code actions, formatting and outline. Plain data (0-based lines, columns in code points);
the editor server turns it into protocol messages.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from wijkmodulen.app.cursor import Cursor, cursor_at, key_of_line, word_at
from wijkmodulen.app.live import LiveWorkspace
from wijkmodulen.lint.fixes import text_fixes
from wijkmodulen.lint.problem import Problem
from wijkmodulen.lint.registry import RULES  # built-in and plugin rules alike
from wijkmodulen.load.kb import Entry, KnowledgeBase, model_for
from wijkmodulen.load.yaml_source import Path_, SourceFile
from wijkmodulen.messages import t
from wijkmodulen.model import Module
from wijkmodulen.model.module import STANDAARD_KOPJES, collect_texts

# Where an id belongs: the last key of the path, and the index of the KB it names.
ID_KEYS: dict[str, str] = {
    "competenties": "competenties",
    "kennisdomeinen": "kennisdomeinen",
    "doelgroepen": "doelgroepen",
    "tegenhangers": "modules",
    "verwijzingen": "modules",
    "specificatie_van": "modules",
    "thema": "scw_themas",
}


@dataclass(frozen=True)
class Span:
    """A place in a file: 0-based line, columns in code points."""

    path: Path
    line: int
    start: int
    end: int


@dataclass(frozen=True)
class Item:
    """One completion: what is inserted, its kind, a short detail and documentation (Markdown)."""

    label: str
    kind: Literal["id", "key", "value"]
    detail: str = ""
    documentation: str = ""
    sort: str = ""


@dataclass(frozen=True)
class Edit:
    span: Span
    text: str


@dataclass
class WorkspaceChange:
    edits: list[Edit] = field(default_factory=list)
    renames: list[tuple[Path, Path]] = field(default_factory=list)


@dataclass(frozen=True)
class Action:
    title: str
    kind: Literal["quickfix", "fix-all"]
    edits: tuple[Edit, ...]
    code: str  # the rule the action is about
    preferred: bool = False


@dataclass(frozen=True)
class Symbol:
    name: str
    detail: str
    line: int
    end_line: int
    children: tuple[Symbol, ...] = ()


# --- models and their fields ----------------------------------------------------------------------


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found.extend(_models_in(arg))
    return found


def _literals(annotation: Any) -> list[str]:
    if typing.get_origin(annotation) is Literal:
        return [str(value) for value in typing.get_args(annotation)]
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) in (typing.Union, list):
        return [value for arg in typing.get_args(annotation) for value in _literals(arg)]
    return []


def root_model(ws: LiveWorkspace, path: Path, text: str) -> type[BaseModel] | None:
    soort = re.search(r"^soort:\s*['\"]?([\w-]+)", text, re.MULTILINE)
    data = {"soort": soort.group(1)} if soort else {}
    try:
        chosen = model_for(ws.root, path, data)
    except ValueError:
        return None
    if isinstance(chosen, str):
        return None
    return chosen


def _field_at(model: type[BaseModel] | None, keys: tuple[str, ...]) -> tuple[type[BaseModel] | None, FieldInfo | None]:
    """The model holding the last key of ``keys`` and that key's field."""
    info: FieldInfo | None = None
    holder = model
    for index, key in enumerate(keys):
        if holder is None or key not in holder.model_fields:
            return None, None
        info = holder.model_fields[key]
        if index < len(keys) - 1:
            nested = _models_in(info.annotation)
            holder = nested[0] if len(nested) == 1 else None
    return holder, info


def model_at(model: type[BaseModel] | None, keys: tuple[str, ...]) -> type[BaseModel] | None:
    """The model of the mapping at ``keys`` (the file's model for no keys)."""
    if not keys:
        return model
    _, info = _field_at(model, keys)
    if info is None:
        return None
    nested = _models_in(info.annotation)
    return nested[0] if len(nested) == 1 else None


def key_docs(info: FieldInfo) -> str:
    parts = [part for part in (info.title, info.description) if part]
    return "\n\n".join(parts)


# --- ids --------------------------------------------------------------------------------------------


def _index(kb: KnowledgeBase, name: str) -> dict[str, Entry[Any]]:
    return kb.competenties if name == "competenties" else getattr(kb, name)


def _all_entries(kb: KnowledgeBase) -> dict[str, Entry[Any]]:
    found: dict[str, Entry[Any]] = {}
    for entry in kb.entries():
        found.setdefault(entry.model.id, entry)
    return found


def description(entry: Entry[Any]) -> str:
    """What a hover or completion shows of an id: the description, for a competence of the profile
    also its process and result, for a module its target group."""
    texts: list[str] = []
    collect_texts(getattr(entry.model, "omschrijving", None), texts)
    if isinstance(entry.model, Module) and not texts:
        collect_texts(entry.model.doelgroep, texts)
    for part in ("proces", "resultaat"):
        items: list[str] = []
        collect_texts(getattr(entry.model, part, None), items)
        if items:
            texts.append(t(f"editor.{part}") + "\n" + "\n".join(f"- {item}" for item in items))
    return "\n\n".join(texts)


def _id_item(identifier: str, entry: Entry[Any]) -> Item:
    return Item(identifier, "id", entry.model.titel, description(entry), identifier)


# --- completion -------------------------------------------------------------------------------------


def complete(ws: LiveWorkspace, path: Path, text: str, line: int, column: int) -> list[Item]:
    cursor = cursor_at(text, line, column)
    if cursor is None:
        return []
    model = root_model(ws, path, text)
    if cursor.where == "key":
        return _keys(model, cursor)
    key = cursor.path[-1] if cursor.path else ""
    if key in ID_KEYS and (cursor.where != "value" or key in ("specificatie_van", "thema")):
        index = _index(ws.kb, ID_KEYS[key])
        return [_id_item(identifier, entry) for identifier, entry in sorted(index.items())]
    if key == "cluster":
        clusters = sorted({entry.model.cluster for entry in ws.kb.modules.values()})
        return [Item(name, "value", sort=name) for name in clusters]
    _, info = _field_at(model, cursor.path)
    if info is None:
        return []
    return [Item(value, "value", sort=value) for value in _literals(info.annotation)]


def _keys(model: type[BaseModel] | None, cursor: Cursor) -> list[Item]:
    holder = model_at(model, cursor.path)
    if holder is None:
        return []
    items = []
    for order, (name, info) in enumerate(holder.model_fields.items()):
        if name in cursor.siblings and name != cursor.prefix:
            continue
        items.append(Item(name, "key", info.title or "", key_docs(info), f"{order:03d}"))
    return items


# --- hover, definition, references -------------------------------------------------------------------


def hover(ws: LiveWorkspace, path: Path, text: str, line: int, column: int) -> tuple[str, Span] | None:
    word = word_at(text, line, column)
    if word is None:
        return None
    name, start, end = word
    span = Span(path, line, start, end)
    on_key = key_of_line(text, line)
    if on_key is not None and on_key[1] == name and on_key[2] == start:
        _, info = _field_at(root_model(ws, path, text), on_key[0])
        if info is None:
            return None
        return f"**{name}**\n\n{key_docs(info)}".strip(), span
    entry = _all_entries(ws.kb).get(name)
    if entry is None:
        return None
    body = description(entry)
    return f"**{name}** — {entry.model.titel}" + (f"\n\n{body}" if body else ""), span


def id_at(ws: LiveWorkspace, text: str, line: int, column: int) -> str | None:
    word = word_at(text, line, column)
    if word is None:
        return None
    return word[0] if word[0] in _all_entries(ws.kb) else None


def definition(ws: LiveWorkspace, text: str, line: int, column: int) -> Span | None:
    identifier = id_at(ws, text, line, column)
    if identifier is None:
        return None
    entry = _all_entries(ws.kb)[identifier]
    position = entry.source.position(("id",))
    return Span(entry.source.path, position.line - 1, position.column - 1, position.column - 1)


def _reference_paths(kb: KnowledgeBase, identifier: str) -> Iterator[tuple[SourceFile, Path_, bool]]:
    """Every place that names ``identifier``: (file, data path, whether it is a mapping key)."""
    for entry in kb.modules.values():
        module = entry.model
        for key in ("tegenhangers", "verwijzingen"):
            for index, value in enumerate(getattr(module, key)):
                if value == identifier:
                    yield entry.source, (key, index), False
        if module.specificatie_van == identifier:
            yield entry.source, ("specificatie_van",), False
        links = module.koppelingen
        if links is None:
            continue
        for key in ("competenties", "kennisdomeinen", "doelgroepen"):
            for index, value in enumerate(getattr(links, key)):
                if value == identifier:
                    yield entry.source, ("koppelingen", key, index), False
        if identifier in links.toelichting:
            yield entry.source, ("koppelingen", "toelichting", identifier), True
    for competentie in kb.scw_competenties.values():
        if competentie.model.thema == identifier:
            yield competentie.source, ("thema",), False


def _spans(places: list[tuple[SourceFile, Path_, bool]], identifier: str) -> list[Span]:
    by_source: dict[int, tuple[SourceFile, list[tuple[Path_, bool]]]] = {}
    for source, data_path, is_key in places:
        by_source.setdefault(id(source), (source, []))[1].append((data_path, is_key))
    spans = []
    for source, requests in by_source.values():
        text = source.source_text() or ""
        lines = text.split("\n")
        positions = source.positions([(data_path, not is_key) for data_path, is_key in requests])
        for position in positions:
            line, column = position.line - 1, position.column - 1
            current = lines[line] if line < len(lines) else ""
            if current[column:column + 1] in ("'", '"'):
                column += 1
            spans.append(Span(source.path, line, column, column + len(identifier)))
    return sorted(spans, key=lambda s: (str(s.path), s.line, s.start))


def references(ws: LiveWorkspace, text: str, line: int, column: int, declaration: bool) -> list[Span]:
    identifier = id_at(ws, text, line, column)
    if identifier is None:
        return []
    places = list(_reference_paths(ws.kb, identifier))
    if declaration:
        places.insert(0, (_all_entries(ws.kb)[identifier].source, ("id",), False))
    return _spans(places, identifier)


# --- rename ------------------------------------------------------------------------------------------


class RenameRefused(Exception):
    """A rename that cannot be done (message in Dutch)."""


def prepare_rename(ws: LiveWorkspace, text: str, line: int, column: int) -> tuple[str, int, int] | None:
    word = word_at(text, line, column)
    if word is None or word[0] not in _all_entries(ws.kb):
        return None
    return word


def rename(ws: LiveWorkspace, text: str, line: int, column: int, new_id: str) -> WorkspaceChange:
    identifier = id_at(ws, text, line, column)
    if identifier is None:
        raise RenameRefused(t("editor.rename_no_id"))
    entries = _all_entries(ws.kb)
    entry = entries[identifier]
    pattern = _id_pattern(entry.model)
    if pattern and not re.match(pattern, new_id):
        raise RenameRefused(t("editor.rename_bad_id", id=new_id, pattern=pattern))
    if new_id in entries:
        raise RenameRefused(t("editor.rename_taken", id=new_id))
    places = [(entry.source, ("id",), False), *_reference_paths(ws.kb, identifier)]
    change = WorkspaceChange([Edit(span, new_id) for span in _spans(places, identifier)])
    source = entry.source.path
    if source.name.startswith(identifier):
        change.renames.append((source, source.with_name(new_id + source.name[len(identifier):])))
    return change


def _id_pattern(model: BaseModel) -> str | None:
    for item in type(model).model_fields["id"].metadata:
        pattern = getattr(item, "pattern", None)
        if pattern:
            return str(pattern)
    return None


# --- code actions, formatting, outline -------------------------------------------------------------------


def full_edit(path: Path, new: str) -> Edit:
    """An edit replacing the whole document by ``new`` (line -1: the server spans the document)."""
    return Edit(Span(path, -1, 0, 0), new)


def format_document(ws: LiveWorkspace, path: Path, text: str, fixes: bool = False) -> str | None:
    """``fmt`` (with ``fixes``: ``fmt --fix``) of the text; None when it cannot be formatted."""
    from wijkmodulen.fmt.formatter import FormatError, format_text

    model = root_model(ws, path, text)
    try:
        formatted, _ = format_text(text, model, text_fixes(ws.settings) if fixes else None)
    except FormatError:
        return None
    return formatted


def actions(ws: LiveWorkspace, path: Path, text: str, problems: list[Problem]) -> list[Action]:
    found: list[Action] = []
    lines = text.split("\n")
    for problem in problems:
        line = problem.line - 1
        rule = RULES.get(problem.code)
        if rule is not None and rule.fixable:
            fixed = _fix_one(ws, path, text, problem.code)
            if fixed is not None and fixed != text:
                found.append(Action(t("editor.action_fix", code=problem.code, name=rule.name), "quickfix",
                                    (full_edit(path, fixed),), problem.code, preferred=True))
        for replacement in _did_you_mean(ws, path, text, problem):
            found.append(Action(t("editor.action_did_you_mean", name=replacement.text), "quickfix",
                                (replacement,), problem.code, preferred=True))
        if line < len(lines) and "#" not in lines[line] and problem.code in RULES:
            comment = f"  # wijkmodulen: disable={problem.code} -- {t('editor.suppress_reason')}"
            end = len(lines[line])
            found.append(Action(t("editor.action_suppress", code=problem.code), "quickfix",
                                (Edit(Span(path, line, end, end), comment),), problem.code))
    return found


def _fix_one(ws: LiveWorkspace, path: Path, text: str, code: str) -> str | None:
    from wijkmodulen.fmt.formatter import FormatError, format_text

    fixes = {key: fix for key, fix in text_fixes(ws.settings).items() if key == code}
    try:
        return format_text(text, root_model(ws, path, text), fixes)[0]
    except FormatError:
        return None


def _did_you_mean(ws: LiveWorkspace, path: Path, text: str, problem: Problem) -> list[Edit]:
    line = problem.line - 1
    lines = text.split("\n")
    if line >= len(lines):
        return []
    if problem.code == "WM002":
        from wijkmodulen.load.kb import suggest_key

        found = key_of_line(text, line)
        if found is None:
            return []
        _, key, column = found
        suggestion = suggest_key(key)
        return [Edit(Span(path, line, column, column + len(key)), suggestion)] if suggestion else []
    if problem.code != "WM103":
        return []
    word = word_at(text, line, problem.column - 1)
    if word is None:
        return []
    name, start, end = word
    cursor = cursor_at(text, line, start)
    key = cursor.path[-1] if cursor and cursor.path else ""
    known = list(_index(ws.kb, ID_KEYS[key])) if key in ID_KEYS else list(_all_entries(ws.kb))
    matches = [k for k in sorted(known) if k.startswith(name)][:1] or difflib.get_close_matches(name, known, n=3)
    return [Edit(Span(path, line, start, end), match) for match in matches]


def symbols(ws: LiveWorkspace, path: Path, text: str) -> list[Symbol]:
    """The top-level keys of the file (a module's sections) with the lines they span."""
    lines = text.split("\n")
    starts: list[tuple[int, str]] = []
    for number, current in enumerate(lines):
        match = re.match(r"^([A-Za-z_][\w-]*):", current)
        if match:
            starts.append((number, match.group(1)))
    last = len(lines) - 1
    while last > 0 and not lines[last].strip():
        last -= 1
    model = root_model(ws, path, text)
    result = []
    for index, (number, key) in enumerate(starts):
        end = starts[index + 1][0] - 1 if index + 1 < len(starts) else last
        info = model.model_fields.get(key) if model else None
        name = STANDAARD_KOPJES.get(key, key)
        detail = key if name != key else (info.title or "" if info else "")
        result.append(Symbol(name, detail, number, max(end, number)))
    return result
