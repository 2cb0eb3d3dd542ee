"""`wijkmodulen serve` as a real child process: start it, read the address it prints, stop it with SIGINT."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

LISTENING = "Voorbeeld op "


class ServeProcess:
    """The server on ``kb``; ``url`` is known once it listens. Output is collected from both streams."""

    def __init__(self, kb: Path, *args: str, cwd: Path | None = None) -> None:
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "wijkmodulen", "serve", str(kb), *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
            cwd=cwd or kb.parent, env=env,
        )
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self._lines: queue.Queue[str] = queue.Queue()
        self._readers = [
            threading.Thread(target=self._read, args=(stream, into), daemon=True)
            for stream, into in ((self.process.stdout, self.stdout), (self.process.stderr, self.stderr))
        ]
        for reader in self._readers:
            reader.start()
        self.url = self._wait_for_url()

    def _read(self, stream: object, into: list[str]) -> None:
        for line in stream:  # type: ignore[attr-defined]
            into.append(line)
            self._lines.put(line)

    def _wait_for_url(self, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self._lines.get(timeout=0.2)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            if line.startswith(LISTENING):
                return line[len(LISTENING):].strip()
        self._end()
        raise AssertionError(f"serve did not start: {''.join(self.stdout)}{''.join(self.stderr)}")

    def wait_for_stderr_count(self, text: str, count: int, timeout: float = 20.0) -> None:
        """Until ``count`` lines of stderr hold ``text`` (say, the n-th build is done)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if sum(text in line for line in self.stderr) >= count:
                return
            time.sleep(0.05)
        raise AssertionError(f"{count} x {text!r} not in {''.join(self.stderr)}")

    def interrupt(self, timeout: float = 20.0, signum: int = signal.SIGINT) -> int:
        """Ctrl-C, as a terminal sends it (or another signal); the exit code."""
        self.process.send_signal(signum)
        try:
            return self.process.wait(timeout)
        finally:
            self._end()

    def _end(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for reader in self._readers:
            reader.join(5)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()

    def output(self) -> str:
        return "".join(self.stdout) + "".join(self.stderr)
