"""`wijkmodulen serve`: the HTML handbook live on 127.0.0.1, rebuilt and reloaded on every change."""

from __future__ import annotations

import signal
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import err, fail, locate, out
from wijkmodulen.messages import t

if TYPE_CHECKING:
    from wijkmodulen.serve.preview import Preview, PreviewConfig

DEFAULT_PORT = 8000


def _seconds(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _report(preview: Preview) -> None:
    seconds = _seconds(preview.seconds)
    if preview.render_error is not None:
        err.print(t("serve.render_failed", seconds=seconds, detail=preview.render_error), markup=False)
    else:
        err.print(t("serve.built", seconds=seconds, modules=preview.modules, summary=preview.summary),
                  markup=False)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _config(kb_path: Path | None, templates: Path | None) -> PreviewConfig:
    from wijkmodulen.cli.render_cmd import configured_metadata, configured_templates
    from wijkmodulen.config import ConfigError, find_config
    from wijkmodulen.lint.settings import resolve_settings
    from wijkmodulen.serve.preview import PreviewConfig

    try:
        loaded = find_config()
        lint_settings = resolve_settings(loaded.config.lint, loaded.path)
    except ConfigError as error:
        fail(t("cli.config_error", path=error.path, detail=error.detail))
    template_dir = configured_templates(loaded, templates)
    meta = configured_metadata(loaded)
    location = locate(kb_path)
    return PreviewConfig(location.root, template_dir, meta, lint_settings, location.limits)


@app.command(help=t("serve.help"))
def serve(
    kb_path: Annotated[Path | None, typer.Argument(help=t("kb.argument"), show_default=False)] = None,
    port: Annotated[int, typer.Option("--port", help=t("serve.port"))] = DEFAULT_PORT,
    templates: Annotated[Path | None, typer.Option("--templates", help=t("render.templates"))] = None,
) -> None:
    from wijkmodulen.os_errors import describe
    from wijkmodulen.render.templates import search_path
    from wijkmodulen.serve.preview import Rebuilder
    from wijkmodulen.serve.server import NoFreePort, PreviewState, bind
    from wijkmodulen.serve.watch import MAX_DEPTH, MAX_FILES, Watcher

    if not 0 <= port <= 65535:
        fail(t("serve.bad_port", port=port))
    config = _config(kb_path, templates)
    # Ctrl-C (and a plain kill) end the server the same quiet way, also when started where SIGINT was
    # ignored (a background job of a script).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    state = PreviewState()
    try:
        server = bind(port, state)
    except NoFreePort as error:
        fail(t("serve.no_free_port", first=error.first, last=error.last))
    except OSError as error:
        fail(t("serve.cannot_bind", port=port, detail=describe(error)))
    watcher: Watcher | None = None
    try:
        if port != 0 and server.port != port:
            err.print(t("serve.port_busy", port=port, chosen=server.port), markup=False)
        rebuilder = Rebuilder(config, state.publish, _report)
        watcher = Watcher([config.root, *search_path(config.templates)], rebuilder.rebuild)
        if watcher.limited is not None:
            err.print(t("serve.watch_limited", folder=watcher.limited, files=MAX_FILES, depth=MAX_DEPTH),
                      markup=False)
        rebuilder.rebuild()
        watcher.start()
        out.print(t("serve.listening", url=server.url), markup=False)
        err.print(t("serve.how_to_stop"), markup=False)
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        if watcher is not None:
            watcher.stop()
        state.close()
        server.server_close()
    err.print(t("serve.stopped"), markup=False)
