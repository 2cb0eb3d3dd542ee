"""Hostile file systems: links out of the KB, files and folders that cannot be read, FIFOs and
sockets, names that are not UTF-8, stray files. Each sits next to the canary KB (see hostile.py).
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from hostile import CANARY, assert_refused, kb_with_canary, lint_kb
from platforms import needs_bytes_file_names, needs_fifo, needs_file_modes, needs_symlinks, needs_unix_socket

SECRET = "id: wmw-09\ntitel: GEHEIM-BUITEN-DE-KENNISBANK\n"


def without_read_override() -> list[str]:
    """A command prefix under which chmod 000 really stops reading.

    Tests may run as root, who reads everything: then the CLI runs without the two capabilities
    that let root bypass file permissions (util-linux ``setpriv``), as any other user would.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot drop the capability to read anything")
    return [setpriv, "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"]


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the KB with a YAML file whose text must never show up."""
    folder = tmp_path / "buiten"
    folder.mkdir()
    (folder / "geheim.yaml").write_text(SECRET, encoding="utf-8")
    return folder


@needs_symlinks
def test_symlinked_file_pointing_outside_is_reported_not_followed(tmp_path: Path, outside: Path) -> None:
    kb = kb_with_canary(tmp_path)
    (kb / "modules" / "wmw-09-link.yaml").symlink_to(outside / "geheim.yaml")
    run = lint_kb(tmp_path)
    assert_refused(
        run,
        ["WM001 kb/modules/wmw-09-link.yaml:1:1"],
        f"Symbolische koppeling (naar {outside / 'geheim.yaml'}) wordt niet gevolgd",
    )
    assert "GEHEIM" not in run.stdout + run.stderr


@needs_symlinks
def test_symlinked_folder_and_bronnen_are_reported_not_followed(tmp_path: Path, outside: Path) -> None:
    kb = kb_with_canary(tmp_path)
    (kb / "competenties" / "meer").symlink_to(outside, target_is_directory=True)
    (outside / "bronnen.yaml").write_bytes((kb / "bronnen.yaml").read_bytes())
    (kb / "bronnen.yaml").unlink()
    (kb / "bronnen.yaml").symlink_to(outside / "bronnen.yaml")
    run = lint_kb(tmp_path)
    assert_refused(
        run,
        ["WM001 kb/bronnen.yaml:1:1", "WM001 kb/competenties/meer:1:1"],
        f"Symbolische koppeling (naar {outside}",
    )
    assert "GEHEIM" not in run.stdout + run.stderr


@needs_file_modes
def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    prefix = without_read_override()
    kb = kb_with_canary(tmp_path)
    hostile = kb / "modules" / "wmw-09-dicht.yaml"
    hostile.write_text(SECRET, encoding="utf-8")
    hostile.chmod(0)
    run = lint_kb(tmp_path, prefix=prefix)
    assert_refused(
        run, ["WM001 kb/modules/wmw-09-dicht.yaml:1:1"], "Bestand kan niet gelezen worden: geen toegang (de rechten staan het niet toe)"
    )


@needs_file_modes
def test_unreadable_folder_is_reported_not_skipped(tmp_path: Path) -> None:
    # os.walk and Path.rglob pass over a folder they cannot list without a word
    prefix = without_read_override()
    kb = kb_with_canary(tmp_path)
    folder = kb / "modules" / "archief"
    folder.mkdir()
    (folder / "wmw-09-oud.yaml").write_text(SECRET, encoding="utf-8")
    folder.chmod(0)
    try:
        run = lint_kb(tmp_path, prefix=prefix)
    finally:
        folder.chmod(0o755)
    assert_refused(run, ["WM001 kb/modules/archief:1:1"], "Map kan niet gelezen worden")


@pytest.fixture
def unix_socket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "kb" / "kennisbouwstenen" / "stopcontact.yaml"
    kb_with_canary(tmp_path)
    server = socket.socket(socket.AF_UNIX)
    with monkeypatch.context() as patch:
        patch.chdir(path.parent)  # bound by its short name: socket paths may not exceed ~100 bytes
        server.bind(path.name)
    yield path
    server.close()


@needs_fifo
@needs_unix_socket
def test_fifo_and_socket_are_reported_without_hanging(tmp_path: Path, unix_socket: Path) -> None:
    # opening a FIFO for reading blocks until someone writes: the loader must not even try
    os.mkfifo(tmp_path / "kb" / "modules" / "wmw-09-pijp.yaml")
    run = lint_kb(tmp_path, timeout=20)
    assert_refused(
        run,
        ["WM001 kb/kennisbouwstenen/stopcontact.yaml:1:1", "WM001 kb/modules/wmw-09-pijp.yaml:1:1"],
        "Geen gewoon bestand (fifo, socket of apparaat); niet gelezen.",
    )


@needs_bytes_file_names
def test_file_name_that_is_not_utf8_is_reported_not_read(tmp_path: Path) -> None:
    kb = kb_with_canary(tmp_path)
    name = os.fsencode(kb / "modules") + b"/wmw-09-caf\xe9.yaml"  # Latin-1 'café'
    descriptor = os.open(name, os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(descriptor, SECRET.encode("utf-8"))
    os.close(descriptor)
    run = lint_kb(tmp_path)
    assert_refused(
        run, ["WM001 kb/modules/wmw-09-caf\ufffd.yaml:1:1"], "De bestandsnaam is geen geldige UTF-8"
    )
    assert "GEHEIM" not in run.stdout


def test_stray_files_are_reported_and_not_parsed(tmp_path: Path) -> None:
    kb = kb_with_canary(tmp_path)
    (kb / "modules" / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (kb / "modules" / "wmw-01-aanmelding.yaml.bak").write_text("id: [kapot\n", encoding="utf-8")
    (kb / "competenties" / "oud").mkdir()
    (kb / "competenties" / "oud" / "notities.md").write_text("# notities\n", encoding="utf-8")
    run = lint_kb(tmp_path)
    assert run.findings() == sorted([
        *CANARY,
        "WM003 kb/competenties/oud/notities.md:1:1",
        "WM003 kb/modules/foto.png:1:1",
        "WM003 kb/modules/wmw-01-aanmelding.yaml.bak:1:1",
    ]), run.stdout
    assert "Bestand hoort niet in modules/: alleen .yaml-bestanden worden gelezen." in run.stdout
    assert run.code == 1  # the canary's errors; the warnings alone would give 0 (see tests/cli)
