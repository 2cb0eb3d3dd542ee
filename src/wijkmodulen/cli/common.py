"""What every command shares: the consoles, the one way to fail, and opening the workspace."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from rich.console import Console
from rich.text import Text

from wijkmodulen.errors import WijkmodulenError
from wijkmodulen.messages import t
from wijkmodulen.sinks import for_terminal, has_unsafe_characters, visible_escape

if TYPE_CHECKING:
    from wijkmodulen.app import Workspace



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
    """End the command with one line on stderr (see cli.app); 2 means the tool could not do its job."""
    raise WijkmodulenError(message, code)


def open_workspace(path: Path | None, must_exist: bool = True, announce: bool = True) -> Workspace:
    """The workspace of the KB to work on, announced on stderr so that stdout stays machine-readable."""
    # Imported here: the workspace needs pydantic, which `wijkmodulen --help` can do without.
    from wijkmodulen.app import Workspace

    workspace = Workspace.open(kb=path, must_exist=must_exist, notify=note)
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
        return path.as_posix()
