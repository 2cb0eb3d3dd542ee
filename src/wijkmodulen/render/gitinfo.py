"""The commit and date of a KB folder kept in git, for the handbook's colophon."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class GitInfo:
    commit: str
    datum: date
    gewijzigd: bool  # uncommitted changes in the KB folder: the commit alone does not describe it


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def kb_git_info(root: Path) -> GitInfo | None:
    """The last commit touching ``root``; None outside a repository or for a folder git does not track."""
    last = _git(root, "log", "-1", "--format=%H %cs", "--", ".")
    if not last:
        return None
    commit, day = last.split(" ", 1)
    status = _git(root, "status", "--porcelain", "--untracked-files=no", "--", ".")
    return GitInfo(commit, date.fromisoformat(day), bool(status))
