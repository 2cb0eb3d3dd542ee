"""Which KB a command works on: an explicit path, the configured one, ./data, or the packaged one."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wijkmodulen.config import LoadedConfig, ProjectConfig, find_config
from wijkmodulen.load.limits import Limits
from wijkmodulen.messages import t

_PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class KbLocation:
    root: Path
    origin: str  # shown to the user
    limits: Limits = field(default_factory=Limits)  # from the project config
    # The project config, read once where the KB was located: every part of a run uses this one.
    config: LoadedConfig = field(default_factory=lambda: LoadedConfig(ProjectConfig(), None))


def packaged_kb() -> Path:
    """The KB shipped with the package: inside the wheel, or data/ of a source checkout."""
    inside = _PACKAGE / "_kb"
    if inside.is_dir():
        return inside
    return _PACKAGE.parent.parent / "data"


def limits_of(config: ProjectConfig) -> Limits:
    return Limits(max_bytes=int(config.max_file_size_mb * 1024 * 1024), max_depth=config.max_depth)


def locate_kb(explicit: Path | None = None, loaded: LoadedConfig | None = None) -> KbLocation:
    """Where the KB is; ``loaded`` is the config when the caller has read it already.

    The config belongs to the KB: for a KB path it is searched from that folder upward (as ruff and
    yamllint do), without one from the current folder."""
    if loaded is None:
        loaded = find_config(config_start(explicit))
    limits = limits_of(loaded.config)
    if explicit is not None:
        return KbLocation(explicit, t("cli.origin.argument"), limits, loaded)
    if loaded.config.kb is not None and loaded.path is not None:
        origin = t("cli.origin.config", config=loaded.path.name)
        return KbLocation(loaded.folder / loaded.config.kb, origin, limits, loaded)
    if Path("data").is_dir():
        return KbLocation(Path("data"), t("cli.origin.default"), limits, loaded)
    return KbLocation(packaged_kb(), t("cli.origin.packaged"), limits, loaded)


def config_start(explicit: Path | None) -> Path | None:
    """Where the search for the config of ``explicit`` (a KB folder, or a file in one) begins."""
    if explicit is None:
        return None
    return explicit if explicit.is_dir() or not explicit.suffix else explicit.parent


def kb_root_of(path: Path) -> Path | None:
    """The KB root a file belongs to (the folder above modules/, competenties/, ...)."""
    from wijkmodulen.model import kinds

    resolved = path.resolve()
    if resolved.name in kinds.file_kinds():
        return resolved.parent
    for parent in resolved.parents:
        if parent.name in kinds.folders():
            return parent.parent
    return None
