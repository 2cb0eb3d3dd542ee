"""What every command shares: the consoles, the one way to fail, and opening the workspace."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from rich.console import Console

from wijkmodulen.errors import WijkmodulenError
from wijkmodulen.messages import t

if TYPE_CHECKING:
    from wijkmodulen.app import Workspace

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """End the command with one line on stderr (see cli.app); 2 means the tool could not do its job."""
    raise WijkmodulenError(message, code)


def open_workspace(path: Path | None, must_exist: bool = True, announce: bool = True) -> Workspace:
    """The workspace of the KB to work on, announced on stderr so that stdout stays machine-readable."""
    # Imported here: the workspace needs pydantic, which `wijkmodulen --help` can do without.
    from wijkmodulen.app import Workspace

    workspace = Workspace.open(path, must_exist=must_exist, notify=note)
    if announce:
        announce_kb(workspace)
    return workspace


def announce_kb(workspace: Workspace) -> None:
    workspace.require_kb()
    location = workspace.location
    err.print(t("cli.kb_used", path=_shown(location.root), origin=location.origin), markup=False)


def note(message: str) -> None:
    err.print(message, markup=False)


def _shown(path: Path) -> str:
    """A path below the current folder is shown relative to it: shorter, and the same on every machine."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return str(path)
