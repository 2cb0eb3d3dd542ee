"""Finding and loading templates: the user's folder first (--templates), then the packaged defaults."""

from __future__ import annotations

import base64
from collections.abc import Callable
from functools import cache
from pathlib import Path
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

from wijkmodulen.messages import t

_PACKAGE = Path(__file__).resolve().parent.parent


class RenderError(Exception):
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
    """Render ``name``; template mistakes become a RenderError with the template's name and line."""
    try:
        return env.get_template(name).render(**context)
    except TemplateNotFound as error:
        raise RenderError(t("render.template_missing", name=error.name)) from None
    except TemplateSyntaxError as error:
        raise RenderError(
            t("render.template_error", name=error.filename or error.name or name, line=error.lineno,
              detail=error.message)
        ) from None
    except TemplateError as error:
        raise RenderError(t("render.template_error", name=name, line="?", detail=error.message)) from None
    except (TypeError, ValueError, AttributeError, KeyError, IndexError) as error:
        # A user's template calling something that does not exist: the template's fault, not the tool's.
        raise RenderError(t("render.template_error", name=name, line="?", detail=str(error))) from None
