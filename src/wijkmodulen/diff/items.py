"""Comparing two versions of one item (module, competence, ...) aspect by aspect.

A model is split into text sections (compared paragraph by paragraph and item by item), links
(compared as sets of ids) and plain fields (compared as values, with a word diff for text).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from wijkmodulen.diff.lists import diff_items
from wijkmodulen.diff.model import FieldChange, LinkChange, SectionChange
from wijkmodulen.diff.words import word_diff

SECTION_FIELDS = frozenset({
    "doelgroep", "doelen", "duur_en_frequentie", "setting", "werkwijze", "aanvullende_informatie",
    "randvoorwaarden", "omschrijving", "proces", "resultaat", "tekst", "voetnoten",
})
LINK_LISTS = frozenset({"tegenhangers", "verwijzingen"})
LINK_SINGLE = frozenset({"specificatie_van", "thema"})
KOPPELING_LISTS = ("competenties", "kennisdomeinen", "doelgroepen")
KOPPELING_FIELDS = ("collectief", "zonder_grond", "beoordeling")
IGNORED = frozenset({"id"})  # shown in the item's heading
HEADING = frozenset({"titel"})  # also in the heading: not repeated when the whole item comes or goes


@dataclass
class Aspects:
    fields: dict[str, str] = field(default_factory=dict)
    sections: dict[str, list[str]] = field(default_factory=dict)
    shapes: dict[str, Any] = field(default_factory=dict)  # a section's raw value, for shape changes
    links: dict[str, list[str]] = field(default_factory=dict)


def aspects(model: BaseModel | None) -> Aspects:
    result = Aspects()
    if model is None:
        return result
    data = plain(model)
    assert isinstance(data, dict)
    for name, value in data.items():
        if name in IGNORED or value is None or value == []:
            continue
        if name in SECTION_FIELDS:
            result.sections[name] = section_texts(value, voetnoten=name == "voetnoten")
            result.shapes[name] = value
        elif name in LINK_LISTS:
            result.links[name] = list(value)
        elif name in LINK_SINGLE:
            result.links[name] = [_link_text(value)]
        elif name == "koppelingen":
            for key in KOPPELING_LISTS:
                result.links[f"{name}.{key}"] = list(value.get(key) or [])
            for key, text in (value.get("toelichting") or {}).items():
                result.fields[f"{name}.toelichting.{key}"] = text
            _flatten(f"{name}.herkomst", value.get("herkomst"), result.fields)
            # The collective reasons, the "none, because" reasons and the review record are
            # values of their own: koppelingen.collectief.4L, koppelingen.beoordeling.datum, ...
            for key in KOPPELING_FIELDS:
                _flatten(f"{name}.{key}", value.get(key) or None, result.fields)
        else:
            _flatten(name, value, result.fields)
    return result


def plain(value: Any) -> Any:
    """Models as dicts of their fields, recursively. (``model_dump`` would warn about the
    callable-discriminated unions of the section types.)"""
    if isinstance(value, BaseModel):
        return {name: plain(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def section_texts(value: Any, voetnoten: bool = False) -> list[str]:
    """A section's paragraphs, actor lines, items and sub-items, in printed order."""
    if isinstance(value, str):
        return [value]
    texts: list[str] = []
    for element in value:
        if isinstance(element, str):
            texts.append(element)
        elif voetnoten:
            texts.append(f"{element['teken']} {element['anker']} ({element['sectie']}): {element['tekst']}")
        else:
            for key in ("uitvoerder", "tekst"):
                if key in element:
                    texts.append(element[key])
            for key in ("activiteiten", "lijst"):
                if key in element:
                    texts.extend(section_texts(element[key]))
    return texts


def content_text(model: BaseModel) -> str:
    """All the prose of an item, to recognise it under a new id."""
    found = aspects(model)
    parts = [found.fields.get("titel", "")]
    for texts in found.sections.values():
        parts.extend(texts)
    return "\n".join(parts)


def _link_text(value: Any) -> str:
    if isinstance(value, dict) and "extern" in value:
        return f"extern: {value['extern']}"
    return str(value)


def _flatten(name: str, value: Any, into: dict[str, str]) -> None:
    if value is None:
        return
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(f"{name}.{key}", inner, into)
    elif isinstance(value, list):
        if all(isinstance(v, str | int | float | bool) for v in value):
            into[name] = ", ".join(_scalar(v) for v in value)
        else:
            into[name] = json.dumps(value, ensure_ascii=False)
    else:
        into[name] = _scalar(value)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def compare(
    old: BaseModel | None, new: BaseModel | None
) -> tuple[tuple[FieldChange, ...], tuple[SectionChange, ...], tuple[LinkChange, ...]]:
    """What differs between two versions of an item; ``None`` stands for "not there"."""
    a, b = aspects(old), aspects(new)
    links = _compare_links(a, b)
    gone_or_new = {i for link in links if link.name.startswith("koppelingen.") for i in (*link.added, *link.removed)}
    fields = []
    for name in _union(a.fields, b.fields):
        before, after = a.fields.get(name), b.fields.get(name)
        if before == after or (name in HEADING and (old is None or new is None)):
            continue
        # The explanation of a link that comes or goes is part of that link change.
        if name.startswith("koppelingen.toelichting.") and name.rsplit(".", 1)[1] in gone_or_new:
            continue
        words = word_diff(before, after) if before is not None and after is not None else ()
        fields.append(FieldChange(name, before, after, words))
    sections = []
    for name in _union(a.sections, b.sections):
        items = diff_items(a.sections.get(name, []), b.sections.get(name, []))
        shape_changed = not items and a.shapes.get(name) != b.shapes.get(name)
        if items or shape_changed:
            sections.append(SectionChange(name, tuple(items), shape_changed))
    return tuple(fields), tuple(sections), links


def _compare_links(a: Aspects, b: Aspects) -> tuple[LinkChange, ...]:
    changes = []
    for name in _union(a.links, b.links):
        before, after = a.links.get(name, []), b.links.get(name, [])
        added = tuple(i for i in after if i not in before)
        removed = tuple(i for i in before if i not in after)
        if added or removed:
            changes.append(LinkChange(name, added, removed))
    return tuple(changes)


def _union(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """Keys of both, in the order they first appear (the model's field order)."""
    return list(dict.fromkeys([*a, *b]))
