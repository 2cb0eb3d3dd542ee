"""A second reading of a module's links is recorded in its review, ordered, validated and diffed."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from wijkmodulen.diff.items import compare
from wijkmodulen.fmt.formatter import format_text
from wijkmodulen.load.yaml_source import load_text
from wijkmodulen.model import Module

from conftest import SHIPPED

WMW01 = SHIPPED / "modules" / "wmw-01-aanmelding.yaml"


def _module(text: str) -> Module:
    return Module.model_validate(load_text(text))


def _without_second_reading(text: str) -> str:
    """The text with the `tweede_lezing` block (its key line and the deeper lines under it) taken out."""
    kept: list[str] = []
    depth: int | None = None
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip())
        if depth is not None and indent > depth:
            continue
        depth = indent if line.strip().startswith("tweede_lezing:") else None
        if depth is None:
            kept.append(line)
    return "\n".join(kept) + "\n"


def test_second_reading_is_optional_ordered_after_the_rubric_and_diffed() -> None:
    shipped = WMW01.read_text(encoding="utf-8")
    first = _without_second_reading(shipped)
    assert _module(first).koppelingen.beoordeling.tweede_lezing is None  # type: ignore[union-attr]
    # Written before the other keys, fmt puts it after `rubric`, its place in the model.
    disordered = first.replace(
        "  beoordeling:\n", "  beoordeling:\n    tweede_lezing: {datum: 2026-11-30, door: redactie}\n"
    )
    formatted, _ = format_text(disordered, Module)
    record = formatted.split("  beoordeling:\n", 1)[1]
    assert record.index("rubric:") < record.index("tweede_lezing:")
    second = _module(formatted).koppelingen.beoordeling.tweede_lezing  # type: ignore[union-attr]
    assert second is not None
    assert (second.door, str(second.datum)) == ("redactie", "2026-11-30")
    fields, _, _ = compare(_module(first), _module(formatted))
    assert {f.name: f.new for f in fields} == {
        "koppelingen.beoordeling.tweede_lezing.door": "redactie",
        "koppelingen.beoordeling.tweede_lezing.datum": "2026-11-30",
    }


def test_second_reading_rejects_unknown_keys() -> None:
    text = _without_second_reading(WMW01.read_text(encoding="utf-8")).replace(
        "  beoordeling:\n", "  beoordeling:\n    tweede_lezing: {door: redactie, datum: 2026-11-30, oordeel: goed}\n"
    )
    with pytest.raises(ValidationError):
        _module(text)
