"""Markers for tests of operating-system facilities that not every platform has.

The project's workflow runs the suite on Windows and macOS too. A test that needs a facility skips,
with the reason, only where that facility does not exist; on Linux none of these markers skips
(tests/unit/test_platform_markers.py checks that), so CI there still runs everything.
"""

from __future__ import annotations

import os
import socket
import sys

import pytest

WINDOWS = sys.platform == "win32"
LINUX = sys.platform.startswith("linux")

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes (os.mkfifo) on this platform")
needs_symlinks = pytest.mark.skipif(
    WINDOWS, reason="creating a symbolic link needs a privilege (or Developer Mode) on Windows")
needs_file_modes = pytest.mark.skipif(
    WINDOWS, reason="Windows has no POSIX file modes (chmod sets only the read-only flag)")
needs_unix_socket = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets on this platform")
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork on this platform")
needs_proc = pytest.mark.skipif(not LINUX, reason="/proc and strace exist on Linux only")
needs_posix_signals = pytest.mark.skipif(
    WINDOWS, reason="Windows cannot send SIGINT or SIGTERM to a child process (only CTRL_BREAK_EVENT)")
needs_peak_memory = pytest.mark.skipif(
    WINDOWS, reason="no resource module on Windows: a child's address space is neither capped nor measured")
needs_bytes_file_names = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"),
    reason="file names here are Unicode (NTFS, APFS): a name that is not UTF-8 cannot be created")

ALL = (needs_fifo, needs_symlinks, needs_file_modes, needs_unix_socket, needs_fork, needs_proc, needs_posix_signals,
       needs_peak_memory, needs_bytes_file_names)


def is_root() -> bool:
    """Whether the tests run as root (never on Windows, which has no user ids)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0
