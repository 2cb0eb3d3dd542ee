"""The preview server against hostile clients: the real server as a child process, raw sockets.

A web page elsewhere can point a name of its own at 127.0.0.1 (DNS rebinding), so only requests that
name this server are answered; idle and numerous clients cannot hold it; a client that goes away
leaves no traceback; a templates folder that is a whole file system is not walked four times a second.
"""

from __future__ import annotations

import socket
import struct
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from wijkmodulen.serve.server import MAX_CONNECTIONS, SOCKET_TIMEOUT
from wijkmodulen.serve.watch import Watcher

from platforms import needs_posix_signals
from serve_process import ServeProcess


@pytest.fixture
def server(minimal_kb: Path) -> Iterator[ServeProcess]:
    process = ServeProcess(minimal_kb, "--port", "0")
    try:
        yield process
    finally:
        process.interrupt()


def _port(server: ServeProcess) -> int:
    return int(urlsplit(server.url).port or 0)


def _connect(server: ServeProcess) -> socket.socket:
    return socket.create_connection(("127.0.0.1", _port(server)), timeout=15)


def _raw(server: ServeProcess, request: bytes) -> tuple[int, str]:
    with _connect(server) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode("utf-8")


def _get(server: ServeProcess, host: str | None, path: str = "/") -> tuple[int, str]:
    header = f"Host: {host}\r\n" if host is not None else ""
    return _raw(server, f"GET {path} HTTP/1.0\r\n{header}\r\n".encode("latin-1"))


@needs_posix_signals
def test_only_requests_naming_this_server_are_answered(server: ServeProcess) -> None:
    port = _port(server)
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LocalHost:{port}", f"[::1]:{port}"):
        status, body = _get(server, host)
        assert status == 200, host
        assert "<html" in body
    for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1:{port + 1}", "127.0.0.1", f"127.0.0.2:{port}"):
        for path in ("/", "/events", "/handboek.html"):
            status, body = _get(server, host, path)
            assert status == 421, (host, path)
            assert "antwoordt alleen op" in body
            assert "<html" not in body
    status, body = _get(server, None)
    assert status == 403
    assert "antwoordt alleen op" in body
    assert "Traceback" not in "".join(server.stderr)


@needs_posix_signals
def test_a_silent_client_is_dropped_after_the_socket_timeout(server: ServeProcess) -> None:
    with _connect(server) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\n")  # and never the rest
        started = time.monotonic()
        sock.settimeout(SOCKET_TIMEOUT + 10)
        assert sock.recv(1024) == b""
        assert time.monotonic() - started < SOCKET_TIMEOUT + 5
    assert "Traceback" not in "".join(server.stderr)


@needs_posix_signals
def test_connections_beyond_the_cap_are_turned_away_and_the_server_recovers(server: ServeProcess) -> None:
    port = _port(server)
    idle = [_connect(server) for _ in range(MAX_CONNECTIONS)]
    try:
        time.sleep(0.5)
        status, body = _get(server, f"127.0.0.1:{port}")
        assert status == 503
        assert "Te veel open verbindingen" in body
    finally:
        for sock in idle:
            sock.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        status, _ = _get(server, f"127.0.0.1:{port}")
        if status == 200:
            break
        time.sleep(0.2)
    assert status == 200


def _reset(sock: socket.socket) -> None:
    """Close with a TCP reset, as a crashed or killed client does."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


@needs_posix_signals
def test_clients_that_go_away_leave_no_traceback(server: ServeProcess) -> None:
    port = _port(server)
    for path in ("/", "/events", "/"):
        for _ in range(10):
            sock = _connect(server)
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode("ascii"))
            _reset(sock)
        sock = _connect(server)
        sock.sendall(b"GET / HTT")
        _reset(sock)
    time.sleep(1.0)
    assert _get(server, f"127.0.0.1:{port}")[0] == 200
    stderr = "".join(server.stderr)
    assert "Traceback" not in stderr, stderr
    assert "Error" not in stderr, stderr


def test_the_watcher_of_a_whole_file_system_is_bounded() -> None:
    started = time.monotonic()
    watcher = Watcher([Path("/")], lambda: None)
    assert time.monotonic() - started < 10
    assert watcher.limited == Path("/")


@needs_posix_signals
def test_a_templates_folder_too_big_to_watch_is_said_once(minimal_kb: Path, tmp_path: Path) -> None:
    deep = tmp_path / "sjablonen"
    folder = deep
    for level in range(12):
        folder = folder / f"niveau-{level}"
    folder.mkdir(parents=True)
    (folder / "leeg.txt").write_text("", encoding="utf-8")
    process = ServeProcess(minimal_kb, "--port", "0", "--templates", str(deep))
    try:
        time.sleep(1.0)
    finally:
        process.interrupt()
    said = [line for line in process.stderr if "te veel bestanden of mappen om te volgen" in line]
    assert len(said) == 1, process.stderr
