"""Where a handbook may be written: never into the KB, never over a file where a folder belongs.

Checked before anything is read or written, so a refused ``--out`` leaves every file as it was.
"""

from __future__ import annotations

from pathlib import Path

from wijkmodulen.messages import t
from wijkmodulen.render.templates import RenderError


def check_output(out_dir: Path, kb_root: Path, folders: tuple[str, ...]) -> None:
    """Raise RenderError when ``out_dir`` is not a usable handbook folder.

    ``folders`` are the subfolders of ``out_dir`` the format writes into (Markdown: ``docs``,
    ``docs/modulen``): a KB there would get the handbook's pages, and its stale ones deleted.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise RenderError(t("render.out_is_file", path=out_dir))
    kb = kb_root.resolve()
    for folder in (out_dir, *(out_dir / name for name in folders)):
        # resolve() follows links, so a link to (a folder in) the KB is refused as well.
        if folder.resolve().is_relative_to(kb):
            raise RenderError(t("render.out_in_kb", path=out_dir, kb=_shown(kb)))


def check_targets(out_dir: Path, relatives: list[str]) -> None:
    """Raise RenderError when a file cannot be written because a file or folder is in its way.

    Checked for every file before the first is written, so that a handbook is not left half new.
    """
    for relative in relatives:
        target = out_dir / relative
        if target.is_dir():
            raise RenderError(t("render.out_blocked", path=target))
        for parent in target.parents:
            if parent == out_dir:
                break
            if parent.exists() and not parent.is_dir():
                raise RenderError(t("render.out_blocked", path=parent))


def _shown(path: Path) -> str:
    """A path below the current folder relative to it, as the CLI names the KB."""
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return path.as_posix()
