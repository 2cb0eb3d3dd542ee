"""Positions of findings: looked up on demand, for files whose text was dropped after loading."""

from __future__ import annotations

import os
from pathlib import Path

from wijkmodulen.load.kb import read_source
from wijkmodulen.load.problems import Position

from platforms import needs_fifo

TEXT = "id: wmw-01\ntitel: Eerste\ndoelen:\n  - een\n  - twee\nlijst: [a, b]\n"


def _read(tmp_path: Path, text: str = TEXT) -> Path:
    path = tmp_path / "wmw-01-eerste.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_read_from_disk_drops_its_text_and_reads_it_again_for_positions(tmp_path: Path) -> None:
    source, issue = read_source(_read(tmp_path))
    assert issue is None
    assert source.text == ""
    assert source.fingerprint is not None
    assert source.positions([(("doelen", 1), False), (("lijst", 1), True), (("ontbreekt",), False)]) == [
        Position(5, 5), Position(6, 12), Position(1, 1)]
    assert source.position(("titel",)) == Position(2, 1)
    assert source.value_position(("lijst", 0)) == Position(6, 9)


def test_content_given_from_elsewhere_keeps_its_text(tmp_path: Path) -> None:
    path = tmp_path / "wmw-01-eerste.yaml"  # not on disk: the content comes from a git revision, say
    source, _ = read_source(path, TEXT.encode())
    assert source.text == TEXT
    assert source.fingerprint is None
    assert source.position(("doelen", 1)) == Position(5, 5)


def test_a_file_with_a_problem_keeps_its_text(tmp_path: Path) -> None:
    source, issue = read_source(_read(tmp_path, "- een\n- twee\n"))
    assert issue is not None
    assert source.text == "- een\n- twee\n"


def test_a_file_changed_on_disk_since_loading_gives_line_one(tmp_path: Path) -> None:
    path = _read(tmp_path)
    source, _ = read_source(path)
    path.write_text("\n\n" + TEXT, encoding="utf-8")
    assert source.position(("doelen", 1)) == Position(1, 1)
    path.unlink()
    assert source.position(("doelen", 1)) == Position(1, 1)


@needs_fifo
def test_a_fifo_put_in_its_place_is_not_read(tmp_path: Path) -> None:
    path = _read(tmp_path)
    source, _ = read_source(path)
    path.unlink()
    os.mkfifo(path)
    assert source.position(("doelen", 1)) == Position(1, 1)  # and no hang
