"""`wijkmodulen summary` and `wijkmodulen schema`: facts about the KB and its file formats."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import err, locate, out
from wijkmodulen.messages import t


@app.command(help=t("summary.help"))
def summary(
    kb_path: Annotated[Path | None, typer.Argument(help=t("kb.argument"), show_default=False)] = None,
) -> None:
    from wijkmodulen.load.kb import load_knowledge_base
    from wijkmodulen.summary import summarize

    location = locate(kb_path)
    out.print(summarize(load_knowledge_base(location.root, location.limits)), markup=False)


@app.command(help=t("schema.help"))
def schema(
    out_dir: Annotated[Path, typer.Option("--out", help=t("schema.out"))] = Path("schemas"),
) -> None:
    from wijkmodulen.schema_export import export_schemas

    written = export_schemas(out_dir)
    err.print(t("cli.schema_written", count=len(written), path=out_dir), markup=False)
