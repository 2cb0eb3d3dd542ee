"""Operating-system errors in the user's language: one errno -> catalogue message table.

Python's ``strerror`` is English ("Permission denied", "No such device or address") and differs per
platform; authors read Dutch. Every place that shows an ``OSError`` to a user goes through
``describe``.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from wijkmodulen.messages import t

_KEYS = {
    errno.EACCES: "os.EACCES",
    errno.EPERM: "os.EACCES",
    errno.ENOENT: "os.ENOENT",
    errno.ENXIO: "os.ENXIO",
    errno.ELOOP: "os.ELOOP",
    errno.EISDIR: "os.EISDIR",
    errno.ENOTDIR: "os.ENOTDIR",
    errno.ENOSPC: "os.ENOSPC",
    errno.EDQUOT: "os.ENOSPC",
    errno.EROFS: "os.EROFS",
    errno.EEXIST: "os.EEXIST",
    errno.ENAMETOOLONG: "os.ENAMETOOLONG",
    errno.EMFILE: "os.EMFILE",
    errno.ENFILE: "os.EMFILE",
    errno.EBUSY: "os.EBUSY",
    errno.EFBIG: "os.EFBIG",
    errno.EIO: "os.EIO",
    errno.EADDRINUSE: "os.EADDRINUSE",
    errno.EADDRNOTAVAIL: "os.EADDRNOTAVAIL",
    errno.ENODEV: "os.ENXIO",
    errno.EAGAIN: "os.EAGAIN",
}


def describe(error: OSError) -> str:
    """One Dutch phrase for ``error`` (its errno), without the file name (the caller names it). A
    write the safe writer refused already carries its Dutch reason."""
    from wijkmodulen.io.writer import OutputRefused

    if isinstance(error, OutputRefused):
        return error.message
    key = _KEYS.get(error.errno or 0)
    if key is not None:
        return t(key)
    name = errno.errorcode.get(error.errno or 0, type(error).__name__)
    return t("os.other", code=name)


def not_a_regular_file(path: Path) -> str | None:
    """What is at ``path`` when it is not a regular file (in Dutch: "een FIFO", "een map", ...), looked
    at without opening it; None for a regular file (also through a link) and for nothing at all."""
    try:
        status = os.lstat(path)
    except OSError:
        return None
    if stat.S_ISLNK(status.st_mode):
        try:
            target = os.stat(path)
        except OSError:
            return t("os.kind.broken_link")
        return None if stat.S_ISREG(target.st_mode) else t("os.kind.link")
    for test, key in (
        (stat.S_ISREG, None),
        (stat.S_ISDIR, "os.kind.folder"),
        (stat.S_ISFIFO, "os.kind.fifo"),
        (stat.S_ISSOCK, "os.kind.socket"),
    ):
        if test(status.st_mode):
            return None if key is None else t(key)
    return t("os.kind.device")
