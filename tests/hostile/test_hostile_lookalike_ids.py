"""Look-alike ids: only ASCII digits make an id or a number, wherever ids and numbers are parsed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wijkmodulen.load.suppressions import collect_suppressions
from wijkmodulen.schema_export import SCHEMAS, schema_for
from wijkmodulen.xref.matrix import _natural

from hostile import kb_with_canary, lint_kb

LOOKALIKES = ["wmw-٦٠", "wmw-６０", "wmw-0٦"]


@pytest.mark.parametrize("identifier", LOOKALIKES)
def test_a_module_id_with_non_ascii_digits_is_a_finding(tmp_path: Path, identifier: str) -> None:
    kb = kb_with_canary(tmp_path)
    source = (kb / "modules/wmw-01-aanmelding.yaml").read_text(encoding="utf-8")
    (kb / "modules/wmw-01-aanmelding.yaml").unlink()
    (kb / f"modules/{identifier}-aanmelding.yaml").write_text(
        source.replace("id: wmw-01", f"id: {identifier}"), encoding="utf-8"
    )
    run = lint_kb(tmp_path)
    assert "Traceback" not in run.stderr
    lines = [line for line in run.stdout.splitlines() if f"{identifier}-aanmelding.yaml:1:1" in line]
    assert any("WM002" in line for line in lines), run.stdout


def _patterns(schema: Any) -> Iterator[str]:
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            else:
                yield from _patterns(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _patterns(item)


def test_exported_json_schema_patterns_take_ascii_digits_only() -> None:
    patterns = [p for name in SCHEMAS for p in _patterns(schema_for(name))]
    assert patterns, "no patterns exported"
    for pattern in patterns:
        assert "\\d" not in pattern, pattern
        assert "\\w" not in pattern, pattern
        # a JSON Schema consumer (ECMA 262, unicode mode) must refuse the look-alikes too
        for identifier in LOOKALIKES:
            assert re.search(pattern, identifier) is None


def test_natural_sort_of_ids_takes_no_superscript_digits() -> None:
    assert _natural("gk-²") == ("gk-²", 0)
    assert _natural("gk-12") == ("gk", 12)


def test_a_suppression_names_ascii_rule_codes_only() -> None:
    found = collect_suppressions("a: b  # wijkmodulen: disable=WM１０１\n")
    assert found.items == ()
    assert len(found.malformed) == 1


def test_source_date_epoch_takes_ascii_digits_only() -> None:
    from wijkmodulen.render.context import EpochError, build_date

    assert build_date({"SOURCE_DATE_EPOCH": "0"}).year == 1970
    with pytest.raises(EpochError):
        build_date({"SOURCE_DATE_EPOCH": "١٧٠٠٠٠٠٠٠٠"})
