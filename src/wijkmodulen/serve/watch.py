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


def _ignored(name: str) -> bool:
    # Editors' swap, backup and lock files come and go with every keystroke.
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp"))


def snapshot(folders: Iterable[Path]) -> Snapshot:
    """Size and modification time of every file below ``folders`` (hidden ones left out)."""
    seen: Snapshot = {}
    for folder in folders:
        for directory, subdirs, files in os.walk(folder):
            subdirs[:] = [d for d in subdirs if not d.startswith(".")]
            for name in files:
                if _ignored(name):
                    continue
                path = os.path.join(directory, name)
                try:
                    status = os.stat(path)
                except OSError:
                    continue  # removed between listing and looking
                seen[path] = (status.st_mtime_ns, status.st_size)
    return seen


class Watcher(threading.Thread):
    """Calls ``on_change`` (in this thread) after files below ``folders`` change.

    The first snapshot is taken on creation, so a change made while the first build runs is not missed.
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
        self._last = snapshot(self.folders)

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
