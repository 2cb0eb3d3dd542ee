"""Rule plugins through the entry-point group ``wijkmodulen.rules``, as an installed package declares them:
each test puts a real distribution (``*.dist-info`` with ``entry_points.txt``) and its module on the
path of a ``wijkmodulen`` process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL

pytestmark = pytest.mark.slow  # every test starts wijkmodulen processes

GOOD_RULE = '''
from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule


class LongTitle(Rule):
    """Een titel telt hoogstens acht tekens (een voorbeeld van een plugin-regel).

    Passes:
        titel: Kort
    Fails:
        titel: Veel te lang
    """

    code = "WM901"
    name = "long-title"
    severity = Severity.WARNING
    scope = "file"

    def check(self, kb, options):
        for entry in kb.modules.values():
            if len(entry.model.titel) > 8:
                yield Finding(entry.source, "Titel te lang.", ("titel",))
'''


def install(site: Path, name: str, version: str, module: str, source: str, entry_points: dict[str, str]) -> None:
    """A distribution as pip leaves it: the module, and its metadata with the entry points."""
    (site / f"{module}.py").write_text(source, encoding="utf-8")
    info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8")
    lines = "".join(f"{code} = {value}\n" for code, value in entry_points.items())
    (info / "entry_points.txt").write_text(f"[wijkmodulen.rules]\n{lines}", encoding="utf-8")


def wijkmodulen(site: Path | None, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "GITHUB_ACTIONS": ""}
    if site is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")])
    return subprocess.run([sys.executable, "-m", "wijkmodulen", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=cwd, check=False)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    return folder


def _codes(result: subprocess.CompletedProcess[str]) -> list[tuple[str, str]]:
    return [(p["code"], Path(p["file"]).name) for p in json.loads(result.stdout)["problems"]]


def test_a_plugin_rule_runs_shows_and_is_configured_and_suppressed_like_a_built_in(
    site: Path, minimal_kb: Path, tmp_path: Path
) -> None:
    install(site, "voorbeeld-regels", "1.0", "voorbeeld_regels", GOOD_RULE, {"WM901": "voorbeeld_regels:LongTitle"})
    rules = wijkmodulen(site, "rules")
    assert rules.returncode == 0, rules.stderr
    assert "WM901  long-title  (waarschuwing, per bestand)  [plugin: voorbeeld-regels 1.0]" in rules.stdout

    found = wijkmodulen(site, "lint", str(minimal_kb), "--format", "json", "--no-cache")
    assert found.returncode == 0, found.stderr  # a warning
    assert ("WM901", "wmw-02-signaalopvolging.yaml") in _codes(found)

    (tmp_path / "wijkmodulen.toml").write_text('[lint.rules.long-title]\nseverity = "error"\n', encoding="utf-8")
    severe = wijkmodulen(site, "lint", str(minimal_kb), "--format", "json", "--no-cache", cwd=tmp_path)
    assert severe.returncode == 1

    (tmp_path / "wijkmodulen.toml").write_text('[lint]\ndisable = ["WM901"]\n', encoding="utf-8")
    off = wijkmodulen(site, "lint", str(minimal_kb), "--format", "json", "--no-cache", cwd=tmp_path)
    assert "WM901" not in [code for code, _ in _codes(off)]

    path = minimal_kb / "modules" / "wmw-02-signaalopvolging.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text("# wijkmodulen: disable-file=long-title -- zo in de bron\n" + text, encoding="utf-8")
    quiet = wijkmodulen(site, "lint", str(minimal_kb), "--format", "json", "--no-cache")
    assert ("WM901", "wmw-02-signaalopvolging.yaml") not in _codes(quiet)


@pytest.mark.parametrize(
    ("source", "value", "detail"),
    [
        ("import bestaat_niet\n", "kapot:Regel", "ModuleNotFoundError: No module named 'bestaat_niet'"),
        ("class Regel:\n    pass\n", "kapot:Regel", "kapot:Regel is not a subclass of wijkmodulen.lint.rule.Rule"),
        (GOOD_RULE.replace("Passes:", "Goed:"), "kapot:LongTitle", "docstring needs 'Passes:' and 'Fails:' examples"),
        (GOOD_RULE.replace('"WM901"', '"X901"'), "kapot:LongTitle", "code 'X901' does not match WM###"),
        (GOOD_RULE.replace('"WM901"', '"WM103"'), "kapot:LongTitle", "code WM103 is already used by"),
    ],
    ids=["import-error", "not-a-rule", "no-examples", "bad-code", "taken-code"],
)
def test_a_broken_plugin_is_one_finding_not_a_crash(
    site: Path, minimal_kb: Path, source: str, value: str, detail: str
) -> None:
    install(site, "kapotte-regels", "0.1", "kapot", source, {"WM901": value})
    result = wijkmodulen(site, "lint", str(minimal_kb), "--format", "json", "--no-cache",
                         cwd=minimal_kb.parent)  # no project configuration but the KB's own
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    problems = json.loads(result.stdout)["problems"]
    assert [p["code"] for p in problems] == ["WM007"]
    assert problems[0]["message"].startswith(
        f"Plugin-regel 'WM901 = {value}' uit kapotte-regels 0.1 is niet geladen en doet niet mee: "
    )
    assert detail in problems[0]["message"]
    rules = wijkmodulen(site, "rules")
    assert rules.returncode == 0
    assert f"Niet geladen: plugin-regel 'WM901 = {value}' uit kapotte-regels" in rules.stdout


def test_the_cache_key_includes_the_plugins_and_their_versions(site: Path, tmp_path: Path) -> None:
    script = ("from wijkmodulen.lint.cache import cache_key; from wijkmodulen.lint.settings import LintSettings; "
              "from wijkmodulen.load.limits import Limits; print(cache_key(LintSettings(), Limits()))")

    def key(path: Path | None) -> str:
        env = {**os.environ}
        if path is not None:
            env["PYTHONPATH"] = str(path)
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8",
                              env=env, check=True)
        return done.stdout.strip()

    install(site, "voorbeeld-regels", "1.0", "voorbeeld_regels", GOOD_RULE, {"WM901": "voorbeeld_regels:LongTitle"})
    newer = tmp_path / "newer"
    newer.mkdir()
    install(newer, "voorbeeld-regels", "1.1", "voorbeeld_regels", GOOD_RULE, {"WM901": "voorbeeld_regels:LongTitle"})
    keys = {key(None), key(site), key(newer)}
    assert len(keys) == 3


def test_the_shipped_rules_need_no_plugin() -> None:
    result = wijkmodulen(None, "lint", str(MINIMAL), "--format", "json", "--no-cache")
    assert result.returncode == 0, result.stderr
