"""Canonical key order: the order of the fields in the file's pydantic model, at every level.

Keys are moved, not rebuilt, so the comments ruamel.yaml attaches to a key travel with it.
Keys the model does not know stay, after the known ones, in their own order (lint reports them).
"""

from __future__ import annotations

from typing import Any, get_args, get_origin

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap


def order_keys(node: Any, model: type[BaseModel]) -> None:
    """Reorder the mapping ``node`` (a ruamel CommentedMap) and its nested mappings in place."""
    if not isinstance(node, CommentedMap):
        return
    fields = list(model.model_fields)
    known = [key for key in fields if key in node]
    unknown = [key for key in node if key not in model.model_fields]
    for key in (*known, *unknown):
        node.move_to_end(key)
    for key in known:
        annotation = model.model_fields[key].annotation
        _apply(node[key], list(_models_in(annotation)))


def _apply(value: Any, candidates: list[type[BaseModel]]) -> None:
    if not candidates:
        return
    if isinstance(value, list):
        for item in value:
            _apply(item, candidates)
    elif isinstance(value, CommentedMap):
        order_keys(value, _best_model(value, candidates))


def _best_model(value: dict[str, Any], candidates: list[type[BaseModel]]) -> type[BaseModel]:
    # A union of block kinds (tekst / lijst / uitvoerder+activiteiten): the model that knows the
    # most of the mapping's keys, and among those the one with the fewest fields.
    return max(candidates, key=lambda m: (len(set(value) & set(m.model_fields)), -len(m.model_fields)))


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models a field's value (or its list items) may be; a free-form dict has none."""
    found: list[type[BaseModel]] = []
    stack = [annotation]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            if current not in found:
                found.append(current)
            continue
        if get_origin(current) is dict:
            continue  # keys chosen by the author (e.g. toelichting per id): their order is theirs
        stack.extend(get_args(current))
        stack.extend(getattr(current, "__metadata__", ()) or ())
    return found
