"""`wijkmodulen summary` and `wijkmodulen schema`: facts about the KB and its file formats."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import err, open_workspace, out
from wijkmodulen.messages import t


@app.command(help=t("summary.help"))
def summary(
    kb_path: Annotated[Path | None, typer.Argument(help=t("kb.argument"), show_default=False)] = None,
) -> None:
    out.print(open_workspace(kb_path).summary(), markup=False)


@app.command(help=t("schema.help"))
def schema(
    out_dir: Annotated[Path, typer.Option("--out", help=t("schema.out"))] = Path("schemas"),
    with_ids: Annotated[bool, typer.Option("--with-ids", help=t("schema.with_ids"))] = False,
    kb_path: Annotated[Path | None, typer.Option("--kb", help=t("kb.argument"), show_default=False)] = None,
) -> None:
    from wijkmodulen.schema_export import export_schemas

    ids = None
    if with_ids:
        from wijkmodulen.app.live import kb_ids

        ids = kb_ids(open_workspace(kb_path).location)
    written = export_schemas(out_dir, ids)
    err.print(t("cli.schema_written", count=len(written), path=out_dir), markup=False)
