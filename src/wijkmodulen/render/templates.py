"""Finding and loading templates: the user's folder first (--templates), then the packaged defaults."""

from __future__ import annotations

import base64
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)

from wijkmodulen.errors import WijkmodulenError
from wijkmodulen.messages import t

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


@cache
def _data_uri(path: Path, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def asset_data_uri(folders: list[Path], name: str, mime: str) -> str:
    """A file next to the templates (a font, an image) as a data: URI, so the HTML needs no other file."""
    for folder in folders:
        candidate = folder / name
        if candidate.is_file():
            return _data_uri(candidate.resolve(), mime)
    raise RenderError(t("render.template_missing", name=name))


def make_environment(
    user_dir: Path | None, *, autoescape: bool, finalize: Callable[[Any], Any] | None = None
) -> Environment:
    folders = search_path(user_dir)
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(folder) for folder in folders]),
        autoescape=autoescape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=finalize,
        extensions=["jinja2.ext.do"],
    )
    env.globals["asset_data_uri"] = lambda name, mime: asset_data_uri(folders, name, mime)
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
