"""What every reporter needs: paths relative to the repository root, and the summary sentence."""

from __future__ import annotations

import inspect
import os
from pathlib import Path
from typing import TYPE_CHECKING

from wijkmodulen.lint.problem import Severity
from wijkmodulen.messages import t

if TYPE_CHECKING:
    from wijkmodulen.lint.engine import LintResult
    from wijkmodulen.lint.rule import Rule


def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding ``.git`` (a folder, or a file in a worktree)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def report_base(kb_root: Path) -> Path:
    """Where reported paths start: the repository root (what CI and code scanning expect), else
    the current folder."""
    return repository_root(kb_root) or Path.cwd()


def relative_path(path: Path, base: Path) -> str:
    """``path`` relative to ``base`` with forward slashes; unchanged when it lies elsewhere.

    A symbolic link is shown as itself, not as what it points to; a name that is not UTF-8 is
    shown with replacement characters (printing it as is would fail).
    """
    try:
        text = (path.parent.resolve() / path.name).relative_to(base.resolve()).as_posix()
    except ValueError:
        text = os.fspath(path)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _count(severity: Severity, amount: int) -> str:
    return t(f"lint.count.{severity.label}.{'one' if amount == 1 else 'many'}", n=amount)


def summary_line(result: LintResult) -> str:
    amount = result.files_checked
    files = t(f"lint.files.{'one' if amount == 1 else 'many'}", n=amount)
    if not result.problems:
        text = t("lint.summary.clean", files=files)
    else:
        counts = ", ".join(_count(s, result.counts[s]) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
        text = t("lint.summary.found", counts=counts, files=files)
    if result.suppressed:
        text += " " + t("lint.summary.suppressed", n=result.suppressed)
    return text


def rule_summary(rule: type[Rule]) -> str:
    """The first paragraph of a rule's docstring, on one line."""
    return " ".join(inspect.cleandoc(rule.__doc__ or "").split("\n\n")[0].split())


def rule_doc(rule: type[Rule]) -> str:
    return inspect.cleandoc(rule.__doc__ or "")
