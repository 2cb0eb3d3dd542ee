"""Killing a real ``python -m wijkmodulen`` with SIGKILL at a chosen moment, for the write tests.

A KB file is written in well under a millisecond, so a kill at a random moment almost never lands
inside a write, and a test that only kills at random moments would pass for a non-atomic write too.
``slow_disk`` therefore runs the command under strace, which holds every write(2) for a while at its
entry, as a slow or busy disk would: then a good share of the random moments fall inside a write,
and the kill leaves exactly what a crash between opening a file and filling it leaves.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

# the safe writer's temporary files: ".<name>.<random>.tmp" beside the file they replace
TEMPORARY = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]+\.tmp$")


def slow_disk(write_delay_ms: int) -> list[str]:
    """A command prefix that holds every write(2) ``write_delay_ms`` before it runs."""
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace not found (scripts/install-test-deps.sh installs it)")
    return [
        strace, "-f", "-qq", "-o", os.devnull, "--seccomp-bpf", "-e", "trace=write",
        "-e", f"inject=write:delay_enter={write_delay_ms * 1000}",
    ]


def _traced_child(tracer: subprocess.Popen[bytes]) -> int:
    """The pid of the command strace runs, once it runs (strace forks short-lived test children of
    its own first)."""
    children = Path(f"/proc/{tracer.pid}/task/{tracer.pid}/children")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for pid in children.read_text(encoding="utf-8").split():
            with contextlib.suppress(OSError):
                if Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0] == os.fsencode(sys.executable):
                    return int(pid)
        time.sleep(0.001)
    raise AssertionError("strace did not start the command")


def run_cli(
    args: Sequence[str],
    cwd: Path,
    prefix: Sequence[str] = (),
    kill_after: float | None = None,
    counting_from: Callable[[], bool] | None = None,
) -> bool:
    """Run ``[prefix] python -m wijkmodulen <args>``; with ``kill_after``, SIGKILL it that many seconds
    after the start, or after ``counting_from()`` is first seen to be true (polled every millisecond).
    True when it was killed, False when it had finished first (or was never to be killed).

    Returns only once the command is dead, so no write of it can land after the caller looks.
    """
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1"}
    start = time.monotonic()
    process = subprocess.Popen(
        [*prefix, sys.executable, "-m", "wijkmodulen", *args],
        cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    # Under strace the kill goes to the command itself; strace exits once it has died.
    target = _traced_child(process) if prefix else process.pid
    if kill_after is not None and counting_from is not None:
        while not counting_from():
            if process.poll() is not None:
                kill_after = None  # finished before the moment came
                break
            time.sleep(0.001)
        start = time.monotonic()
    try:
        _, stderr = process.communicate(
            timeout=None if kill_after is None else max(0.0, kill_after - (time.monotonic() - start))
        )
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):  # it ended just now
            os.kill(target, signal.SIGKILL)
        process.communicate(timeout=60)
        return True
    assert process.returncode == 0, stderr.decode("utf-8", "replace")
    return False


def timed(args: Sequence[str], cwd: Path, prefix: Sequence[str] = ()) -> float:
    """Seconds a full run takes."""
    start = time.monotonic()
    run_cli(args, cwd, prefix)
    return time.monotonic() - start


def files(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` by relative path, with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def temporaries(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob(".*") if TEMPORARY.match(p.name))


def restore(root: Path, old: dict[str, bytes]) -> None:
    """Put back the old content of every file that differs from it (temporary files stay)."""
    for relative, content in old.items():
        path = root / relative
        if not path.is_file() or path.read_bytes() != content:
            path.write_bytes(content)
