"""The benchmark corpus generator: a valid KB of N modules, the same bytes for the same N."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
MAKE_CORPUS = ROOT / "benchmarks" / "make_corpus.py"


def _make(count: int, out: Path) -> None:
    subprocess.run([sys.executable, str(MAKE_CORPUS), str(count), str(out)], check=True)


def _contents(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_corpus_of_200_modules_lints_clean_and_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    _make(200, first)
    _make(200, second)
    modules = sorted(p.name for p in (first / "modules").iterdir())
    assert len(modules) == 200
    assert "wmw-112-waakvlamcontacten.yaml" in modules  # copy 1 of wmw-12
    assert "tegenhangers: [iow-111]" in (first / "modules" / "wmw-112-waakvlamcontacten.yaml").read_text(encoding="utf-8")
    assert _contents(first) == _contents(second)
    lint = subprocess.run(
        [sys.executable, "-m", "wijkmodulen", "lint", str(first)],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
    assert "Geen bevindingen in 255 bestanden." in lint.stdout
