"""[tool.wijkmodulen.lint]: enable/disable, severity, options, per-path overrides, and its errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app
from wijkmodulen.config import ConfigError, LintConfig, LintOverride
from wijkmodulen.lint.engine import lint_knowledge_base
from wijkmodulen.lint.settings import resolve_settings
from wijkmodulen.load.kb import load_knowledge_base

runner = CliRunner()


def _found(kb: Path, config: LintConfig) -> list[str]:
    result = lint_knowledge_base(load_knowledge_base(kb), settings=resolve_settings(config, None))
    return [f"{p.code} {p.severity.label} {p.file.relative_to(kb).as_posix()}" for p in result.problems]


@pytest.fixture
def kb_with_findings(minimal_kb: Path) -> Path:
    (minimal_kb / "modules" / "notities.txt").write_text("x", encoding="utf-8")
    (minimal_kb / "competenties" / "oud.txt").write_text("x", encoding="utf-8")
    return minimal_kb


def test_defaults_report_both_stray_files(kb_with_findings: Path) -> None:
    assert _found(kb_with_findings, LintConfig()) == [
        "WM003 warning competenties/oud.txt",
        "WM003 warning modules/notities.txt",
    ]


def test_disable_by_code_or_name(kb_with_findings: Path) -> None:
    assert _found(kb_with_findings, LintConfig(disable=["stray-file"])) == []
    assert _found(kb_with_findings, LintConfig(disable=["WM003"])) == []


def test_severity_per_rule(kb_with_findings: Path) -> None:
    config = LintConfig(rules={"stray-file": {"severity": "error"}})
    assert _found(kb_with_findings, config)[0] == "WM003 error competenties/oud.txt"


def test_overrides_per_path(kb_with_findings: Path) -> None:
    config = LintConfig(
        overrides=[
            LintOverride(paths=["modules/*"], disable=["WM003"]),
            LintOverride(paths=["competenties/*.txt"], severity={"WM003": "info"}),
        ]
    )
    assert _found(kb_with_findings, config) == ["WM003 info competenties/oud.txt"]


def test_override_can_switch_a_disabled_rule_on_for_some_paths(kb_with_findings: Path) -> None:
    config = LintConfig(disable=["WM003"], overrides=[LintOverride(paths=["modules/*"], enable=["WM003"])])
    assert _found(kb_with_findings, config) == ["WM003 warning modules/notities.txt"]


def test_rule_options_are_used(minimal_kb: Path) -> None:
    # The minimal KB's wmw-01 links two competences; a budget of one flags it.
    assert not _found(minimal_kb, LintConfig())
    found = _found(minimal_kb, LintConfig(rules={"WM108": {"max_competenties": 1}}))
    assert found == ["WM108 error modules/wmw-01-aanmelding.yaml"]


@pytest.mark.parametrize(
    ("config", "named"),
    [
        (LintConfig(disable=["WM999"]), "onbekende regel 'WM999' in lint.disable"),
        (LintConfig(enable=["stray-files"]), "onbekende regel 'stray-files' in lint.enable; bedoel je 'stray-file'?"),
        (LintConfig(rules={"WM108": {"max_competentie": 3}}), "onbekende sleutel 'lint.rules.WM108.max_competentie'"),
        (LintConfig(rules={"WM108": {"max_competenties": "veel"}}), "lint.rules.WM108.max_competenties"),
        (LintConfig(rules={"WM003": {"severity": "hoog"}}), "ongeldige ernst 'hoog' bij 'lint.rules.WM003.severity'"),
        (LintConfig(overrides=[LintOverride(paths=["x"], disable=["WM998"])]), "lint.overrides[0].disable"),
    ],
)
def test_config_errors_name_what_is_wrong(config: LintConfig, named: str) -> None:
    with pytest.raises(ConfigError) as caught:
        resolve_settings(config, Path("pyproject.toml"))
    assert named in caught.value.detail


def test_all_config_errors_are_reported_at_once() -> None:
    with pytest.raises(ConfigError) as caught:
        resolve_settings(LintConfig(disable=["WM998"], enable=["WM999"]), None)
    assert "WM998" in caught.value.detail
    assert "WM999" in caught.value.detail


def _project(tmp_path: Path, minimal_kb: Path, table: str, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(f'[tool.wijkmodulen]\nkb = "kb"\n{table}', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert minimal_kb == tmp_path / "kb"


def test_cli_reads_the_lint_table(tmp_path: Path, kb_with_findings: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _project(tmp_path, kb_with_findings, '[tool.wijkmodulen.lint]\nfail_level = "warning"\n', monkeypatch)
    assert runner.invoke(app, ["lint"]).exit_code == 1
    (tmp_path / "pyproject.toml").write_text(
        '[tool.wijkmodulen]\nkb = "kb"\n[tool.wijkmodulen.lint]\nfail_level = "warning"\n'
        '[[tool.wijkmodulen.lint.overrides]]\npaths = ["*/*.txt"]\nseverity = {stray-file = "info"}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["lint", "-f", "concise"])
    assert result.exit_code == 0, result.output
    assert "modules/notities.txt:1:1: info WM003" in result.stdout
    # the command line wins over the config
    assert runner.invoke(app, ["lint", "--fail-level", "info"]).exit_code == 1


def test_cli_config_errors_exit_2(tmp_path: Path, minimal_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _project(tmp_path, minimal_kb, '[tool.wijkmodulen.lint]\ndisable = ["WM999"]\nfoo = 1\n', monkeypatch)
    result = runner.invoke(app, ["lint"])
    assert result.exit_code == 2
    assert "foo" in result.stderr
    assert "Traceback" not in result.output
    _project(tmp_path, minimal_kb, '[tool.wijkmodulen.lint]\ndisable = ["WM999"]\n', monkeypatch)
    result = runner.invoke(app, ["lint"])
    assert result.exit_code == 2
    assert "onbekende regel 'WM999' in lint.disable" in result.stderr


