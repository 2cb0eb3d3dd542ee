"""JSON Schema (draft 2020-12) for every kind of file, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from wijkmodulen.io.writer import write_output
from wijkmodulen.model import (
    Bronnen,
    GeneriekeCompetentie,
    Inleiding,
    Kennisbouwsteen,
    Module,
    ScwCompetentie,
    ScwThema,
)
from wijkmodulen.team.model import TeamProfiel

DIALECT = "https://json-schema.org/draft/2020-12/schema"

SCHEMAS: dict[str, type[BaseModel] | list[type[BaseModel]]] = {
    "module": Module,
    "competentie": [ScwThema, ScwCompetentie, GeneriekeCompetentie],
    "kennisbouwsteen": Kennisbouwsteen,
    "inleiding": Inleiding,
    "bronnen": Bronnen,
    "teamprofiel": TeamProfiel,  # not a KB file: the profile of `wijkmodulen team`
}


def schema_for(name: str) -> dict[str, Any]:
    target = SCHEMAS[name]
    if isinstance(target, list):
        defs: dict[str, Any] = {}
        variants = []
        for model in target:
            schema = model.model_json_schema()
            defs.update(schema.pop("$defs", {}))
            defs[model.__name__] = schema
            variants.append({"$ref": f"#/$defs/{model.__name__}"})
        result: dict[str, Any] = {"oneOf": variants, "$defs": defs}
    else:
        result = target.model_json_schema()
    return {"$schema": DIALECT, "$id": f"{name}.schema.json", "title": name, **result}


def export_schemas(out: Path) -> list[Path]:
    written = []
    for name in SCHEMAS:
        text = json.dumps(schema_for(name), ensure_ascii=False, indent=2) + "\n"
        written.append(write_output(out, f"{name}.schema.json", text))
    return written
