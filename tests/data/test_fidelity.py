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


def _check_edited(tmp_path: Path, old: str, new: str) -> fidelity.Result:
    """Check wmw-01 against the source after editing its YAML text."""
    unit = next(u for u in UNITS if u.id == "wmw-01")
    changed = tmp_path / unit.file.name
    changed.write_text(unit.file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    noise, repairs = fidelity.load_repairs()
    return fidelity.check_unit(fidelity.Unit(**{**unit.__dict__, "file": changed}), noise, repairs)


def test_the_check_fails_when_a_word_is_lost(tmp_path: Path) -> None:
    result = _check_edited(tmp_path, "kort en eenmalig", "kort")
    assert result.missing
    assert not result.ok


def test_the_check_fails_when_a_word_is_added(tmp_path: Path) -> None:
    result = _check_edited(tmp_path, "kort en eenmalig", "kort, snel en eenmalig")
    assert result.added
    assert not result.ok
