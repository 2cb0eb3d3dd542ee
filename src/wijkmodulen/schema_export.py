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


# Where ids of the KB belong: (schema, $defs model or None for the root, key) -> kind of id.
ID_PLACES: dict[tuple[str, str | None, str], str] = {
    ("module", None, "tegenhangers"): "modules",
    ("module", None, "verwijzingen"): "modules",
    ("module", None, "specificatie_van"): "modules",
    ("module", "Koppelingen", "competenties"): "competenties",
    ("module", "Koppelingen", "kennisdomeinen"): "kennisdomeinen",
    ("module", "Koppelingen", "doelgroepen"): "doelgroepen",
    ("competentie", "ScwCompetentie", "thema"): "scw_themas",
}


def _add_enum(node: dict[str, Any], values: list[str]) -> None:
    """Restrict the string part of ``node`` (a string, a list of strings, or a union) to ``values``."""
    if node.get("type") == "string":
        node["enum"] = values
    elif node.get("type") == "array" and isinstance(node.get("items"), dict):
        _add_enum(node["items"], values)
    for branch in node.get("anyOf", []):
        _add_enum(branch, values)


def with_ids(name: str, schema: dict[str, Any], ids: dict[str, list[str]]) -> dict[str, Any]:
    """``schema`` with the KB's ids as enums where an id belongs (an unknown id is then flagged
    by yaml-language-server, and ids complete there)."""
    for (schema_name, model, key), kind in ID_PLACES.items():
        if schema_name != name:
            continue
        holder = schema if model is None else schema.get("$defs", {}).get(model, {})
        node = holder.get("properties", {}).get(key)
        if node is not None:
            _add_enum(node, ids.get(kind, []))
    return schema


def export_schemas(out: Path, ids: dict[str, list[str]] | None = None) -> list[Path]:
    """Write the schema of every kind to ``out``; with ``ids`` (kind -> the KB's ids), with enums."""
    written = []
    for name in schemas():
        schema = schema_for(name)
        if ids is not None:
            schema = with_ids(name, schema, ids)
        text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
        written.append(write_output(out, f"{name}.schema.json", text))
    return written
