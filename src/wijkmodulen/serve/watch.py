"""Noticing that a data file or template changed: a snapshot of sizes and modification times, polled.

Polling a few hundred files a few times a second costs next to nothing and needs no extra package; it
also sees changes on network and container file systems where kernel notifications do not arrive.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

Snapshot = dict[str, tuple[int, int]]

# A KB and its templates are a few hundred files a few folders deep. A folder named by mistake (or by a
# pull request: `templates = "/"`) must not make the watcher walk the whole file system four times a
# second: past these bounds the rest is not watched, and the caller says so once.
MAX_FILES = 5000
MAX_DEPTH = 8


def _ignored(name: str) -> bool:
    # Editors' swap, backup and lock files come and go with every keystroke.
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp"))


def snapshot(folders: Iterable[Path], max_files: int = MAX_FILES, max_depth: int = MAX_DEPTH) -> Snapshot:
    """Size and modification time of every file below ``folders`` (hidden ones left out), at most
    ``max_files`` files and ``max_depth`` folders deep (``Watcher.limited`` says when that cut it short)."""
    return _snapshot(folders, max_files, max_depth)[0]


def _snapshot(folders: Iterable[Path], max_files: int, max_depth: int) -> tuple[Snapshot, Path | None]:
    seen: Snapshot = {}
    for folder in folders:
        base_depth = str(folder).rstrip(os.sep).count(os.sep)
        for directory, subdirs, files in os.walk(folder):  # links to folders are not followed
            subdirs[:] = [d for d in subdirs if not d.startswith(".")]
            if directory.rstrip(os.sep).count(os.sep) - base_depth >= max_depth and subdirs:
                subdirs[:] = []
                return seen, folder
            for name in files:
                if _ignored(name):
                    continue
                if len(seen) >= max_files:
                    return seen, folder
                path = os.path.join(directory, name)
                try:
                    status = os.stat(path)
                except OSError:
                    continue  # removed between listing and looking
                seen[path] = (status.st_mtime_ns, status.st_size)
    return seen, None


class Watcher(threading.Thread):
    """Calls ``on_change`` (in this thread) after files below ``folders`` change.

    The first snapshot is taken on creation, so a change made while the first build runs is not missed;
    ``limited`` is then the folder that holds more than the bounds let it watch (or None).
    """

    def __init__(
        self, folders: Iterable[Path], on_change: Callable[[], object], interval: float = 0.25, settle: float = 0.1
    ) -> None:
        super().__init__(name="wijkmodulen-watch", daemon=True)
        self.folders = list(folders)
        self.on_change = on_change
        self.interval = interval
        self.settle = settle
        self._stop_event = threading.Event()
        self._last, self.limited = _snapshot(self.folders, MAX_FILES, MAX_DEPTH)

    def run(self) -> None:
        while not self._stop_event.wait(self.interval):
            current = snapshot(self.folders)
            if current == self._last:
                continue
            # An editor may save in steps (truncate, write; or write elsewhere, rename): let it finish.
            while not self._stop_event.wait(self.settle):
                settled = snapshot(self.folders)
                if settled == current:
                    break
                current = settled
            self._last = current
            if not self._stop_event.is_set():
                self.on_change()

    def stop(self) -> None:
        self._stop_event.set()
