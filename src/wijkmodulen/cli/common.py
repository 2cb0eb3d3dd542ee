"""What every command shares: the consoles, the one way to fail, and finding the KB."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer
from rich.console import Console

from wijkmodulen.messages import t

if TYPE_CHECKING:
    from wijkmodulen.locate import KbLocation

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one line on stderr and exit; 2 means the tool could not do its job."""
    err.print(message, markup=False)
    raise typer.Exit(code)


def locate(path: Path | None) -> KbLocation:
    """The KB to work on, announced on stderr so that stdout stays machine-readable."""
    # Imported here: the configuration needs pydantic, which `wijkmodulen --help` can do without.
    from wijkmodulen.config import ConfigError
    from wijkmodulen.locate import locate_kb

    try:
        location = locate_kb(path)
    except ConfigError as error:
        fail(t("cli.config_error", path=error.path, detail=error.detail))
    if not location.root.is_dir():
        fail(t("cli.no_kb", path=location.root))
    err.print(t("cli.kb_used", path=_shown(location.root), origin=location.origin), markup=False)
    return location


def _shown(path: Path) -> str:
    """A path below the current folder is shown relative to it: shorter, and the same on every machine."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return path.as_posix()
