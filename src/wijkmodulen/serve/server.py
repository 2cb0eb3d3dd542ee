"""The HTTP side of the preview: the latest page, and a server-sent event stream announcing new builds.

Only 127.0.0.1 is served: a preview of unpublished work is nobody else's business. A web page
elsewhere can still point a name of its own at 127.0.0.1 (DNS rebinding) and read the answer, so
only requests that name this server (``Host: 127.0.0.1:PORT``, ``localhost:PORT``, ``[::1]:PORT``)
are answered. Slow or many clients cannot hold threads forever (a socket timeout, a cap on open
connections), and a client that goes away is not an error worth a traceback.
"""

from __future__ import annotations

import errno
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from wijkmodulen.messages import t

HOST = "127.0.0.1"
PAGES = ("/", "/index.html", "/handboek.html")
KEEPALIVE = 15.0  # seconds between comments on an idle event stream, so a dead client is noticed
PORT_TRIES = 20
SOCKET_TIMEOUT = 10.0  # seconds a client may stay silent (while sending its request, or not reading)
MAX_CONNECTIONS = 32  # a few browser tabs need a handful each; more is not a preview any more
# A client that went away (closed the tab, reloaded, timed out) is normal for a preview.
_GONE = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)


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
    timeout = SOCKET_TIMEOUT

    def do_GET(self) -> None:
        if not self._host_allowed():
            return
        path = urlsplit(self.path).path
        if path in PAGES:
            self._page()
        elif path == "/events":
            self._events()
        else:
            self.send_response(204 if path == "/favicon.ico" else 404)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def _host_allowed(self) -> bool:
        """Whether the request names this server; if not, it has been answered (421, or 403 without Host)."""
        host = self.headers.get("Host")
        if host is not None and host.strip().lower() in self.server.hosts:
            return True
        status = 403 if host is None else 421
        body = (t("serve.wrong_host", url=self.server.url) + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True
        return False

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
        except _GONE:
            return  # the page went away or reloaded

    def log_message(self, format: str, *args: object) -> None:
        """Requests are not worth a line each on the author's terminal."""


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # open event streams must not hold up the stop
    allow_reuse_address = True  # start again at once after a stop
    allow_reuse_port = False  # never share a port with a server that is still running

    def __init__(self, port: int, state: PreviewState, max_connections: int = MAX_CONNECTIONS) -> None:
        self.state = state
        self._slots = threading.BoundedSemaphore(max_connections)
        super().__init__((HOST, port), PreviewHandler)
        self.hosts = frozenset(f"{name}:{self.port}" for name in ("127.0.0.1", "localhost", "[::1]"))

    def process_request(self, request: Any, client_address: Any) -> None:
        """A thread per connection while there are slots; beyond the cap, a short 503 and close."""
        if not self._slots.acquire(blocking=False):
            try:
                request.settimeout(1.0)
                body = (t("serve.too_many") + "\n").encode("utf-8")
                request.sendall(
                    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode("ascii") + body
                )
            except OSError:
                pass
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away is not news; anything else is one line, never a traceback."""
        error = sys.exc_info()[1]
        if isinstance(error, _GONE):
            return
        print(t("serve.request_failed", detail=f"{type(error).__name__}: {error}"), file=sys.stderr)

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
