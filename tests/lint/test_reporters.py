"""Each reporter's exact output for one result with an error, a warning and an info finding."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from markdown_it import MarkdownIt

from wijkmodulen import __version__
from wijkmodulen.docs_url import DOCS_URL
from wijkmodulen.lint.reporters import github, json_report, junit, sarif, text
from wijkmodulen.lint.rules import RULES

from conftest import TESTS
from reporter_fixture import make_result

STRAY = "kb/modules/notities, oud.txt"
W02 = "kb/modules/wmw-02-signaalopvolging.yaml"
W03 = "kb/modules/wmw-03-eerste-hulp.yaml"
MSG_STRAY = "Bestand hoort niet in modules/: alleen .yaml-bestanden worden gelezen."
MSG_REF = "Onbekend id 'iow-99' (module); bedoel je 'iow-02'?"
MSG_MISSING = "Verplichte sleutel 'nummer' ontbreekt."
MSG_UNKNOWN = "Onbekende sleutel 'numer'; bedoel je 'nummer'?"
SUMMARY = "2 fouten, 1 waarschuwing, 1 melding in 13 bestanden."


def test_text_groups_per_file_with_a_summary(tmp_path: Path) -> None:
    result, base = make_result(tmp_path)
    assert text.format_text(result, base).plain == "\n".join(
        [
            STRAY,
            f"  1:1  warning  WM003 stray-file  {MSG_STRAY}",
            "",
            W02,
            f"  8:24  info     WM103 unknown-reference  {MSG_REF}",
            "",
            W03,
            f"  1:1  error    WM002 schema  {MSG_MISSING}",
            f"  6:1  error    WM002 schema  {MSG_UNKNOWN}",
            "",
            SUMMARY,
        ]
    )


def test_concise_is_one_clickable_line_per_finding(tmp_path: Path) -> None:
    result, base = make_result(tmp_path)
    assert text.format_concise(result, base, summary=False).plain == "\n".join(
        [
            f"{STRAY}:1:1: warning WM003 stray-file: {MSG_STRAY}",
            f"{W02}:8:24: info WM103 unknown-reference: {MSG_REF}",
            f"{W03}:1:1: error WM002 schema: {MSG_MISSING}",
            f"{W03}:6:1: error WM002 schema: {MSG_UNKNOWN}",
        ]
    )


def test_json_document(tmp_path: Path) -> None:
    result, base = make_result(tmp_path)

    def problem(file: str, line: int, column: int, code: str, rule: str, severity: str, message: str) -> dict:
        return {"file": file, "line": line, "column": column, "code": code, "rule": rule, "severity": severity,
                "message": message}

    assert json.loads(json_report.format_json(result, base)) == {
        "version": 1,
        "tool": {"name": "wijkmodulen", "version": __version__},
        "summary": {"files": 13, "errors": 2, "warnings": 1, "infos": 1, "suppressed": 0, "fail_level": "error",
                    "failed": True},
        "problems": [
            problem(STRAY, 1, 1, "WM003", "stray-file", "warning", MSG_STRAY),
            problem(W02, 8, 24, "WM103", "unknown-reference", "info", MSG_REF),
            problem(W03, 1, 1, "WM002", "schema", "error", MSG_MISSING),
            problem(W03, 6, 1, "WM002", "schema", "error", MSG_UNKNOWN),
        ],
    }


def test_github_workflow_commands_escape_properties(tmp_path: Path) -> None:
    result, base = make_result(tmp_path)
    assert github.format_github(result, base) == "\n".join(
        [
            f"::warning file=kb/modules/notities%2C oud.txt,line=1,col=1,title=WM003 stray-file::{MSG_STRAY}",
            f"::notice file={W02},line=8,col=24,title=WM103 unknown-reference::{MSG_REF}",
            f"::error file={W03},line=1,col=1,title=WM002 schema::{MSG_MISSING}",
            f"::error file={W03},line=6,col=1,title=WM002 schema::{MSG_UNKNOWN}",
            SUMMARY,
        ]
    )


def test_github_step_summary_lists_every_finding(tmp_path: Path) -> None:
    result, base = make_result(tmp_path)
    assert github.step_summary(result, base) == "\n".join(
        [
            "### wijkmodulen lint",
            "",
            SUMMARY,
            "",
            "| Plaats | Ernst | Regel | Bevinding |",
            "|---|---|---|---|",
            f"| `{STRAY}:1:1` | warning | WM003 stray-file | {MSG_STRAY} |",
            f"| `{W02}:8:24` | info | WM103 unknown-reference | {MSG_REF} |",
            f"| `{W03}:1:1` | error | WM002 schema | {MSG_MISSING} |",
            f"| `{W03}:6:1` | error | WM002 schema | {MSG_UNKNOWN} |",
            "",
        ]
    )


def github_markdown() -> MarkdownIt:
    """A CommonMark parser with GitHub's tables and strikethrough, as GitHub reads Markdown."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def test_github_step_summary_escapes_markdown_and_line_breaks(tmp_path: Path) -> None:
    result, base = make_result(tmp_path)
    hostile = "Onbekend *id* `x` [klik](https://example.org) <b>vet</b> | kolom\nregel 2\u2028regel 3 ~~weg~~ &amp; ![b](x.png)"
    result.problems[0] = replace(result.problems[0], message=hostile)
    summary = github.step_summary(result, base)
    row = summary.splitlines()[6]
    assert "\n" not in row
    assert row.count(" | ") == 3  # four cells: the | in the message is escaped
    html = github_markdown().render(summary)
    cell = html.split("<td>")[4].split("</td>")[0]
    assert cell == (
        "Onbekend *id* `x` [klik](https://example.org) &lt;b&gt;vet&lt;/b&gt; | kolom regel 2 regel 3 ~~weg~~ "
        "&amp;amp; ![b](x.png)"
    )


def test_junit_one_testcase_per_file_one_failure_per_finding(tmp_path: Path) -> None:
    result, base = make_result(tmp_path)
    output = junit.format_junit(result, base)
    assert output.startswith('<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="wijkmodulen lint" '
                             'tests="13" failures="1" errors="0">\n')
    assert '    <testcase classname="wijkmodulen.lint" name="kb/bronnen.yaml" />\n' in output
    assert (
        f'    <testcase classname="wijkmodulen.lint" name="{W03}">\n'
        f'      <failure type="WM002" message="1:1 {MSG_MISSING}">{W03}:1:1: error WM002 schema: {MSG_MISSING}'
        "</failure>\n"
        f'      <failure type="WM002" message="6:1 {MSG_UNKNOWN}">{W03}:6:1: error WM002 schema: {MSG_UNKNOWN}'
        "</failure>\n    </testcase>\n"
    ) in output
    assert (
        f'    <testcase classname="wijkmodulen.lint" name="{W02}">\n'
        f"      <system-out>{W02}:8:24: info WM103 unknown-reference: {MSG_REF}</system-out>\n"
    ) in output
    assert output.count("<testcase ") == 13


def _junit_schema() -> Any:
    import xmlschema  # imported where used: a third of a second of every test process's collection

    return xmlschema.XMLSchema(TESTS / "schemas" / "junit-10.xsd")


def test_junit_is_valid_against_the_jenkins_junit_schema(tmp_path: Path) -> None:
    result, base = make_result(tmp_path)
    result.problems[0] = replace(result.problems[0], message="stuurteken \x01 en \x1b[31m")
    _junit_schema().validate(junit.format_junit(result, base))


def test_the_junit_check_can_fail() -> None:
    import xmlschema

    with pytest.raises(xmlschema.XMLSchemaValidationError):
        _junit_schema().validate('<testsuites skipped="0"><testsuite name="x" tests="1" failures="0" errors="0">'
                                 '<testcase name="a" file="a.yaml"/></testsuite></testsuites>')


def test_junit_reads_back_with_a_junit_parser(tmp_path: Path) -> None:
    result, base = make_result(tmp_path)
    path = tmp_path / "lint.xml"
    path.write_text(junit.format_junit(result, base), encoding="utf-8")
    import junitparser

    suites = junitparser.JUnitXml.fromfile(str(path))
    suite = next(iter(suites))
    assert (suite.tests, suite.failures, suite.errors) == (13, 1, 0)
    cases = {case.name: case for case in suite}
    failures = [(r.type, r.message) for r in cases[W03].result]
    assert failures == [("WM002", f"1:1 {MSG_MISSING}"), ("WM002", f"6:1 {MSG_UNKNOWN}")]
    assert cases[W02].is_passed
    assert cases[W02].system_out == f"{W02}:8:24: info WM103 unknown-reference: {MSG_REF}"


def test_sarif_validates_against_the_sarif_2_1_0_schema(tmp_path: Path) -> None:
    result, base = make_result(tmp_path)
    document = json.loads(sarif.format_sarif(result, base))
    schema = json.loads((TESTS / "schemas" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(document)
    run = document["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == ["WM003", "WM103", "WM002", "WM002"]
    assert [r["level"] for r in run["results"]] == ["warning", "note", "error", "error"]
    location = run["results"][0]["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "kb/modules/notities%2C%20oud.txt", "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": 1, "startColumn": 1}}
    rules = run["tool"]["driver"]["rules"]
    assert all(rule["help"]["text"] and "Passes:" in rule["help"]["text"] for rule in rules)
    assert rules[run["results"][1]["ruleIndex"]]["id"] == "WM103"
    assert run["tool"]["driver"]["informationUri"] == DOCS_URL
    assert all(len(r["partialFingerprints"]["wijkmodulenFinding/v1"]) == 64 for r in run["results"])


def test_sarif_describes_every_rule_for_code_scanning(tmp_path: Path) -> None:
    result, base = make_result(tmp_path)
    rules = json.loads(sarif.format_sarif(result, base))["runs"][0]["tool"]["driver"]["rules"]
    by_id = {rule["id"]: rule for rule in rules}
    assert set(by_id) == set(RULES)
    for code, rule in by_id.items():
        assert rule["helpUri"] == f"{DOCS_URL}reference/regels/#{code.lower()}"
        short = rule["shortDescription"]["text"]
        assert short.endswith((".", "!", "?")), short
        assert rule["fullDescription"]["text"].startswith(short)
        html = github_markdown().render(rule["help"]["markdown"])
        assert html.count("<pre><code") == 2, code  # the Passes and Fails examples as code blocks
        assert f'<a href="{rule["helpUri"]}">' in html
    assert by_id["WM203"]["shortDescription"]["text"] == (
        "Een module past “in principe [op] niet langer dan één A4”: de tekst van de secties telt hoogstens "
        "`max_woorden` (400) woorden."
    )


def test_sarif_fingerprints_stay_when_lines_above_move(tmp_path: Path) -> None:
    result, base = make_result(tmp_path)
    before = json.loads(sarif.format_sarif(result, base))["runs"][0]["results"]
    moved = replace(result, problems=[replace(p, line=p.line + 7) for p in result.problems])
    after = json.loads(sarif.format_sarif(moved, base))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    assert len({r["partialFingerprints"]["wijkmodulenFinding/v1"] for r in before}) == len(before)
    changed = replace(result, problems=[replace(result.problems[0], message="Iets anders."), *result.problems[1:]])
    other = json.loads(sarif.format_sarif(changed, base))["runs"][0]["results"]
    assert other[0]["partialFingerprints"] != before[0]["partialFingerprints"]
    assert other[1:] == before[1:]


@pytest.mark.slow
def test_the_sarif_check_can_fail(tmp_path: Path) -> None:
    schema = json.loads((TESTS / "schemas" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate({"version": "2.1.0", "runs": [{"results": []}]})


def _lint(env: dict[str, str], kb: str, *args: str) -> subprocess.CompletedProcess[str]:
    # Run beside the KB, not in the repository: the project's own lint settings (pyproject.toml) are
    # for the shipped KB and would add their findings to the test KB's.
    return subprocess.run(
        [sys.executable, "-m", "wijkmodulen", "lint", kb, *args], cwd=Path(kb).parent,
        capture_output=True, text=True, encoding="utf-8", env={**os.environ, **env}, check=False,
    )


@pytest.fixture
def broken_kb(minimal_kb: Path) -> Path:
    path = minimal_kb / "modules" / "wmw-03-eerste-hulp.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("nummer: 3", "numer: 3"), encoding="utf-8")
    return minimal_kb


@pytest.mark.slow
def test_colour_only_on_a_terminal_and_never_with_no_color(broken_kb: Path) -> None:
    plain = {"NO_COLOR": "", "FORCE_COLOR": "", "GITHUB_ACTIONS": ""}
    piped = _lint(plain, str(broken_kb))
    assert "\x1b[" not in piped.stdout
    coloured = _lint({**plain, "FORCE_COLOR": "1"}, str(broken_kb))
    assert "\x1b[1;31merror" in coloured.stdout
    no_color = _lint({**plain, "FORCE_COLOR": "1", "NO_COLOR": "1"}, str(broken_kb))
    assert "31m" not in no_color.stdout
    assert "error" in no_color.stdout


@pytest.mark.slow
def test_github_format_is_chosen_in_actions_and_writes_the_step_summary(broken_kb: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("eerder\n", encoding="utf-8")
    run = _lint({"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}, str(broken_kb))
    assert run.returncode == 1
    assert run.stdout.startswith("::error file=")
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("eerder\n### wijkmodulen lint\n")  # appended, never overwritten
    assert written.count("| error | WM002 schema |") == 2
    explicit = _lint({"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}, str(broken_kb), "-f", "json")
    assert json.loads(explicit.stdout)["summary"]["errors"] == 2
