"""Noticing changes: the snapshot, and the watcher thread calling back after a real edit."""

from __future__ import annotations

import threading
from pathlib import Path

from wijkmodulen.serve.watch import Watcher, snapshot


def test_snapshot_sees_files_but_not_editor_litter(tmp_path: Path) -> None:
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules" / "a.yaml").write_text("id: a\n", encoding="utf-8")
    for litter in (".a.yaml.swp", "a.yaml~", "#a.yaml#"):
        (tmp_path / "modules" / litter).write_text("x", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "index").write_text("x", encoding="utf-8")
    assert list(snapshot([tmp_path])) == [str(tmp_path / "modules" / "a.yaml")]


def test_snapshot_changes_with_content(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("id: a\n", encoding="utf-8")
    before = snapshot([tmp_path])
    path.write_text("id: ab\n", encoding="utf-8")
    assert snapshot([tmp_path]) != before


def _watch(folder: Path, edit: Path, text: str) -> int:
    changed = threading.Event()
    calls: list[int] = []

    def on_change() -> None:
        calls.append(1)
        changed.set()

    watcher = Watcher([folder], on_change, interval=0.05, settle=0.05)
    watcher.start()
    try:
        edit.write_text(text, encoding="utf-8")
        assert changed.wait(10)
    finally:
        watcher.stop()
        watcher.join(5)
    return len(calls)


def test_watcher_calls_back_after_an_edit(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\n", encoding="utf-8")
    assert _watch(tmp_path, tmp_path / "a.yaml", "id: b\n") == 1


def test_watcher_sees_a_new_file(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    assert _watch(tmp_path, tmp_path / "templates" / "module.html.j2", "{{ m.titel }}\n") == 1


def test_watcher_stays_quiet_without_changes(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\n", encoding="utf-8")
    calls: list[int] = []
    watcher = Watcher([tmp_path], lambda: calls.append(1), interval=0.02)
    watcher.start()
    threading.Event().wait(0.3)
    watcher.stop()
    watcher.join(5)
    assert calls == []
