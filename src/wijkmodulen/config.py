"""Project configuration: ``[tool.wijkmodulen]`` in pyproject.toml or a wijkmodulen.toml.

Found by searching upward from the current folder; unknown keys are errors (exit 2).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class RenderConfig(BaseModel):
    """Handbook metadata for ``wijkmodulen render`` (``[tool.wijkmodulen.render]``); options win."""

    model_config = ConfigDict(extra="forbid")

    titel: str | None = None
    ondertitel: str | None = None
    organisatie: str | None = None
    logo: str | None = None  # relative to the config file
    editie: str | None = None
    templates: str | None = None  # relative to the config file


class ProjectConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kb: str | None = None
    render: RenderConfig = Field(default_factory=RenderConfig)


class ConfigError(Exception):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(detail)
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class LoadedConfig:
    config: ProjectConfig
    path: Path | None  # the file it came from; None for the defaults

    @property
    def folder(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


def _table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(path, str(error)) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("wijkmodulen")
        return table if isinstance(table, dict) else None
    return data


def find_config(start: Path | None = None) -> LoadedConfig:
    folder = (start or Path.cwd()).resolve()
    for directory in (folder, *folder.parents):
        for name in ("wijkmodulen.toml", "pyproject.toml"):
            candidate = directory / name
            if not candidate.is_file():
                continue
            table = _table(candidate)
            if table is None:
                continue
            try:
                return LoadedConfig(ProjectConfig.model_validate(table), candidate)
            except ValidationError as error:
                detail = "; ".join(
                    f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in error.errors()
                )
                raise ConfigError(candidate, detail) from None
    return LoadedConfig(ProjectConfig(), None)
