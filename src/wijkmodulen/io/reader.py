"""The one guarded reader: every file read on behalf of a KB or its configuration comes through here.

A KB, its configuration and everything they name come from a pull request, so a file may be a
link to anywhere (``/etc/shadow``, ``/proc/self/environ``), a FIFO that blocks forever, a device
that never ends, or simply huge. The reader therefore reads regular files only, never follows a
link out of the place it is allowed in, takes the size from the open file before reading (and
never reads more than one byte past the limit), and opens without blocking so that a FIFO is
refused instead of waited for.

- ``read_bounded``: a KB file. Links are refused outright (the loader refuses them too).
- ``read_named``: a file the configuration names (a logo, a template, a team profile). A link is
  followed only when it resolves to a file inside ``inside`` (the repository or KB folder).
- ``read_again``: a file read before, read again to show positions (same rules, size known).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from wijkmodulen.load.limits import Limits
from wijkmodulen.messages import t

_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class Refused(Exception):
    """A file that is not opened or not read to the end, with the reason (Dutch)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def amount(size: int) -> str:
    """A file size for Dutch readers: '60,0 MB', '23,4 kB'."""
    text = f"{size / 1024**2:.1f} MB" if size >= 1024**2 else f"{size / 1024:.1f} kB"
    return text.replace(".", ",")


def too_large(size: int, max_bytes: int) -> str:
    return t("load.too_large", size=amount(size), limit=amount(max_bytes))


def link_target(path: Path) -> str:
    return os.readlink(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_bounded(path: Path, limits: Limits) -> bytes:
    """The bytes of the regular file at ``path`` of at most ``limits.max_bytes``; Refused (or
    OSError) otherwise, before anything is read.

    The size is taken from the open file before reading, and reading stops one byte past the
    limit in case the file grows meanwhile. Symbolic links are not followed, and FIFOs, sockets
    and devices are not read (a FIFO would block forever, a device could be endless).
    """
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        raise Refused(t("load.symlink", target=link_target(path)))
    if stat.S_ISDIR(info.st_mode):  # only folders that could not be listed come here
        raise Refused(t("load.unreadable_folder"))
    if not stat.S_ISREG(info.st_mode):
        raise Refused(t("load.not_regular"))
    return _read_open(path, limits.max_bytes)


def read_guarded(path: Path, limits: Limits) -> bytes | None:
    """The bytes ``read_bounded`` gives, or None when it refuses or fails (the loader says why)."""
    try:
        return read_bounded(path, limits)
    except (Refused, OSError):
        return None


def read_named(path: Path, inside: Path, max_bytes: int) -> bytes:
    """A file named by the configuration: ``path`` itself, or the file a link there resolves to
    if that lies inside the folder ``inside``; Refused otherwise (or OSError, e.g. missing)."""
    info = path.lstat()
    target = path
    if stat.S_ISLNK(info.st_mode):
        target = path.resolve()
        if not target.is_relative_to(inside.resolve()):
            raise Refused(t("files.link_outside", target=link_target(path)))
        info = target.lstat()
    if not stat.S_ISREG(info.st_mode):
        raise Refused(t("load.not_regular"))
    return _read_open(target, max_bytes)


def is_readable_named(path: Path, inside: Path) -> bool:
    """Whether ``read_named`` would look at ``path`` at all (a regular file or an allowed link)."""
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            target = path.resolve()
            return target.is_relative_to(inside.resolve()) and stat.S_ISREG(target.lstat().st_mode)
        return stat.S_ISREG(info.st_mode)
    except (OSError, RuntimeError):
        return False


def read_again(path: Path, size: int) -> bytes:
    """At most ``size + 1`` bytes of the regular file at ``path``, not following links and never
    blocking on a FIFO put there since (an OSError otherwise)."""
    descriptor = os.open(path, _FLAGS)
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(errno.EINVAL, str(path))
        return handle.read(size + 1)


def _read_open(path: Path, max_bytes: int) -> bytes:
    try:
        descriptor = os.open(path, _FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:  # replaced by a link since lstat
            raise Refused(t("load.symlink", target=link_target(path))) from None
        raise
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise Refused(t("load.not_regular"))
        if info.st_size > max_bytes:
            raise Refused(too_large(info.st_size, max_bytes))
        return handle.read(max_bytes + 1)
