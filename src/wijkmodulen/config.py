"""Project configuration: ``[tool.wijkmodulen]`` in pyproject.toml or a wijkmodulen.toml.

Found by searching upward from the current folder; unknown keys are errors (exit 2).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from wijkmodulen.errors import WijkmodulenError
from wijkmodulen.messages import t
from wijkmodulen.os_errors import describe


class LintOverride(BaseModel):
    """Settings for the files matching ``paths`` (globs relative to the KB root)."""

    model_config = ConfigDict(extra="forbid")

    paths: list[str]
    enable: list[str] = []
    disable: list[str] = []
    severity: dict[str, Literal["error", "warning", "info"]] = {}


class LintConfig(BaseModel):
    """``[tool.wijkmodulen.lint]``. Rule references (codes or names) are checked by the lint engine,
    which knows the rules; this model only fixes the shape."""

    model_config = ConfigDict(extra="forbid")

    enable: list[str] = []
    disable: list[str] = []
    fail_level: Literal["error", "warning", "info"] | None = None
    # per rule (code or name): ``severity`` and the rule's own options
    rules: dict[str, dict[str, Any]] = {}
    overrides: list[LintOverride] = []


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
    # nan and inf are floats to TOML, never a size: they would disable the limit or break it
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    kb: str | None = None
    lint: LintConfig = LintConfig()
    # Larger files are refused before they are read: a KB file is a few kilobytes.
    max_file_size_mb: float = Field(default=5, gt=0, le=1024)
    # Deeper nesting is refused before it is built; at most 200 keeps the builder's recursion safe.
    max_depth: int = Field(default=50, ge=1, le=200)
    render: RenderConfig = Field(default_factory=RenderConfig)


class ConfigError(WijkmodulenError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(t("cli.config_error", path=path, detail=detail))
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class LoadedConfig:
    config: ProjectConfig
    path: Path | None  # the file it came from; None for the defaults

    @property
    def folder(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


def describe_validation_error(error: ValidationError, prefix: str = "") -> str:
    """Every problem of a config table in Dutch, each naming its key (``lint.rules.WM201.max``)."""
    parts = []
    for problem in error.errors():
        where = ".".join([prefix] * bool(prefix) + [str(step) for step in problem["loc"]])
        if problem["type"] == "extra_forbidden":
            parts.append(t("config.unknown_key", key=where))
            continue
        if problem["type"] == "missing":
            parts.append(t("config.missing_key", key=where))
            continue
        try:
            detail = t(f"schema.type.{problem['type']}", **(problem.get("ctx") or {}), detail=problem["msg"])
        except (KeyError, IndexError):
            detail = t("schema.type.other", type=problem["type"])
        parts.append(t("config.invalid", key=where, detail=detail))
    return "; ".join(parts)


# A configuration file larger than this is not read (it comes with the repository, like the KB).
CONFIG_MAX_BYTES = 1024 * 1024


def _table(path: Path) -> dict[str, Any] | None:
    from wijkmodulen.io.reader import Refused, read_named

    try:
        data = tomllib.loads(read_named(path, path.parent, CONFIG_MAX_BYTES).decode("utf-8"))
    except Refused as refused:
        raise ConfigError(path, refused.message) from None
    except OSError as error:
        raise ConfigError(path, describe(error)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
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
                raise ConfigError(candidate, describe_validation_error(error)) from None
    return LoadedConfig(ProjectConfig(), None)
