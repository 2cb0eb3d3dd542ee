"""The one-pass libyaml loader gives exactly the data and problems of the ruamel.yaml path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from wijkmodulen.load import fast_yaml
from wijkmodulen.load.yaml_source import YamlProblem, load_text, load_text_ruamel

ROOT = Path(__file__).resolve().parents[2]

SNIPPETS = [
    "a: yes\nb: no\nc: on\nd: off\ne: y\n",  # YAML 1.2: text, not booleans
    "a: true\nb: False\nc: TRUE\nd: null\ne: ~\nf:\ng: Null\n",
    "a: 012\nb: 0o12\nc: 0x1F\nd: 1_000\ne: -3\nf: +4\ng: 0b101\n",
    "a: 1.5\nb: .inf\nc: -.Inf\nd: .nan\ne: 1e3\nf: 6.02e+23\ng: 1.\n",
    "a: 2024-01-31\nb: 2001-12-14t21:59:43.10-05:00\nc: '12'\nd: \"true\"\n",
    "1: een\ntrue: waar\n~: niets\n1.5: half\n'x': y\n",
    "a: !!str 12\nb: !!int '7'\nc: ! 12\nd: !!bool 'true'\ne: !!null ''\nf: !!float '1'\n",
    "a: =\n", "a: !\n", "a: '!'\n", "a: <<\n",
    "tekst: |\n  regel een\n  regel twee\nlijst: >-\n  gevouwen\n  tekst\n",
    "a: [1, b, {c: d}]\nb: {}\nc: []\n",
    "a: &x 1\n", "a: &x 1\nb: *x\n", "a: *onbekend\n", "a: &x 1\nb: &x 2\n",
    "a: 1\na: 2\n", "[a]: 1\n", "{a: b}: 1\n", "a: !!set {x}\n", "a: !mijn x\n", "<<: {a: 1}\n",
    "a: 1\n---\nb: 2\n", "--- a\n...\n", "", "---\n", "- a\n- b\n", "a: [\n", "\ta: 1\n",
    "%YAML 1.1\n---\na: yes\n", "a: 'open\n", "a: b: c\n", "a:\n  - [[[[x]]]]\n",
]


@pytest.mark.parametrize("text", SNIPPETS)
def test_same_data_or_same_problem_as_ruamel(text: str) -> None:
    def outcome(loader: Callable[[str, int], Any]) -> object:
        try:
            return ("data", loader(text, 4))
        except YamlProblem as problem:
            return ("problem", problem.message, problem.position)

    assert outcome(load_text) == outcome(load_text_ruamel)


def test_every_shipped_file_loads_alike() -> None:
    paths = sorted((ROOT / "data").rglob("*.yaml"))
    assert len(paths) > 90
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert fast_yaml.load(text, 50) == load_text_ruamel(text, 50), path


def test_refusals_are_left_to_the_ruamel_path() -> None:
    for text in ("a: &x 1\nb: *x\n", "a: 1\na: 2\n", "a: !mijn x\n", "a: [[[x]]]\n", "a: 1\n---\nb: 2\n"):
        with pytest.raises(fast_yaml.Refused):
            fast_yaml.load(text, 2)
