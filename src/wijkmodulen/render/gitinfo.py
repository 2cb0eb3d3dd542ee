"""The commit and date of a KB folder kept in git, for the handbook's colophon."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from wijkmodulen.load.git import git_text, has_tracked_changes

TIMEOUT = 10  # seconds: the colophon can do without the commit, the handbook must not wait for it


@dataclass(frozen=True)
class GitInfo:
    commit: str
    datum: date
    gewijzigd: bool  # uncommitted changes in the KB folder: the commit alone does not describe it


def kb_git_info(root: Path) -> GitInfo | None:
    """The last commit touching ``root``; None outside a repository or for a folder git does not track."""
    last = git_text(root, "log", "-1", "--format=%H %cs", "--", ".", timeout=TIMEOUT)
    if not last:
        return None
    commit, day = last.split(" ", 1)
    # Not `git status`: it would run the repository's fsmonitor hook and clean filters.
    return GitInfo(commit, date.fromisoformat(day), bool(has_tracked_changes(root)))
