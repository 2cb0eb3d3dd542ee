"""`lint --changed-since REV`: the whole KB is linted, findings are reported for changed files only."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL
from gitrepo import GitRepo

pytestmark = pytest.mark.slow

WMW02 = "kb/modules/wmw-02-signaalopvolging.yaml"
WMW03 = "kb/modules/wmw-03-eerste-hulp.yaml"


def _lint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "wijkmodulen", "lint", "kb", *args],
        cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", check=False,
    )


def _found(run: subprocess.CompletedProcess[str]) -> list[str]:
    return sorted(f"{p['code']} {p['file']}" for p in json.loads(run.stdout)["problems"])


def _repo(tmp_path: Path) -> GitRepo:
    """main: the minimal KB with an old error in wmw-03 (a misspelt key)."""
    repo = GitRepo(tmp_path / "repo")
    shutil.copytree(MINIMAL, repo.root / "kb")
    repo.edit(WMW03, "nummer: 3", "numer: 3")
    repo.commit("Kennisbank met een oude fout")
    return repo


def test_only_findings_in_changed_files_are_reported(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    repo.git("checkout", "-q", "-b", "werk")
    repo.edit(WMW02, "tegenhangers: [iow-02]\n", "tegenhangers: [iow-02]\nverwijzingen: [wmw-77]\n")
    repo.commit("wmw-02 verwijst naar wmw-77")

    whole = _lint(repo.root, "--format", "json")
    assert _found(whole) == [
        "WM002 kb/modules/wmw-03-eerste-hulp.yaml",
        "WM002 kb/modules/wmw-03-eerste-hulp.yaml",
        "WM103 kb/modules/wmw-02-signaalopvolging.yaml",
    ]
    changed = _lint(repo.root, "--format", "json", "--changed-since", "main")
    assert _found(changed) == ["WM103 kb/modules/wmw-02-signaalopvolging.yaml"]
    assert changed.returncode == 1
    # the whole KB was still checked: the summary counts every file
    assert json.loads(changed.stdout)["summary"]["files"] == json.loads(whole.stdout)["summary"]["files"]


def test_untracked_and_uncommitted_files_count_as_changed(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    assert _lint(repo.root, "--changed-since", "HEAD").returncode == 0  # the old error is not reported
    shutil.copy(repo.root / WMW02, repo.root / "kb/modules/wmw-04-kopie.yaml")  # untracked duplicate
    run = _lint(repo.root, "--format", "concise", "--changed-since", "HEAD")
    assert run.returncode == 1
    assert all(line.startswith("kb/modules/wmw-04-kopie.yaml:") for line in run.stdout.splitlines()[:-1]), run.stdout
    assert "wmw-03" not in run.stdout


def test_a_finding_caused_elsewhere_is_reported_where_it_lands(tmp_path: Path) -> None:
    """Removing a module breaks the references to it in unchanged files: those are not reported,
    which is why CI should also lint the whole KB on the main branch."""
    repo = _repo(tmp_path)
    repo.edit(WMW03, "numer: 3", "nummer: 3")
    repo.commit("Fout hersteld")
    (repo.root / "kb/modules/iow-02-signaalopvolging.yaml").unlink()
    whole = _lint(repo.root, "--format", "json")
    assert "WM103 kb/modules/wmw-02-signaalopvolging.yaml" in _found(whole)
    assert _lint(repo.root, "--format", "json", "--changed-since", "HEAD").returncode == 0


def test_unknown_revision_and_no_repository_are_one_line_exit_2(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    run = _lint(repo.root, "--changed-since", "bestaat-niet")
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr.splitlines()[-1] == "Onbekende revisie 'bestaat-niet'."
    outside = tmp_path / "los"
    shutil.copytree(MINIMAL, outside / "kb")
    run = _lint(outside, "--changed-since", "HEAD")
    assert run.returncode == 2
    assert run.stderr.splitlines()[-1].endswith("ligt niet in een git-repository.")
    assert "Traceback" not in run.stderr
