"""Walking the text values of a file's data, with the data path of each (for positions)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijkmodulen.load.yaml_source import Path_

# What ``wijkmodulen new`` writes into every section; WM202 reports it, other text rules skip it.
PLACEHOLDER = "TODO:"


def text_values(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every string value below ``data`` (keys are not values) with its data path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from text_values(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from text_values(value, (*path, index))


def is_placeholder(text: str) -> bool:
    return text.lstrip().startswith(PLACEHOLDER)


def activity_blocks(data: dict[str, Any]) -> Iterator[tuple[Path_, list[tuple[Path_, str]]]]:
    """Each activities block of a module's werkwijze: its path and (path, text) per activity."""
    for index, block in enumerate(data.get("werkwijze") or []):
        if not isinstance(block, dict) or not isinstance(block.get("activiteiten"), list):
            continue
        base: Path_ = ("werkwijze", index, "activiteiten")
        items: list[tuple[Path_, str]] = []
        for position, item in enumerate(block["activiteiten"]):
            if isinstance(item, str):
                items.append(((*base, position), item))
            elif isinstance(item, dict) and isinstance(item.get("tekst"), str):
                items.append(((*base, position, "tekst"), item["tekst"]))
        yield base, items
