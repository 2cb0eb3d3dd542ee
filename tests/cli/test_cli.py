"""The command line, through typer's CliRunner and as a real subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app

from conftest import MINIMAL, ROOT

runner = CliRunner()


def test_lint_shipped_data_is_clean() -> None:
    # What the publication itself prints is suppressed 'zo in de bron' (tests/data/test_style.py).
    result = runner.invoke(app, ["lint", str(ROOT / "data")])
    assert result.exit_code == 0, result.output
    assert "Geen bevindingen" in result.stdout


def test_lint_reports_file_line_col_and_exits_1(minimal_kb: Path) -> None:
    path = minimal_kb / "modules" / "wmw-03-eerste-hulp.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("nummer: 3", "numer: 3"), encoding="utf-8")
    result = runner.invoke(app, ["lint", str(minimal_kb), "--format", "concise"])
    assert result.exit_code == 1
    assert "wmw-03-eerste-hulp.yaml:6:1: error WM002 schema: Onbekende sleutel 'numer'; bedoel je 'nummer'?" in (
        result.stdout
    )
    assert "Traceback" not in result.output


def test_single_file_reports_only_that_file(minimal_kb: Path) -> None:
    broken = minimal_kb / "modules" / "wmw-03-eerste-hulp.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("nummer: 3", "numer: 3"), encoding="utf-8")
    other = minimal_kb / "modules" / "wmw-01-aanmelding.yaml"
    clean = runner.invoke(app, ["lint", str(other)])
    assert clean.exit_code == 0, clean.output
    dirty = runner.invoke(app, ["lint", str(broken), "--format", "concise"])
    assert dirty.exit_code == 1
    assert "wmw-03-eerste-hulp.yaml:6:1" in dirty.stdout


def test_references_resolve_against_whole_kb_in_file_mode(minimal_kb: Path) -> None:
    # wmw-03 names wmw-01 and wmw-02: linting wmw-03 alone must still find them.
    result = runner.invoke(app, ["lint", str(minimal_kb / "modules" / "wmw-03-eerste-hulp.yaml")])
    assert result.exit_code == 0, result.output


def test_fail_level_warning_counts_warnings(minimal_kb: Path) -> None:
    (minimal_kb / "modules" / "notities.txt").write_text("x", encoding="utf-8")
    assert runner.invoke(app, ["lint", str(minimal_kb)]).exit_code == 0
    assert runner.invoke(app, ["lint", str(minimal_kb), "--fail-level", "warning"]).exit_code == 1


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["lint", str(MINIMAL), "--fail-level", "ernstig"]).exit_code == 2
    assert runner.invoke(app, ["lint", str(tmp_path / "bestaat-niet")]).exit_code == 2


def test_config_names_the_kb_and_unknown_key_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(MINIMAL, tmp_path / "kennis")
    (tmp_path / "wijkmodulen.toml").write_text('kb = "kennis"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")  # searched upward
    result = runner.invoke(app, ["lint"])
    assert result.exit_code == 0, result.output
    assert "kennis (uit wijkmodulen.toml)" in result.stderr
    (tmp_path / "wijkmodulen.toml").write_text('kbb = "kennis"\n', encoding="utf-8")
    result = runner.invoke(app, ["lint"])
    assert result.exit_code == 2
    assert "kbb" in result.stderr


def test_without_config_or_data_the_packaged_kb_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["lint"])
    assert result.exit_code == 0, result.output
    assert "meegeleverd met wijkmodulen" in result.stderr


def test_summary_counts_per_kind_and_profession() -> None:
    result = runner.invoke(app, ["summary", str(ROOT / "data")])
    assert result.exit_code == 0
    assert "Modulen: 39" in result.stdout
    assert "Wijkmaatschappelijk werk: 19 (waarvan 8 schakelmodulen)" in result.stdout
    assert "Individueel opbouwwerk: 20 (waarvan 9 schakelmodulen)" in result.stdout
    assert "SCW-competenties: 20" in result.stdout


@pytest.mark.slow
def test_python_dash_m_runs_as_a_real_process() -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "wijkmodulen", "lint", str(ROOT / "data")],
        capture_output=True, text=True, encoding="utf-8", env=env, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Kennisbank:" in result.stderr


@pytest.mark.slow
def test_schema_export_validates_shipped_files_with_check_jsonschema(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.glob("*.schema.json"))
    assert names == [
        "bronnen.schema.json", "competentie.schema.json", "inleiding.schema.json",
        "kennisbouwsteen.schema.json", "module.schema.json", "teamprofiel.schema.json",
    ]
    schema = json.loads((tmp_path / "module.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "Bij de doelgroep wordt benoemd" in schema["properties"]["doelgroep"]["description"]
    data = ROOT / "data"
    pairs = {
        "module": sorted((data / "modules").glob("*.yaml")),
        "competentie": sorted((data / "competenties").glob("*.yaml")),
        "kennisbouwsteen": sorted((data / "kennisbouwstenen").glob("*.yaml")),
        "inleiding": sorted((data / "inleiding").glob("*.yaml")),
        "bronnen": [data / "bronnen.yaml"],
        "teamprofiel": sorted((ROOT / "examples").glob("team-*.yaml")),
    }
    checker = Path(sys.executable).with_name("check-jsonschema")
    for name, files in pairs.items():
        run = subprocess.run(
            [str(checker), "--schemafile", str(tmp_path / f"{name}.schema.json"), *map(str, files)],
            capture_output=True, text=True, encoding="utf-8", check=False,
        )
        assert run.returncode == 0, run.stdout + run.stderr
    broken = tmp_path / "wmw-99-kapot.yaml"
    text = (data / "modules" / "wmw-01-aanmelding.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("nummer: 1", "numer: 1"), encoding="utf-8")
    run = subprocess.run(
        [str(checker), "--schemafile", str(tmp_path / "module.schema.json"), str(broken)],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert run.returncode == 1
