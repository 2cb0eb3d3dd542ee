"""The project's GitHub Actions workflow is one GitHub accepts (its published schema, as
check-jsonschema ships it) and runs the suite on the three systems with every supported Python."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
from ruamel.yaml import YAML

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "tests.yml"


def _workflow() -> dict:  # type: ignore[type-arg]
    # YAML 1.2 as GitHub reads it: `on` stays a key, not the boolean YAML 1.1 makes of it
    return YAML(typ="safe", pure=True).load(WORKFLOW.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_the_workflow_is_valid_for_github() -> None:
    schema_file = resources.files("check_jsonschema.builtin_schemas.vendor") / "github-workflows.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    assert [error.message for error in validator.iter_errors(_workflow())] == []
    broken = _workflow()
    broken["jobs"]["test"]["runs-on"] = None
    assert list(validator.iter_errors(broken))  # the check can fail


def test_the_workflow_covers_the_systems_and_pythons_the_package_supports() -> None:
    matrix = _workflow()["jobs"]["test"]["strategy"]["matrix"]
    assert set(matrix["os"]) == {"ubuntu-latest", "windows-latest", "macos-latest"}
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.11"' in pyproject
    assert matrix["python"] == ["3.11", "3.12", "3.13"]
    steps = "\n".join(step.get("run", "") for step in _workflow()["jobs"]["test"]["steps"])
    for command in ("make test", "mypy --platform win32 src", "mypy --platform darwin src", "python -m pytest"):
        assert command in steps
