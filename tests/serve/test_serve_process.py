"""The real server in a child process: the page, the event stream, a rebuild on change, a busy port, Ctrl-C."""

from __future__ import annotations

import signal
import socket
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app

from platforms import needs_posix_signals
from serve_process import ServeProcess

# the server is stopped as a terminal stops it, with SIGINT (or SIGTERM)
pytestmark = [pytest.mark.slow, needs_posix_signals]

MODULE = "modules/wmw-01-aanmelding.yaml"


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode("utf-8")


def test_page_events_and_rebuild(minimal_kb: Path) -> None:
    server = ServeProcess(minimal_kb, "--port", "0")
    try:
        assert server.url.startswith("http://127.0.0.1:")
        status, page = _get(server.url)
        assert status == 200
        assert 'id="wm-voorbeeld"' in page
        assert "Aanmelden is het eerste gerichte contact." in page
        with pytest.raises(urllib.error.HTTPError) as missing:
            _get(server.url + "niet-hier")
        assert missing.value.code == 404
        missing.value.close()
        with urllib.request.urlopen(server.url + "events", timeout=20) as events:
            assert events.headers["Content-Type"].startswith("text/event-stream")
            first = events.readline().decode()
            assert first.startswith("data: ")
            assert events.readline() == b"\n"
            assert f'const shown = "{first[6:].strip()}";' in page
            path = minimal_kb / MODULE
            path.write_text(
                path.read_text(encoding="utf-8").replace("het eerste gerichte contact", "de eerste stap"),
                encoding="utf-8",
            )
            second = events.readline().decode()
        assert second.startswith("data: ")
        assert second != first
        _, page = _get(server.url)
        assert "Aanmelden is de eerste stap." in page
        assert f'const shown = "{second[6:].strip()}";' in page
    finally:
        code = server.interrupt()
    assert code == 0
    output = server.output()
    assert output.count("Opgebouwd in ") == 2
    assert "4 modulen; Geen bevindingen in 12 bestanden." in output


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_stops_cleanly_with_a_stream_open(minimal_kb: Path, signum: int) -> None:
    server = ServeProcess(minimal_kb, "--port", "0")
    with urllib.request.urlopen(server.url + "events", timeout=20) as events:
        assert events.readline().startswith(b"data: ")
        code = server.interrupt(signum=signum)
    assert code == 0
    output = server.output()
    assert "Traceback" not in output
    assert "".join(server.stderr).rstrip().endswith("Voorbeeld gestopt.")
    assert "".join(server.stdout) == f"Voorbeeld op {server.url}\n"


def test_busy_port_moves_to_the_next(minimal_kb: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = ServeProcess(minimal_kb, "--port", str(port))
        try:
            chosen = int(server.url.rstrip("/").rsplit(":", 1)[1])
            assert chosen != port
            assert f"Poort {port} is bezet; ik gebruik poort {chosen}." in "".join(server.stderr)
            assert _get(server.url)[0] == 200
        finally:
            assert server.interrupt() == 0


def test_broken_yaml_keeps_the_server_up(minimal_kb: Path) -> None:
    path = minimal_kb / MODULE
    path.write_text(path.read_text(encoding="utf-8") + "titel: [kapot\n", encoding="utf-8")
    server = ServeProcess(minimal_kb, "--port", "0")
    try:
        _, page = _get(server.url)
        assert "<code>modules/wmw-01-aanmelding.yaml:36:1</code>" in page
        assert "3 modulen; 1 fout, 0 waarschuwingen, 0 meldingen in 12 bestanden." in "".join(server.stderr)
    finally:
        assert server.interrupt() == 0


@pytest.mark.parametrize("port", ["-1", "65536"])
def test_impossible_port(minimal_kb: Path, port: str) -> None:
    result = CliRunner().invoke(app, ["serve", str(minimal_kb), "--port", port])
    assert result.exit_code == 2
    assert f"Ongeldige poort {port}; kies 0 tot en met 65535." in result.output


def test_missing_templates_folder(minimal_kb: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", str(minimal_kb), "--templates", str(tmp_path / "weg")])
    assert result.exit_code == 2
    assert "Sjabloonmap niet gevonden:" in result.output
