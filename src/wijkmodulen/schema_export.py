"""JSON Schema (draft 2020-12) for every kind of file, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from wijkmodulen.io.writer import write_output
from wijkmodulen.model import kinds
from wijkmodulen.team.model import TeamProfiel

DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Not a KB file: the profile of `wijkmodulen team`.
OTHER_SCHEMAS: dict[str, type[BaseModel]] = {"teamprofiel": TeamProfiel}


def schemas() -> dict[str, type[BaseModel] | list[type[BaseModel]]]:
    """Every schema by name: one per kind of KB file (model/kinds.py), in KB order, then the others."""
    table: dict[str, type[BaseModel] | list[type[BaseModel]]] = {
        kind.name: list(kind.models) if len(kind.models) > 1 else kind.models[0]
        for kind in sorted(kinds.KINDS, key=lambda kind: kind.file is not None)
    }
    return {**table, **OTHER_SCHEMAS}


# The schemas of the built-in table; schemas() also sees kinds added later.
SCHEMAS = schemas()


def schema_for(name: str) -> dict[str, Any]:
    target = schemas()[name]
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
    for name in schemas():
        text = json.dumps(schema_for(name), ensure_ascii=False, indent=2) + "\n"
        written.append(write_output(out, f"{name}.schema.json", text))
    return written
