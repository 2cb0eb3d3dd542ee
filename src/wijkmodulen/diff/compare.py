"""Comparing two KnowledgeBases item by item: added, removed, renamed, changed."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from wijkmodulen.diff.items import compare, content_text
from wijkmodulen.diff.model import ItemChange, ItemKind, KbDiff, RevisionProblem, Side, SideKind, Status
from wijkmodulen.load.kb import Entry, KnowledgeBase
from wijkmodulen.model import kinds

# At or above this word similarity an item that lost its id and one that gained a new id are the
# same item renamed, not one removed and one added.
RENAME_THRESHOLD = 0.9

_BEROEP_ORDER = {"wijkmaatschappelijk-werk": 0, "individueel-opbouwwerk": 1}


def diff_knowledge_bases(
    old: KnowledgeBase, new: KnowledgeBase, old_side: SideInfo, new_side: SideInfo
) -> KbDiff:
    items: list[ItemChange] = []
    for index in kinds.indexes():
        items.extend(_diff_kind(index.name, old, new, old.index(index.name), new.index(index.name)))
    return KbDiff(old_side.to_side(old), new_side.to_side(new), tuple(items))


@dataclass(frozen=True)
class SideInfo:
    """Where one side of the comparison came from."""

    kind: SideKind
    label: str = ""
    commit: str | None = None

    def to_side(self, kb: KnowledgeBase) -> Side:
        return Side(self.kind, self.label, self.commit, problems(kb))


def problems(kb: KnowledgeBase) -> tuple[RevisionProblem, ...]:
    found = []
    for issue in kb.issues:
        position = issue.position or issue.source.position(issue.path)
        found.append(RevisionProblem(_relative(kb, issue.source.path), position.line, position.column, issue.message))
    return tuple(found)


def _relative(kb: KnowledgeBase, path: Any) -> str:
    try:
        return str(path.relative_to(kb.root).as_posix())
    except ValueError:
        return str(path.as_posix())


def _diff_kind(
    kind: ItemKind,
    old_kb: KnowledgeBase,
    new_kb: KnowledgeBase,
    old: dict[str, Entry[Any]],
    new: dict[str, Entry[Any]],
) -> list[ItemChange]:
    pairs: list[tuple[Entry[Any] | None, Entry[Any] | None]] = [(old[i], new[i]) for i in old if i in new]
    # An item whose file is broken on the other side cannot be compared; the problem is reported.
    lost = [old[i] for i in old if i not in new and i not in new_kb.unloaded_ids]
    found = [new[i] for i in new if i not in old and i not in old_kb.unloaded_ids]
    renamed = _match_renamed(lost, found)
    pairs += renamed
    matched = {id(e) for pair in renamed for e in pair}
    pairs += [(e, None) for e in lost if id(e) not in matched]
    pairs += [(None, e) for e in found if id(e) not in matched]
    changes = [c for a, b in pairs if (c := _item_change(kind, old_kb, new_kb, a, b)) is not None]
    return sorted(changes, key=_order)


def _match_renamed(
    lost: list[Entry[Any]], found: list[Entry[Any]]
) -> list[tuple[Entry[Any] | None, Entry[Any] | None]]:
    candidates = []
    found_words = [content_text(b.model).split() for b in found]
    for a_index, a in enumerate(lost):
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(content_text(a.model).split())
        for b_index, words in enumerate(found_words):
            matcher.set_seq1(words)
            if matcher.quick_ratio() < RENAME_THRESHOLD:
                continue
            ratio = matcher.ratio()
            if ratio >= RENAME_THRESHOLD:
                candidates.append((-ratio, a_index, b_index))
    pairs: list[tuple[Entry[Any] | None, Entry[Any] | None]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, a_index, b_index in sorted(candidates):
        if a_index not in used_a and b_index not in used_b:
            used_a.add(a_index)
            used_b.add(b_index)
            pairs.append((lost[a_index], found[b_index]))
    return pairs


def _item_change(
    kind: ItemKind, old_kb: KnowledgeBase, new_kb: KnowledgeBase, old: Entry[Any] | None, new: Entry[Any] | None
) -> ItemChange | None:
    fields, sections, links = compare(old.model if old else None, new.model if new else None)
    old_file = _relative(old_kb, old.source.path) if old else None
    new_file = _relative(new_kb, new.source.path) if new else None
    status: Status
    if old is None:
        status = "added"
    elif new is None:
        status = "removed"
    elif old.model.id != new.model.id or old_file != new_file:
        status = "renamed"
    elif fields or sections or links:
        status = "changed"
    else:
        return None
    shown = new or old
    assert shown is not None
    return ItemChange(
        kind, status,
        old.model.id if old else None, new.model.id if new else None, shown.model.titel,
        old_file, new_file, fields, sections, links,
    )


def _order(change: ItemChange) -> tuple[int, int, str]:
    if change.kind == kinds.MODULE:
        prefix, _, number = change.id.partition("-")
        beroep = "wijkmaatschappelijk-werk" if prefix == "wmw" else "individueel-opbouwwerk"
        return (_BEROEP_ORDER[beroep], int(number) if number.isascii() and number.isdigit() else 0, change.id)
    return (0, 0, change.id)

