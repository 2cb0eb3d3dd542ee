"""The data says what the publication says: see tests/fidelity/fidelity.py for the method."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fidelity"))

import fidelity

UNITS = fidelity.load_manifest()


def test_manifest_covers_every_module_and_introduction_section() -> None:
    ids = {unit.id for unit in UNITS}
    assert {f"wmw-{n:02d}" for n in range(1, 20)} <= ids
    assert {f"iow-{n:02d}" for n in range(1, 21)} <= ids
    assert {"introductie-op-de-modulen", "grondhouding", "schakelmodulen", "basisvormen-van-outreachend-werken",
            "ongewenste-bemoeienis", "randvoorwaarden", "de-modulen"} <= ids


@pytest.mark.parametrize("unit", UNITS, ids=[u.id for u in UNITS])
def test_unit_is_faithful(unit: fidelity.Unit) -> None:
    noise, repairs = fidelity.load_repairs()
    result = fidelity.check_unit(unit, noise, repairs)
    assert result.missing == [], "source text lost or altered"
    assert result.added == [], "text not in the source"


def test_the_check_fails_when_a_word_is_lost(tmp_path: Path) -> None:
    unit = next(u for u in UNITS if u.id == "wmw-01")
    text = unit.file.read_text(encoding="utf-8").replace("kort en eenmalig", "kort")
    changed = tmp_path / unit.file.name
    changed.write_text(text, encoding="utf-8")
    noise, repairs = fidelity.load_repairs()
    unit_copy = fidelity.Unit(**{**unit.__dict__, "file": changed})
    result = fidelity.check_unit(unit_copy, noise, repairs)
    assert result.missing
    assert not result.ok


def test_the_check_fails_when_a_word_is_added(tmp_path: Path) -> None:
    unit = next(u for u in UNITS if u.id == "wmw-01")
    text = unit.file.read_text(encoding="utf-8").replace("kort en eenmalig", "kort, snel en eenmalig")
    changed = tmp_path / unit.file.name
    changed.write_text(text, encoding="utf-8")
    noise, repairs = fidelity.load_repairs()
    result = fidelity.check_unit(fidelity.Unit(**{**unit.__dict__, "file": changed}), noise, repairs)
    assert result.added
    assert not result.ok
