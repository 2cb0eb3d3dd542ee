"""What every command does the same way since they share one application layer (app/workspace.py):
the configured limits, one reading of a profession's name, one lint cache, and one rule for the
suppressions of a file that does not load."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app
from wijkmodulen.serve.preview import PreviewConfig, build_preview

from conftest import MINIMAL

runner = CliRunner()

KLEIN = """team: Team Klein
aanbod:
  beroepen: [wmw]
  modules: [iow-02]
leden:
  - naam: A
    competenties: {4A: 3}
"""


@pytest.fixture
def large_module_kb(minimal_kb: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The minimal KB whose wmw-03 is over the default size limit (5 MB), with a project config that
    raises the limit to 8 MB: every command must read wmw-03."""
    path = minimal_kb / "modules" / "wmw-03-eerste-hulp.yaml"
    # A long comment: the file stays valid and lint-clean, only its size changes.
    padding = "".join(f"# {'opvulling ' * 9}\n" for _ in range(60_000))
    path.write_text(path.read_text(encoding="utf-8") + padding, encoding="utf-8")
    assert path.stat().st_size > 5.2 * 1024 * 1024
    (minimal_kb.parent / "wijkmodulen.toml").write_text('kb = "kb"\nmax_file_size_mb = 8\n', encoding="utf-8")
    monkeypatch.chdir(minimal_kb.parent)
    return minimal_kb


@pytest.mark.slow  # a 5 MB file, read by each command
def test_lint_reads_a_file_within_the_configured_limit(large_module_kb: Path) -> None:
    result = runner.invoke(app, ["lint", "--no-cache"])
    assert result.exit_code == 0, result.output


@pytest.mark.slow  # a 5 MB file, read by each command
def test_xref_honours_the_configured_limit(large_module_kb: Path) -> None:
    result = runner.invoke(app, ["xref", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "niet (volledig) geladen" not in result.stderr
    assert "wmw-03" in {row["id"] for row in json.loads(result.stdout)["rijen"]}


@pytest.mark.slow  # a 5 MB file, read by each command
def test_render_honours_the_configured_limit(large_module_kb: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["render", "--format", "markdown", "--out", str(tmp_path / "handboek")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "handboek" / "docs" / "modulen" / "wmw-03.md").is_file()


@pytest.mark.slow  # a 5 MB file, read by each command
def test_team_honours_the_configured_limit(large_module_kb: Path, tmp_path: Path) -> None:
    profile = tmp_path / "team.yaml"
    profile.write_text(KLEIN, encoding="utf-8")
    result = runner.invoke(app, ["team", str(profile), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "wmw-03" in {m["id"] for m in json.loads(result.stdout)["aanbod"]}


@pytest.mark.slow  # a 5 MB file, read by each command
def test_new_honours_the_configured_limit(large_module_kb: Path) -> None:
    # wmw-03 is the highest wmw number: read, it makes the new module wmw-04.
    result = runner.invoke(app, ["new", "Nazorg", "--beroep", "wijkmaatschappelijk-werk",
                                 "--cluster", "Concrete dienstverlening"])
    assert result.exit_code == 0, result.output
    assert (large_module_kb / "modules" / "wmw-04-nazorg.yaml").is_file()


def test_xref_takes_a_profession_in_any_case_like_render(xref_kb: Path) -> None:
    full = runner.invoke(app, ["xref", str(xref_kb), "--beroep", "wijkmaatschappelijk-werk", "--format", "json"])
    assert full.exit_code == 0, full.output
    for spelling in ("WMW", "wmw", "Wijkmaatschappelijk-Werk"):
        result = runner.invoke(app, ["xref", str(xref_kb), "--beroep", spelling, "--format", "json"])
        assert result.exit_code == 0, result.output
        assert result.stdout == full.stdout
    gaps = runner.invoke(app, ["xref", str(xref_kb), "--gaps", "--beroep", "IOW", "--format", "json"])
    assert gaps.exit_code == 0, gaps.output


def test_xref_names_the_choices_for_an_unknown_profession(xref_kb: Path) -> None:
    result = runner.invoke(app, ["xref", str(xref_kb), "--beroep", "jeugdwerk"])
    assert result.exit_code == 2
    assert "Onbekende waarde 'jeugdwerk' voor --beroep" in result.stderr
    assert "wijkmaatschappelijk-werk, wmw, individueel-opbouwwerk, iow" in result.stderr


def test_new_takes_a_profession_by_prefix_like_render(minimal_kb: Path) -> None:
    result = runner.invoke(app, ["new", "Nazorg", "--beroep", "wmw", "--cluster", "concrete dienstverlening",
                                 "--kb", str(minimal_kb)])
    assert result.exit_code == 0, result.output
    written = (minimal_kb / "modules" / "wmw-04-nazorg.yaml").read_text(encoding="utf-8")
    assert "beroep: wijkmaatschappelijk-werk\n" in written
    assert "id: wmw-04\n" in written


def test_no_unused_suppression_below_a_syntax_error(minimal_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(minimal_kb.parent)  # no project configuration but the KB's own
    path = minimal_kb / "modules" / "wmw-03-eerste-hulp.yaml"
    text = path.read_text(encoding="utf-8").replace("setting: Thuis.", "setting: [Thuis.").replace(
        "randvoorwaarden: Er zijn geen specifieke randvoorwaarden.",
        "randvoorwaarden: Er zijn geen specifieke randvoorwaarden.  # wijkmodulen: disable=WM201 -- zo in de bron",
    )
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["lint", str(minimal_kb), "--format", "json", "--no-cache"])
    assert result.exit_code == 1
    codes = [problem["code"] for problem in json.loads(result.stdout)["problems"]]
    assert codes == ["WM001"]


def test_serve_uses_the_lint_cache(minimal_kb: Path) -> None:
    cache_dir = Path(os.environ["WIJKMODULEN_CACHE_DIR"])
    assert not any(cache_dir.iterdir())
    build_preview(PreviewConfig(minimal_kb), "v-1")
    assert any(cache_dir.iterdir())


def test_the_minimal_fixture_is_untouched() -> None:
    assert not (MINIMAL / "modules" / "wmw-04-nazorg.yaml").exists()
