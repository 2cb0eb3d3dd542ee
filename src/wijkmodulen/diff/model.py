"""The result of comparing two KBs. Formatters turn it into text, markdown or JSON.

The JSON output is these dataclasses as they are (see ``format_json``); their shape is the
documented schema ``diff.schema.json``, so renaming a field here is a breaking change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from wijkmodulen.model import kinds

Op = Literal["=", "-", "+"]
ItemKind = str  # the name of an index of the kinds table (model/kinds.py); the schema lists them
Status = Literal["added", "removed", "changed", "renamed"]
ListChange = Literal["added", "removed", "changed", "moved"]
SideKind = Literal["revision", "worktree", "folder"]

STATUSES: tuple[Status, ...] = ("added", "removed", "renamed", "changed")


@dataclass(frozen=True)
class Segment:
    """A run of words that is the same in both texts (=), only in the old (-) or only in the new (+)."""

    op: Op
    text: str


@dataclass(frozen=True)
class FieldChange:
    """A single value: ``titel``, ``nummer``, ``bron.paginas``, ``koppelingen.toelichting.4A``."""

    name: str
    old: str | None
    new: str | None
    words: tuple[Segment, ...]


@dataclass(frozen=True)
class ListItemChange:
    """One paragraph or list item of a section, matched by content, not by position.

    Positions are 1-based over the section's paragraphs, actor lines, items and sub-items.
    ``moved`` is set when the item changed places relative to the items around it.
    """

    change: ListChange
    old_position: int | None
    new_position: int | None
    old: str | None
    new: str | None
    words: tuple[Segment, ...]
    moved: bool


@dataclass(frozen=True)
class SectionChange:
    """A text section (``doelen``, ``werkwijze``, ``proces``, ``tekst``, ``voetnoten`` ...).

    ``structure_changed``: the same texts in another shape (a paragraph became a list item, say).
    """

    name: str
    items: tuple[ListItemChange, ...]
    structure_changed: bool


@dataclass(frozen=True)
class LinkChange:
    """Ids added to or removed from a link: ``tegenhangers``, ``specificatie_van``, ``verwijzingen``,
    ``koppelingen.competenties``, ``koppelingen.kennisdomeinen``, ``koppelingen.doelgroepen``, ``thema``."""

    name: str
    added: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True)
class ItemChange:
    """One module, competence, kennisbouwsteen or introduction section that differs.

    ``renamed``: the same id in another file, or a new id with near-identical content.
    Files are relative to the KB folder.
    """

    kind: ItemKind
    status: Status
    old_id: str | None
    new_id: str | None
    titel: str
    old_file: str | None
    new_file: str | None
    fields: tuple[FieldChange, ...]
    sections: tuple[SectionChange, ...]
    links: tuple[LinkChange, ...]

    @property
    def id(self) -> str:
        return self.new_id or self.old_id or ""


@dataclass(frozen=True)
class RevisionProblem:
    """A file of one side that could not be read or validated; its items are left out of the diff."""

    file: str
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Side:
    kind: SideKind
    label: str  # the revision or folder as given; empty for the working tree
    commit: str | None
    problems: tuple[RevisionProblem, ...]


@dataclass(frozen=True)
class KbDiff:
    old: Side
    new: Side
    items: tuple[ItemChange, ...]

    @property
    def has_changes(self) -> bool:
        return bool(self.items)

    def counts(self) -> dict[str, dict[Status, int]]:
        """Per group of the summary table: how many items were added, removed, renamed, changed."""
        table: dict[str, dict[Status, int]] = {group: dict.fromkeys(STATUSES, 0) for group in groups()}
        for item in self.items:
            table[kinds.kind_of_index(item.kind).group][item.status] += 1
        return table


def groups() -> dict[str, str]:
    """The groups of the summary table, in order: one per kind with indexes (key: the message key of its
    name). A group holds the kind's indexes (``competenties``: themes, SCW and generic competences)."""
    return {kind.group: kind.plural for kind in kinds.KINDS if kind.indexes}
