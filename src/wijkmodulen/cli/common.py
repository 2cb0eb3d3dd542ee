"""What every command shares: the consoles, the one way to fail, and finding the KB."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from rich.console import Console
from rich.text import Text

from wijkmodulen.messages import t
from wijkmodulen.sinks import for_terminal, has_unsafe_characters, visible_escape

if TYPE_CHECKING:
    from wijkmodulen.locate import KbLocation



class SafeConsole(Console):
    """A console that never passes a control character or bidi control of KB text (a file name, a
    key, an id, a title) to the terminal: each is printed as a visible escape (``sinks.for_terminal``)."""

    def print(self, *objects: Any, **options: Any) -> None:
        super().print(*(safe_for_terminal(o) for o in objects), **options)


def safe_for_terminal(renderable: Any) -> Any:
    """``renderable`` (text or rich Text; other renderables as they are) with unsafe characters escaped."""
    if isinstance(renderable, str):
        return for_terminal(renderable, lines=True)
    if isinstance(renderable, Text) and has_unsafe_characters(renderable.plain.replace("\n", "").replace("\t", "")):
        plain = renderable.plain
        cuts = sorted({i for i, c in enumerate(plain) if c not in "\n\t" and has_unsafe_characters(c)}
                      | {i + 1 for i, c in enumerate(plain) if c not in "\n\t" and has_unsafe_characters(c)})
        safe = Text(style=renderable.style, end=renderable.end)
        for part in renderable.divide(cuts):
            if len(part.plain) == 1 and part.plain not in "\n\t" and has_unsafe_characters(part.plain):
                safe.append(visible_escape(part.plain), style="reverse")
            else:
                safe.append_text(part)
        return safe
    return renderable


err = SafeConsole(stderr=True, highlight=False, soft_wrap=True)
out = SafeConsole(highlight=False, soft_wrap=True)


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
    if not _looks_like_kb(location.root):
        # "0 files, no findings" would let a CI job that points at the wrong folder pass
        fail(t("cli.not_a_kb", path=location.root))
    err.print(t("cli.kb_used", path=_shown(location.root), origin=location.origin), markup=False)
    return location


def _looks_like_kb(root: Path) -> bool:
    """Whether ``root`` has at least one of the KB's kind folders (or its sources file)."""
    from wijkmodulen.load.kb import BRONNEN_FILE, FOLDERS

    return any(os.path.lexists(root / name) for name in (*FOLDERS, BRONNEN_FILE))


def _shown(path: Path) -> str:
    """A path below the current folder is shown relative to it: shorter, and the same on every machine."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return path.as_posix()
