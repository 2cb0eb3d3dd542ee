"""Finding and loading templates: the user's folder first (--templates), then the packaged defaults."""

from __future__ import annotations

import base64
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import CodeType, TracebackType
from typing import Any

from jinja2 import (
    BaseLoader,
    BytecodeCache,
    Environment,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.bccache import Bucket
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from wijkmodulen.errors import WijkmodulenError
from wijkmodulen.io.reader import Refused, is_readable_named, read_named
from wijkmodulen.io.writer import plain_relative
from wijkmodulen.load.limits import Limits
from wijkmodulen.messages import t
from wijkmodulen.os_errors import describe

# A template, font or picture next to the templates may be as large as a KB file: the configured
# ``max_file_size_mb`` (the handbook's metadata carries it), this when none is given.
TEMPLATE_MAX_BYTES = Limits().max_bytes

_PACKAGE = Path(__file__).resolve().parent.parent


class RenderError(WijkmodulenError):
    """A problem the user can fix (a template, a logo, the output folder); the message is Dutch."""


def packaged_templates() -> Path:
    """The templates shipped with the package: inside the wheel, or templates/ of a source checkout."""
    inside = _PACKAGE / "_templates"
    if inside.is_dir():
        return inside
    return _PACKAGE.parent.parent / "templates"


def search_path(user_dir: Path | None) -> list[Path]:
    return [*([user_dir] if user_dir is not None else []), packaged_templates()]


def _find(folders: list[Path], name: str) -> tuple[Path, Path] | None:
    """The first folder holding ``name`` (a plain relative name) and the file's path there."""
    relative = plain_relative(name)
    if relative is None:
        return None
    for folder in folders:
        candidate = folder.joinpath(*relative.parts)
        if is_readable_named(candidate, folder):
            return folder, candidate
        if candidate.is_symlink() or candidate.exists():
            # There, but a link out of the folder or not a regular file: an error, not a silent
            # fallback to the packaged file of the same name.
            raise RenderError(t("files.template_unreadable", name=candidate,
                                detail=t("files.link_outside", target=candidate.resolve())
                                if candidate.is_symlink() else t("load.not_regular")))
    return None


def _read(folder: Path, path: Path, max_bytes: int) -> bytes:
    """A template or a file beside one; the limit is for the user's folder (it comes with the
    repository): the packaged templates are the tool's own, read within the default limit."""
    limit = max(max_bytes, TEMPLATE_MAX_BYTES) if folder == packaged_templates() else max_bytes
    try:
        return read_named(path, folder, limit)
    except Refused as refused:
        raise RenderError(t("files.template_unreadable", name=path, detail=refused.message)) from None
    except OSError as error:
        raise RenderError(t("files.template_unreadable", name=path, detail=describe(error))) from None


@cache
def _data_uri(folder: Path, path: Path, mime: str, max_bytes: int) -> str:
    return f"data:{mime};base64,{base64.b64encode(_read(folder, path, max_bytes)).decode('ascii')}"


def asset_data_uri(folders: list[Path], name: str, mime: str, max_bytes: int = TEMPLATE_MAX_BYTES) -> str:
    """A file next to the templates (a font, an image) as a data: URI, so the HTML needs no other file."""
    found = _find(folders, name)
    if found is None:
        raise RenderError(t("render.template_missing", name=name))
    return _data_uri(*found, mime, max_bytes)


class GuardedLoader(BaseLoader):
    """Templates from the folders in turn, each read through the guarded reader: a template in the
    user's folder may not be a link out of it, a FIFO or a device, nor larger than the limit."""

    def __init__(self, folders: list[Path], max_bytes: int = TEMPLATE_MAX_BYTES) -> None:
        self.folders = folders
        self.max_bytes = max_bytes

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        found = _find(self.folders, template)
        if found is None:
            raise TemplateNotFound(template)
        folder, path = found
        try:
            text = _read(folder, path, self.max_bytes).decode("utf-8")
        except UnicodeDecodeError:
            raise RenderError(t("files.template_unreadable", name=path, detail="UTF-8")) from None
        # Every render makes its own environment, so a loaded template stays current for its life.
        return text, str(path), lambda: True


class CompiledTemplates(BytecodeCache):
    """Templates compiled earlier in this process, by name, file and the SHA-1 of their source:
    compiling the handbook's templates took longer than rendering them, and ``serve`` renders
    again after every save. Only in memory, never on disk (a compiled template on disk would be
    code another run could be made to load); a template whose text changed is compiled anew,
    and the least recently used are dropped beyond ``size``."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._code: OrderedDict[str, tuple[str, CodeType]] = OrderedDict()
        self._lock = threading.Lock()  # serve renders on its own thread

    def load_bytecode(self, bucket: Bucket) -> None:
        with self._lock:
            kept = self._code.get(bucket.key)
            if kept is not None and kept[0] == bucket.checksum:
                self._code.move_to_end(bucket.key)
                bucket.code = kept[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is None:
            return
        with self._lock:
            self._code[bucket.key] = (bucket.checksum, bucket.code)
            self._code.move_to_end(bucket.key)
            while len(self._code) > self.size:
                self._code.popitem(last=False)


# One per way of compiling: the compiled code depends on the environment's class, on escaping and
# on ``finalize`` (jinja applies it to the template's constant text when compiling).
_COMPILED: dict[tuple[type[Environment], bool, Callable[[Any], Any] | None], CompiledTemplates] = {}


def make_environment(
    user_dir: Path | None, *, autoescape: bool, finalize: Callable[[Any], Any] | None = None,
    max_bytes: int = TEMPLATE_MAX_BYTES,
) -> Environment:
    """The handbook's jinja environment. With a user's folder it is sandboxed: a user's template
    comes from the repository (a pull request) and must not reach Python's internals, files or
    programs, and it may include or extend the packaged ones, which then run sandboxed with it.
    The packaged templates alone are the tool's own code and run unsandboxed: the sandbox's check
    of every attribute took a third of rendering a large handbook. The KB's text is data to them,
    escaped by ``autoescape`` as before.
    ``max_bytes``: the largest template or file beside one that is read (``max_file_size_mb``)."""
    folders = search_path(user_dir)
    kind: type[Environment] = ImmutableSandboxedEnvironment if user_dir is not None else Environment
    env = kind(
        loader=GuardedLoader(folders, max_bytes),
        autoescape=autoescape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=finalize,
        extensions=["jinja2.ext.do"],
        # the sandbox compiles some operators differently: its code is kept apart
        bytecode_cache=_COMPILED.setdefault((kind, autoescape, finalize), CompiledTemplates()),
    )
    env.globals["asset_data_uri"] = lambda name, mime: asset_data_uri(folders, name, mime, max_bytes)
    return env


def render_template(env: Environment, name: str, **context: Any) -> str:
    """Render ``name``; template mistakes become a RenderError with the template's file and line."""
    try:
        return env.get_template(name).render(**context)
    except TemplateNotFound as error:
        raise RenderError(t("render.template_missing", name=error.name)) from None
    except TemplateSyntaxError as error:
        raise RenderError(
            t("render.template_error", name=error.filename or error.name or name, line=error.lineno,
              detail=error.message)
        ) from None
    except RenderError:
        raise
    except SecurityError as error:
        where = template_frame(error.__traceback__) or (name, 0)
        raise RenderError(
            t("files.template_unsafe", name=where[0], line=where[1], detail=_detail(error))
        ) from None
    except Exception as error:
        # Undefined names, a filter given the wrong value, a macro calling itself forever: an error
        # raised while template code runs is the template's, and jinja has put the template's file and
        # line in the traceback. An error with no template frame in it is the tool's own: re-raised.
        place = template_frame(error.__traceback__)
        if place is None:
            raise
        raise RenderError(
            t("render.template_error", name=place[0], line=place[1], detail=_detail(error))
        ) from None


def template_frame(tb: TracebackType | None) -> tuple[str, int] | None:
    """File and line of the innermost template frame of a traceback jinja has rewritten."""
    found: tuple[str, int] | None = None
    while tb is not None:
        # jinja's stand-in frames for template code carry the exception in their globals.
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _detail(error: Exception) -> str:
    message = error.message if isinstance(error, TemplateError) else str(error)
    text = " ".join((message or "").split())
    return f"{type(error).__name__}: {text}" if not isinstance(error, TemplateError) else text
