"""The one safe writer: every file the tool writes goes through ``write_output``.

An output folder may already hold files and links from a pull request (``build/`` committed
with a link to the home folder, say). A file is therefore written only inside the chosen output
folder (``root``), at a plain relative name, never through a link (neither the file nor any
folder between ``root`` and it may be one) and atomically: into a temporary file in the same
folder, flushed to disk, then renamed over the target, so a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path, PurePath

from wijkmodulen.messages import t


class OutputRefused(OSError):
    """A file that is not written, with the reason (Dutch) as its ``strerror``, so that every
    caller that reports an OSError reports this one the same way."""

    def __init__(self, message: str) -> None:
        super().__init__(errno.EPERM, message)
        self.message = message


def plain_relative(relative: str | PurePath) -> PurePath | None:
    """``relative`` as a path inside a folder, or None if it could leave it (absolute, ``..``, empty)."""
    path = PurePath(relative)
    if path.is_absolute() or path.drive or not path.parts or any(part in ("..", ".", "") for part in path.parts):
        return None
    return path


def check_root(root: Path) -> None:
    """Refuse an output folder that is a link, or (when given relative to the current folder) lies
    below a link there: a checkout's ``build`` folder can be a link to anywhere."""
    current = Path()
    for part in root.parts if not root.is_absolute() else ():
        current = current / part
        if current.is_symlink():
            raise OutputRefused(t("files.out_link", path=current))
    if root.is_absolute() and root.is_symlink():
        raise OutputRefused(t("files.out_link", path=root))


def prepare_folder(root: Path, relative: PurePath) -> Path:
    """The folder of ``root / relative``, created as needed, with no link between ``root`` and it."""
    check_root(root)
    root.mkdir(parents=True, exist_ok=True)
    folder = root
    for part in relative.parts[:-1]:
        folder = folder / part
        try:
            info = folder.lstat()
        except FileNotFoundError:
            folder.mkdir()
            info = folder.lstat()
        if stat.S_ISLNK(info.st_mode):
            raise OutputRefused(t("files.out_link", path=folder))
        if not stat.S_ISDIR(info.st_mode):
            raise OutputRefused(t("files.out_blocked", path=folder))
    return folder


def check_target(target: Path) -> os.stat_result | None:
    """The status of an existing regular file at ``target`` (None when there is none); refused for
    a link, a folder or a special file."""
    try:
        info = target.lstat()
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(info.st_mode):
        raise OutputRefused(t("files.out_link", path=target))
    if not stat.S_ISREG(info.st_mode):
        raise OutputRefused(t("files.out_blocked", path=target))
    return info


def write_output(
    root: Path, relative: str | PurePath, data: bytes | str | Iterable[bytes], *, private: bool = False,
    durable: bool = True,
) -> Path:
    """Write ``data`` (text as UTF-8; or the chunks of a large file, so that it need not be in
    memory twice) to ``root / relative``.

    OutputRefused for a name outside ``root`` or a link on the way; OSError when the system
    refuses. An existing file's permission bits are kept; a new one gets 0o666 minus the umask
    (0o600 with ``private``). Without ``durable`` the data is not forced to disk before the file
    takes its place: for a cache, which is rebuilt when a crash leaves it damaged (the flush to
    disk costs a warm lint a tenth of its time).
    """
    inside = plain_relative(relative)
    if inside is None:
        raise OutputRefused(t("files.out_outside", path=relative, root=root))
    folder = prepare_folder(root, inside)
    target = folder / inside.name
    existing = check_target(target)
    if existing is not None and not private:
        mode = stat.S_IMODE(existing.st_mode)
    elif private:
        mode = 0o600
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    chunks: Iterable[bytes] = (data.encode("utf-8"),) if isinstance(data, str) else (
        (data,) if isinstance(data, bytes) else data)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{inside.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return target


def write_file(path: Path, data: bytes | str, *, private: bool = False) -> Path:
    """``write_output`` for one file the user named (``-o FILE``): its folder is the output root."""
    return write_output(path.parent, path.name, data, private=private)


def append_file(path: Path, text: str) -> None:
    """Append ``text`` to the regular file at ``path`` (created if missing), never through a link
    and never to a FIFO or device: for a report file a CI runner names (``$GITHUB_STEP_SUMMARY``)."""
    flags = (os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
             | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        descriptor = os.open(path, flags, 0o666)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OutputRefused(t("files.out_link", path=path)) from None
        raise
    with os.fdopen(descriptor, "ab") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise OutputRefused(t("files.out_blocked", path=path))
        stream.write(text.encode("utf-8"))


def remove_output(root: Path, relative: str | PurePath) -> bool:
    """Remove the regular file ``root / relative`` if it is one, never through a link; True if removed."""
    inside = plain_relative(relative)
    if inside is None:
        return False
    try:
        check_root(root)
    except OutputRefused:
        return False
    folder = root
    for part in inside.parts[:-1]:
        folder = folder / part
        if not stat.S_ISDIR(_lstat_mode(folder)):  # a link's own mode is never a folder's
            return False
    if not stat.S_ISREG(_lstat_mode(folder / inside.name)):
        return False
    (folder / inside.name).unlink()
    return True


def _lstat_mode(path: Path) -> int:
    try:
        return path.lstat().st_mode
    except OSError:
        return 0
