"""KB text that reaches a terminal, XML, YAML or Markdown: made safe for each sink (``sinks``), and
bidi or control characters in keys, ids and titles are a finding."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from wijkmodulen.cli import app
from wijkmodulen.sinks import for_markdown, for_markdown_cell, for_terminal, for_xml, for_yaml

from hostile import kb_with_canary, lint_kb

HOSTILE_TEXT = "a\x1b[2Kb\r\x07c\u202ed\u2066e\x85f\u2028g\x9bh\x7fi\ufeffj"
UNSAFE = ["\x1b", "\r", "\x07", "\u202e", "\u2066", "\x85", "\u2028", "\x9b", "\x7f", "\ufeff"]


def test_terminal_text_shows_controls_as_visible_escapes() -> None:
    shown = for_terminal(HOSTILE_TEXT)
    assert not any(c in shown for c in UNSAFE)
    assert shown == "a\\x1b[2Kb\\x0d\\x07c\\u202ed\\u2066e\\u0085f\\u2028g\\u009bh\\u007fi\\ufeffj"
    assert for_terminal("één\tregel\nen nog één", lines=True) == "één\tregel\nen nog één"
    assert for_terminal(shown) == shown


def test_terminal_escapes_keep_json_valid_and_equal() -> None:
    document = json.dumps({"titel": HOSTILE_TEXT}, ensure_ascii=False)
    assert json.loads(for_terminal(document, lines=True)) == {"titel": HOSTILE_TEXT}


def test_xml_text_has_no_illegal_characters() -> None:
    element = ET.Element("failure", {"message": for_xml(HOSTILE_TEXT + "\x00\ud800")})
    element.text = for_xml(HOSTILE_TEXT)
    parsed = ET.fromstring(ET.tostring(element, encoding="unicode"))
    assert parsed.text is not None
    assert "\\x1b" in parsed.text
    assert "\\u202e" in parsed.text


@pytest.mark.parametrize("text", [HOSTILE_TEXT, "Titel\u2028met scheiding", "a: b # c", "'\"\\", "ja", "~", "0x1F"])
def test_yaml_scalars_read_back_exactly_by_pyyaml_and_ruamel(text: str) -> None:
    from ruamel.yaml import YAML

    document = f"site_name: {for_yaml(text)}\n"
    assert yaml.safe_load(document) == {"site_name": text}
    assert YAML(typ="safe", pure=True).load(document) == {"site_name": text}


def test_markdown_cell_stays_one_cell_and_mentions_nobody() -> None:
    cell = for_markdown_cell("een\r\ntwee\rdrie\u2028vier | vijf @octocat en @org/team")
    assert "\n" not in cell
    assert "\r" not in cell
    assert "\u2028" not in cell
    assert "\\|" in cell
    assert "@octocat" not in cell
    assert "@org/team" not in cell
    assert "@\u200doctocat" in cell
    assert for_markdown("mail naar a@b.nl, of @octocat") == "mail naar a@b.nl, of @\u200doctocat"


def _hostile_kb(tmp_path: Path) -> Path:
    kb = kb_with_canary(tmp_path)
    module = kb / "modules/wmw-02-signaalopvolging.yaml"
    text = module.read_text(encoding="utf-8")
    text = text.replace("setting: Bij de bewoner thuis.", '"set\\e[2K\\e[1Ating": Bij de bewoner thuis.')
    text = text.replace("titel: Signaalopvolging", 'titel: "Signaal\\u202eopvolging\\u2028@octocat"')
    module.write_text(text, encoding="utf-8")
    (kb / "modules/wmw-09-\x1b[2K\x1b[1A.yaml").write_text("id: [\n", encoding="utf-8")
    return kb


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_lint_on_a_terminal_prints_no_control_character(tmp_path: Path, fmt: str) -> None:
    _hostile_kb(tmp_path)
    run = lint_kb(tmp_path, "--format", fmt) if fmt != "concise" else lint_kb(tmp_path)
    output = run.stdout + run.stderr
    assert not any(c in output for c in ["\x1b", "\u202e", "\u2028", "\r"]), output
    assert "wmw-09-\\x1b[2K\\x1b[1A.yaml" in output
    assert "\\u202e" in output
    assert "WM006" in output


def test_junit_and_github_summary_stay_readable(tmp_path: Path) -> None:
    _hostile_kb(tmp_path)
    run = lint_kb(tmp_path, "--format", "junit")
    ET.fromstring(run.stdout.encode("utf-8"))  # parses: no illegal characters
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "NO_COLOR": "1"}
    github = subprocess.run([sys.executable, "-m", "wijkmodulen", "lint", "kb", "--format", "github"],
                            cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", env=env, check=False)
    assert "\x1b" not in github.stdout
    rows = [line for line in summary.read_text(encoding="utf-8").split("\n") if line.startswith("| `")]
    assert rows, summary.read_text(encoding="utf-8")
    assert all(line.endswith(" |") for line in rows), rows
    assert all(line.count(" | ") - line.count("\\| ") == 3 for line in rows), rows
    assert "\r" not in summary.read_text(encoding="utf-8")
    assert "@octocat" not in summary.read_text(encoding="utf-8")


def test_mkdocs_yml_parses_with_a_line_separator_in_a_title(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb_with_canary(tmp_path)
    for name in ("modules/wmw-03-eerste-hulp.yaml",):  # undo the canary's schema mistake: render needs it valid
        path = kb / name
        path.write_text(path.read_text(encoding="utf-8").replace("numer: 3", "nummer: 3"), encoding="utf-8")
    module = kb / "modules/wmw-02-signaalopvolging.yaml"
    module.write_text(module.read_text(encoding="utf-8").replace(
        "titel: Signaalopvolging", 'titel: "Signaal\\u2028opvolging\\x85en \\u202e"'), encoding="utf-8")
    out = tmp_path / "md"
    result = CliRunner().invoke(app, ["render", str(kb), "--format", "markdown", "--out", str(out)])
    assert result.exit_code == 0, result.output
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "Signaal\u2028opvolging\x85en \u202e" in set(_nav_titles(config["nav"]))


def _nav_titles(nav: object) -> list[str]:
    if isinstance(nav, list):
        return [title for item in nav for title in _nav_titles(item)]
    if isinstance(nav, dict):
        return [title for key, value in nav.items() for title in [key, *_nav_titles(value)]]
    return []


def test_diff_markdown_comment_mentions_nobody(tmp_path: Path) -> None:
    from wijkmodulen.diff.format_markdown import escape

    assert "@octocat" not in escape("zie @octocat\u202e")
    assert "\u202e" not in escape("zie @octocat\u202e")
