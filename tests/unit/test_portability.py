"""What a Windows or macOS laptop sees: paths in messages written with `/`."""

from __future__ import annotations

from pathlib import PureWindowsPath

from wijkmodulen.messages import t


def test_paths_in_messages_are_written_with_slashes() -> None:
    path = PureWindowsPath("data", "modules", "wmw-06-eerste-hulp.yaml")
    assert str(path) == "data\\modules\\wmw-06-eerste-hulp.yaml"
    assert t("cli.path_missing", path=path) == "Pad bestaat niet: data/modules/wmw-06-eerste-hulp.yaml"
