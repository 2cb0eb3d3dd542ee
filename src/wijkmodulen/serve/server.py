"""The HTTP side of the preview: the latest page, and a server-sent event stream announcing new builds.

Only 127.0.0.1 is served: a preview of unpublished work is nobody else's business.
"""

from __future__ import annotations

import errno
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HOST = "127.0.0.1"
PAGES = ("/", "/index.html", "/handboek.html")
KEEPALIVE = 15.0  # seconds between comments on an idle event stream, so a dead client is noticed
PORT_TRIES = 20


class PreviewState:
    """The current page and its version; the event streams wait here for the next one."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.page = ""
        self.version = ""
        self.closed = False

    def publish(self, page: str, version: str) -> None:
        with self._changed:
            self.page, self.version = page, version
            self._changed.notify_all()

    def current(self) -> tuple[str, str]:
        with self._changed:
            return self.page, self.version

    def wait_for_other(self, version: str, timeout: float) -> str | None:
        """The version once it differs from ``version`` (or after ``timeout``); None when closing."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self.version != version, timeout)
            return None if self.closed else self.version

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "wijkmodulen"

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path in PAGES:
            self._page()
        elif path == "/events":
            self._events()
        else:
            self.send_response(204 if path == "/favicon.ico" else 404)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def _page(self) -> None:
        page, _ = self.server.state.current()
        body = page.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        state = self.server.state
        sent: str | None = None
        try:
            current: str | None = state.current()[1]
            while current is not None:
                if current != sent:
                    self.wfile.write(f"data: {current}\n\n".encode())
                    sent = current
                else:
                    self.wfile.write(b": -\n\n")
                self.wfile.flush()
                current = state.wait_for_other(sent, KEEPALIVE)
        except (BrokenPipeError, ConnectionResetError):
            return  # the page went away or reloaded

    def log_message(self, format: str, *args: object) -> None:
        """Requests are not worth a line each on the author's terminal."""


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # open event streams must not hold up the stop
    allow_reuse_address = True  # start again at once after a stop
    allow_reuse_port = False  # never share a port with a server that is still running

    def __init__(self, port: int, state: PreviewState) -> None:
        self.state = state
        super().__init__((HOST, port), PreviewHandler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"


class NoFreePort(OSError):
    def __init__(self, first: int, last: int) -> None:
        super().__init__(f"{first}-{last}")
        self.first, self.last = first, last


def bind(port: int, state: PreviewState, tries: int = PORT_TRIES) -> PreviewServer:
    """A server on ``port``, or on the first free port after it when taken (0: the system picks)."""
    last = port if port == 0 else min(port + tries - 1, 65535)
    for candidate in range(port, last + 1):
        try:
            return PreviewServer(candidate, state)
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
    raise NoFreePort(port, last)
