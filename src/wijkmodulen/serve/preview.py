"""One build of the preview: load the KB as far as it loads, lint it, render the handbook, add the panel.

Nothing here raises for bad data: a file that does not load is left out of the handbook and named in the
panel, and a handbook that cannot be made (a template error) leaves a page with the panel alone. The
server keeps running whatever the author's files look like.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from wijkmodulen.app import WijkmodulenError, Workspace
from wijkmodulen.lint.engine import LintResult
from wijkmodulen.lint.reporters.common import relative_path, summary_line
from wijkmodulen.lint.settings import LintSettings
from wijkmodulen.load.kb import DEFAULT_LIMITS, KnowledgeBase
from wijkmodulen.load.limits import Limits
from wijkmodulen.locate import KbLocation
from wijkmodulen.messages import t
from wijkmodulen.render.context import Metadata
from wijkmodulen.serve.panel import (
    Shown,
    error_page,
    inject,
    module_html,
    panel_html,
    reload_script,
    shown_problem,
)


@dataclass(frozen=True)
class PreviewConfig:
    root: Path
    templates: Path | None = None
    meta: Metadata = field(default_factory=Metadata)
    lint: LintSettings = field(default_factory=LintSettings)
    limits: Limits = DEFAULT_LIMITS

    def workspace(self) -> Workspace:
        return Workspace(KbLocation(self.root, "", self.limits), settings=self.lint)


@dataclass(frozen=True)
class Preview:
    page: str
    modules: int
    summary: str
    render_error: str | None
    seconds: float


def _shown(kb: KnowledgeBase, result: LintResult) -> list[Shown]:
    module_of = {entry.source.path: module_id for module_id, entry in kb.modules.items()}
    loaded = {entry.source.path for entry in kb.entries()}
    if kb.bronnen is not None:
        loaded.add(kb.bronnen.source.path)
    broken = {issue.source.path for issue in kb.issues} - loaded
    return [
        shown_problem(p, relative_path(p.file, kb.root), module_of.get(p.file), p.file in broken)
        for p in result.problems
    ]


def build_preview(
    config: PreviewConfig, version: str, clock: Callable[[], datetime] = datetime.now,
    workspace: Workspace | None = None,
) -> Preview:
    start = time.perf_counter()
    workspace = workspace or config.workspace()
    try:
        result = workspace.lint()  # with the lint cache: a rebuild after one edit rereads one file
        kb = result.kb
    except Exception as error:  # noqa: BLE001 -- the loader and lint collect problems; this is a last guard
        detail = f"{type(error).__name__}: {error}"
        top = panel_html([], "", clock().strftime("%H:%M:%S"), detail)
        failed = error_page(top, reload_script(version), t("serve.panel.label"))
        return Preview(failed, 0, "", detail, time.perf_counter() - start)
    shown = _shown(kb, result)
    summary = summary_line(result)
    per_module: dict[str, list[Shown]] = {}
    for problem in shown:
        if problem.module is not None:
            per_module.setdefault(problem.module, []).append(problem)
    page: str | None = None
    modules = 0
    render_error: str | None = None
    try:
        handbook = workspace.handbook(meta=config.meta, kb=kb)
        page = workspace.html_page(handbook, config.templates)
        modules = len(handbook.modules)
    except WijkmodulenError as error:
        render_error = str(error)
    except Exception as error:  # noqa: BLE001 -- the preview must outlive any data the author types
        render_error = f"{type(error).__name__}: {error}"
    top = panel_html(shown, summary, clock().strftime("%H:%M:%S"), render_error)
    bottom = reload_script(version)
    if page is None:
        page = error_page(top, bottom, t("serve.panel.label"))
    else:
        page = inject(page, top, {m: module_html(m, found) for m, found in per_module.items()}, bottom)
    return Preview(page, modules, summary, render_error, time.perf_counter() - start)


class Rebuilder:
    """Builds a new preview and hands it to ``publish``; versions are unique per run of the server, so an
    open page of an earlier run reloads too."""

    def __init__(
        self, config: PreviewConfig, publish: Callable[[str, str], None], report: Callable[[Preview], None]
    ) -> None:
        self.config = config
        self.workspace = config.workspace()
        self.publish = publish
        self.report = report
        self.run_id = format(time.time_ns() // 1_000_000, "x")
        self.count = 0

    def rebuild(self) -> Preview:
        self.count += 1
        version = f"{self.run_id}-{self.count}"
        preview = build_preview(self.config, version, workspace=self.workspace)
        self.publish(preview.page, version)
        self.report(preview)
        return preview
