"""The rules every cache of the tool follows (the lint cache, the search index): where it lives, when a
stored file may be read, and how it is written.

A cache file may come from elsewhere (a folder another user can write, a CI cache restored from
another branch), so it is read only from a folder and a file this user owns and nobody else may
write, opened without following links; it holds data only (JSON: nothing in it can run code or
build objects) and it is written by the safe writer (a temporary file moved into place), so two
runs at once each leave a complete file. A cache that cannot be read or written is skipped: it
is only a speed-up.

Location: ``$WIJKMODULEN_CACHE_DIR``, else the system's place for caches: ``%LOCALAPPDATA%`` on
Windows, ``~/Library/Caches`` on macOS, ``$XDG_CACHE_HOME`` or ``~/.cache`` elsewhere.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import wijkmodulen
from wijkmodulen.io.writer import OutputRefused, write_output

_READ_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_BINARY", 0))


def cache_dir() -> Path:
    """Where the caches live: ``$WIJKMODULEN_CACHE_DIR``, else each system's place for caches."""
    configured = os.environ.get("WIJKMODULEN_CACHE_DIR")
    if configured:
        return Path(configured)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "wijkmodulen" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "wijkmodulen"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wijkmodulen"


def source_digest() -> str:
    """A hash of the tool's own Python source: a rule changed in a checkout is a new tool."""
    package = Path(wijkmodulen.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def source_stamp() -> str:
    """The tool's own source files by name, size and modification time: a change in a checkout is a
    new tool. Cheaper than ``source_digest`` (no file is read), for a cache whose warm run must be
    quicker than reading the tool's source (the search index)."""
    package = Path(wijkmodulen.__file__).parent
    digest = hashlib.sha256()
    for folder, _, names in sorted(os.walk(package)):
        for name in sorted(names):
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def user_id() -> int | None:
    """This user's id, or None where the system has none (Windows: the cache folder under
    %LOCALAPPDATA% is private to the user by its access list, not by owner and mode bits)."""
    getuid = getattr(os, "getuid", None)
    return None if getuid is None else int(getuid())


def trusted(info: os.stat_result) -> bool:
    """A cache folder or file is read only when this user owns it and nobody else may write it:
    another user could otherwise choose what a warm run reports (the stored data is only data, but
    it decides which findings or which search hits are shown)."""
    uid = user_id()
    if uid is None:
        return True
    return info.st_uid == uid and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def trusted_folder(directory: Path) -> bool:
    """The folder itself (not a link to one) exists, and is this user's alone (see ``trusted``)."""
    try:
        info = os.lstat(directory)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and trusted(info)


def file_status(info: os.stat_result) -> tuple[int, ...]:
    """What tells a file (or folder) changed without reading it: size, modification and change time,
    inode, device."""
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def open_private(file: Path, buffering: int = -1) -> BinaryIO | None:
    """``file`` opened for reading when its folder and itself are this user's alone and it is a
    regular file, not a link; None otherwise (missing, a link, foreign, a FIFO)."""
    if not trusted_folder(file.parent):
        return None
    try:
        descriptor = os.open(file, _READ_FLAGS)
    except OSError:  # missing, or a link (ELOOP)
        return None
    handle = os.fdopen(descriptor, "rb", buffering=buffering)
    try:
        info = os.fstat(handle.fileno())
    except OSError:
        handle.close()
        return None
    if not stat.S_ISREG(info.st_mode) or not trusted(info):
        handle.close()
        return None
    return handle


def write_private(file: Path, chunks: Iterable[bytes]) -> bool:
    """Write ``file`` atomically (mode 0o600) in its folder (created 0o700) if that folder is this
    user's alone; False when it is not written. Not forced to disk: a cache file a crash leaves
    damaged is refused when read (a line without its end, a header that does not match) and rebuilt."""
    directory = file.parent
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not trusted_folder(directory):
            return False
        write_output(directory, file.name, chunks, private=True, durable=False)
    except (OSError, OutputRefused):
        return False
    return True
