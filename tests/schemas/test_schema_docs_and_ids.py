"""Every key of every model has a Dutch title and description of its own (no auto-title such as
"Duur En Frequentie"), and `schema --with-ids` turns the KB's ids into enums that a validator uses."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import jsonschema
import yaml
from pydantic import BaseModel
from typer.testing import CliRunner

from wijkmodulen.cli import app
from wijkmodulen.schema_export import SCHEMAS, schema_for

from conftest import MINIMAL


def _models() -> list[type[BaseModel]]:
    pending: list[type[BaseModel]] = []
    for target in SCHEMAS.values():
        pending += target if isinstance(target, list) else [target]
    seen: list[type[BaseModel]] = []
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.append(model)
        for info in model.model_fields.values():
            pending += _nested(info.annotation)
    return seen


def _nested(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found = [model for arg in typing.get_args(annotation) for model in _nested(arg)]
    return found + [model for meta in getattr(annotation, "__metadata__", ()) for model in _nested(meta)]


def test_every_key_has_its_own_title_and_description() -> None:
    missing = [
        f"{model.__name__}.{name}"
        for model in _models()
        for name, info in model.model_fields.items()
        if not info.title or not info.description
    ]
    assert missing == []
    assert len(_models()) >= 20


def _properties(node: object) -> list[tuple[str, dict[str, object]]]:
    found = []
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            found.append((key, value))
        for value in node.values():
            found += _properties(value)
    elif isinstance(node, list):
        for value in node:
            found += _properties(value)
    return found


def test_exported_properties_have_dutch_titles() -> None:
    for name in SCHEMAS:
        for key, schema in _properties(schema_for(name)):
            # a property that is one model ($ref) shows that model's title; pydantic leaves its own out
            assert schema.get("title") or "$ref" in schema, (name, key)
            assert schema.get("description"), (name, key)
            auto = key.replace("_", " ").title()
            assert " " not in auto or schema.get("title") != auto, (name, key, schema["title"])
    module = schema_for("module")
    assert module["properties"]["duur_en_frequentie"]["title"] == "Duur en frequentie"


def test_with_ids_flags_an_unknown_id(tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    result = CliRunner().invoke(app, ["schema", "--out", str(out), "--with-ids", "--kb", str(MINIMAL)])
    assert result.exit_code == 0, result.output
    schema = json.loads((out / "module.schema.json").read_text(encoding="utf-8"))
    module = yaml.safe_load((MINIMAL / "modules" / "wmw-01-aanmelding.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(module, schema)
    module["koppelingen"]["competenties"] = ["4Z"]
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(module))
    assert error is not None
    assert error.instance == "4Z"
    plain = schema_for("module")
    assert "enum" not in plain["properties"]["tegenhangers"]["items"]
