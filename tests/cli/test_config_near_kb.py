"""The config belongs to the KB: with a KB path it is searched from that folder upward, without one
from the current folder; the editor server opens a KB the same way (Workspace.open)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkmodulen.app import Workspace
from wijkmodulen.app.live import LiveWorkspace
from wijkmodulen.cli import app

from conftest import MINIMAL

runner = CliRunner()

# Every module file of the minimal KB is larger than this: a config with it refuses them unread.
TINY = "max_file_size_mb = 0.0005\n"


@pytest.fixture
def layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """here/ (the current folder, a config with a tiny limit and its own KB) and other/kb (a KB whose
    own folder has a config without limits to speak of)."""
    here, other = tmp_path / "here", tmp_path / "other"
    shutil.copytree(MINIMAL, here / "data")
    shutil.copytree(MINIMAL, other / "kb")
    (here / "wijkmodulen.toml").write_text(TINY, encoding="utf-8")
    (other / "wijkmodulen.toml").write_text("max_file_size_mb = 8\n", encoding="utf-8")
    monkeypatch.chdir(here)
    return {"here": here, "other": other / "kb"}


def test_a_kb_path_takes_the_config_next_to_the_kb(layout: dict[str, Path]) -> None:
    result = runner.invoke(app, ["lint", str(layout["other"]), "--no-cache"])
    assert result.exit_code == 0, result.output  # the current folder's tiny limit does not apply
    assert Workspace.open(layout["other"]).config.path == layout["other"].parent / "wijkmodulen.toml"


def test_without_a_path_the_current_folder_config_applies(layout: dict[str, Path]) -> None:
    result = runner.invoke(app, ["lint", "--no-cache"])
    assert result.exit_code == 1
    assert "groter dan" in result.stdout or "te groot" in result.stdout, result.stdout


def test_a_kb_path_without_a_config_of_its_own_finds_the_one_above(layout: dict[str, Path]) -> None:
    result = runner.invoke(app, ["lint", "data", "--no-cache"])
    assert result.exit_code == 1, result.output  # here/data -> here/wijkmodulen.toml


def test_the_editor_server_opens_a_kb_as_the_command_line_does(layout: dict[str, Path]) -> None:
    for kb in (layout["other"], Path("data"), None):
        live = LiveWorkspace.open(kb)
        workspace = Workspace.open(kb)
        assert live.limits == workspace.limits
        assert live.root == workspace.root.resolve()
