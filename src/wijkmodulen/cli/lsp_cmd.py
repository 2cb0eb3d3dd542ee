"""`wijkmodulen lsp`: the language server for editors, over stdin and stdout."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import fail
from wijkmodulen.messages import t


@app.command(help=t("editor.help"))
def lsp(
    kb: Annotated[Path | None, typer.Option("--kb", help=t("editor.kb"), show_default=False)] = None,
) -> None:
    try:
        from wijkmodulen.lsp.server import serve
    except ImportError:  # pygls is an optional extra
        fail(t("editor.missing_extra"))
    serve(kb)
