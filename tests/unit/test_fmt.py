"""`wijkmodulen fmt`: canonical, faithful (same data, comments kept), idempotent, atomic."""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app
from wijkmodulen.fmt.formatter import FormatError, format_file, format_text
from wijkmodulen.fmt.report import format_fmt
from wijkmodulen.fmt.run import model_of, run_fmt
from wijkmodulen.io.writer import write_file
from wijkmodulen.load.kb import kb_files
from wijkmodulen.load.yaml_source import load_text
from wijkmodulen.model import Module

from conftest import SHIPPED, TESTS, findings
from platforms import needs_file_modes

runner = CliRunner()
FIXTURES = TESTS / "fixtures" / "fmt"
COMMENTED = sorted([*FIXTURES.glob("modules/*.yaml"), *FIXTURES.glob("competenties/*.yaml")])
SHIPPED_FILES = kb_files(SHIPPED)[0]
COMMENT = re.compile(r"#.*$", re.MULTILINE)


def _comments(text: str) -> list[str]:
    # Comments are the only '#' in these files (no '#' occurs inside their texts).
    return [match.group(0).strip() for match in COMMENT.finditer(text)]


# The commented fixtures and one shipped file per folder in the edit-test loop; every shipped file
# in `make test` (marked slow).
_ONE_PER_FOLDER = {path.parent: path for path in reversed(SHIPPED_FILES)}.values()
SWEEP = [
    pytest.param(path, id=path.name, marks=() if path in COMMENTED or path in _ONE_PER_FOLDER else pytest.mark.slow)
    for path in SHIPPED_FILES + COMMENTED
]


@pytest.mark.parametrize("path", SWEEP)
def test_same_data_comments_kept_and_idempotent(path: Path) -> None:
    formatted = format_file(path, model_of(path))
    assert load_text(formatted.text) == load_text(formatted.original)
    # Reordering keys moves their comments along, so compare them as a multiset.
    assert sorted(_comments(formatted.text)) == sorted(_comments(formatted.original))
    again, fixed = format_text(formatted.text, model_of(path))
    assert again == formatted.text
    assert fixed == []


@pytest.mark.parametrize("path", COMMENTED, ids=lambda p: p.name)
def test_commented_fixture_exact_output(path: Path) -> None:
    expected = (FIXTURES / "expected" / path.name).read_text(encoding="utf-8")
    assert format_file(path, model_of(path)).text == expected


@pytest.mark.slow
def test_shipped_data_is_canonical() -> None:
    result = runner.invoke(app, ["fmt", "--check", str(SHIPPED)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{len(SHIPPED_FILES)} bestanden zijn al canoniek opgemaakt.\n"


def test_key_order_follows_the_model() -> None:
    text = (FIXTURES / "expected" / "wmw-20-met-commentaar.yaml").read_text(encoding="utf-8")
    keys = [line.split(":")[0] for line in text.splitlines() if re.match(r"^[a-z_]+:", line)]
    assert keys == [field for field in Module.model_fields if field in keys]


def test_check_lists_files_and_writes_nothing(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES, tmp_path / "kb")
    target = tmp_path / "kb" / "modules" / "wmw-20-met-commentaar.yaml"
    before = target.read_bytes()
    result = runner.invoke(app, ["fmt", "--check", str(tmp_path / "kb" / "modules"), str(tmp_path / "kb" / "competenties")])
    assert result.exit_code == 1
    assert f"{target.as_posix()}: zou veranderen" in result.stdout
    assert "2 van 2 bestanden zouden veranderen" in result.stdout
    assert target.read_bytes() == before


@needs_file_modes
def test_write_keeps_permissions_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    folder = tmp_path / "kb" / "modules"
    folder.mkdir(parents=True)
    target = folder / "wmw-20-met-commentaar.yaml"
    shutil.copy(FIXTURES / "modules" / target.name, target)
    target.chmod(0o640)
    result = runner.invoke(app, ["fmt", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{target.as_posix()}: opgemaakt\n1 van 1 bestanden opgemaakt.\n"
    assert target.read_text(encoding="utf-8") == (FIXTURES / "expected" / target.name).read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in folder.iterdir()) == [target.name]
    assert runner.invoke(app, ["fmt", "--check", str(target)]).exit_code == 0


@needs_file_modes
def test_write_file_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_file(tmp_path / "nieuw.yaml", "id: x\n")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "nieuw.yaml").stat().st_mode) == 0o644
    assert (tmp_path / "nieuw.yaml").read_text(encoding="utf-8") == "id: x\n"


def test_fix_applies_the_autofixes(minimal_kb: Path) -> None:
    path = minimal_kb / "modules" / "wmw-03-eerste-hulp.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("financiële", "financiéle").replace("setting: Thuis.", "setting: Thuis™  bij 'de' cliént."),
                    encoding="utf-8")
    assert {f.split()[0] for f in findings(minimal_kb)} == {"WM206", "WM207"}
    check = runner.invoke(app, ["fmt", "--check", "--fix", str(path)])
    assert check.exit_code == 1
    assert check.stdout.startswith(f"{path.as_posix()}: zou veranderen (correcties: WM206, WM207)\n")
    result = runner.invoke(app, ["fmt", "--fix", str(path)])
    assert result.exit_code == 0, result.output
    assert "setting: Thuis bij ‘de’ cliënt." in path.read_text(encoding="utf-8")
    assert findings(minimal_kb) == []


def test_without_fix_the_text_stays(minimal_kb: Path) -> None:
    path = minimal_kb / "modules" / "wmw-03-eerste-hulp.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("financiële", "financiéle"), encoding="utf-8")
    assert runner.invoke(app, ["fmt", str(path)]).exit_code == 0
    assert "financiéle" in path.read_text(encoding="utf-8")


def test_broken_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "kapot.yaml"
    path.write_text("id: [wmw-01\n", encoding="utf-8")
    result = runner.invoke(app, ["fmt", str(path)])
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{path.as_posix()}: niet opgemaakt: geen geldige YAML (regel 2): ")
    assert "Traceback" not in result.output
    assert path.read_text(encoding="utf-8") == "id: [wmw-01\n"


def test_alias_is_refused_not_expanded() -> None:
    with pytest.raises(FormatError):
        format_text("a: &x tekst\nb: *x\n", None)


def test_bom_and_crlf_become_plain_utf8_lf(tmp_path: Path) -> None:
    path = tmp_path / "los.yaml"
    path.write_bytes(b"\xef\xbb\xbfid: x\r\ntitel: y\r\n")
    result = run_fmt([path], write=True)
    assert result.exit_code == 0
    assert path.read_bytes() == b"id: x\ntitel: y\n"


def test_missing_path_and_no_yaml_are_usage_errors(tmp_path: Path) -> None:
    assert runner.invoke(app, ["fmt", str(tmp_path / "weg")]).exit_code == 2
    result = runner.invoke(app, ["fmt", str(tmp_path)])
    assert result.exit_code == 2
    assert "Geen YAML-bestanden gevonden" in result.output


def test_report_format_exact(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("b: 1\na:   2\n", encoding="utf-8")
    b.write_text("a: 1\n", encoding="utf-8")
    result = run_fmt([a, b], write=False)
    assert format_fmt(result, relative_to=tmp_path) == (
        "a.yaml: zou veranderen\n1 van 2 bestanden zouden veranderen; `wijkmodulen fmt` maakt ze op."
    )
