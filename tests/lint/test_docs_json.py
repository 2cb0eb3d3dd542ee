"""The json document shown on the output-formats page has exactly the fields the json reporter writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from wijkmodulen.cli import app

from conftest import ROOT


def _shape(value: object) -> object:
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return type(value).__name__


def test_documented_json_document_matches_the_reporter(minimal_kb: Path) -> None:
    page = (ROOT / "docs" / "reference" / "uitvoer.md").read_text(encoding="utf-8")
    block = re.search(r"The `json` document .*?```json\n(.*?)```", page, re.DOTALL)
    assert block, "json example missing from docs/reference/uitvoer.md"
    documented = json.loads(block.group(1))
    path = minimal_kb / "modules" / "wmw-03-eerste-hulp.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("nummer: 3", "numer: 3"), encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", str(minimal_kb), "--format", "json"])
    real = json.loads(result.stdout)
    assert _shape(documented) == _shape(real)
    assert documented["version"] == real["version"]
