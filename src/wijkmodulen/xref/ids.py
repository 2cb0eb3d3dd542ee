"""What an id stands for in a KB, and the nearest known id when it stands for nothing."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.model import kinds

Kind = str  # the name of an index of the kinds table whose ids resolve (kinds.xref_indexes())


class UnknownId(LookupError):
    """``identifier`` names nothing in the KB; ``suggestion`` is the closest id, if any is close."""

    def __init__(self, identifier: str, suggestion: str | None) -> None:
        super().__init__(identifier)
        self.identifier = identifier
        self.suggestion = suggestion


@dataclass(frozen=True)
class Resolved:
    kind: Kind
    id: str
    model: Any


def indexes(kb: KnowledgeBase) -> list[tuple[Kind, dict[str, Any]]]:
    return [(index.name, kb.index(index.name)) for index in kinds.xref_indexes()]


def all_ids(kb: KnowledgeBase) -> list[str]:
    return [identifier for _, index in indexes(kb) for identifier in index]


def resolve(kb: KnowledgeBase, identifier: str) -> Resolved:
    """The entry ``identifier`` names; case is forgiven (``4p``, ``WMW-06``)."""
    wanted = identifier.strip()
    for kind, index in indexes(kb):
        for known, entry in index.items():
            if known == wanted or known.casefold() == wanted.casefold():
                return Resolved(kind, known, entry.model)
    raise UnknownId(identifier, suggest(kb, wanted))


def suggest(kb: KnowledgeBase, identifier: str) -> str | None:
    ids = all_ids(kb)
    by_fold = {known.casefold(): known for known in ids}
    matches = difflib.get_close_matches(identifier.casefold(), list(by_fold), n=1, cutoff=0.6)
    return by_fold[matches[0]] if matches else None


def title_repeats_id(identifier: str, titel: str) -> bool:
    """Whether the title only spells the id out (kennisbouwsteen ``veiligheid``, titled "veiligheid")."""
    return titel.casefold() == identifier.replace("-", " ").casefold()


def title_of(kb: KnowledgeBase, identifier: str) -> str | None:
    """The title of the entry ``identifier`` names exactly, of any kind."""
    for _, index in indexes(kb):
        if identifier in index:
            return str(index[identifier].model.titel)
    return None


def kind_label(kind: Kind) -> str:
    """The message key of what an entry of ``kind`` is called ("SCW-competentie")."""
    return kinds.index_named(kind).label


def display_name(identifier: str, titel: str) -> str:
    """``4P Zet aan tot participatie``, but ``inkomen`` where the title only repeats the id."""
    if title_repeats_id(identifier, titel):
        return identifier
    return f"{identifier} {titel}"
