"""Config values that make no sense are refused, and what goes wrong is said in one clear Dutch line."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app
from wijkmodulen.load.git import GitError, _refuse_unsafe
from wijkmodulen.os_errors import describe

from conftest import MINIMAL
from gitrepo import GitRepo
from platforms import is_root, needs_fifo, needs_symlinks

runner = CliRunner()


def _cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "300"}
    return subprocess.run([sys.executable, "-m", "wijkmodulen", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", check=False, timeout=120)


def _one_dutch_line(run: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert run.returncode == code, (run.returncode, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr
    assert "Interne fout" not in run.stderr
    return run.stderr


def _in_process(monkeypatch: pytest.MonkeyPatch, cwd: Path, *args: str) -> str:
    """The CLI in this process (faster than a child for many small cases); its output, after exit 2."""
    monkeypatch.chdir(cwd)
    result = runner.invoke(app, list(args))
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Interne fout" not in result.output
    return result.output


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ("max_file_size_mb = inf", "geen nan of inf"),
        ("max_file_size_mb = nan", "geen nan of inf"),
        ("max_file_size_mb = -1", "groter zijn dan 0"),
        ("max_file_size_mb = 0", "groter zijn dan 0"),
        ("max_file_size_mb = 1e9", "hoogstens 1024"),
        ("[lint.rules.WM208]\nmin_gelijkenis = nan", "geen nan of inf"),
        ("[lint.rules.WM208]\nmin_gelijkenis = inf", "geen nan of inf"),
        ("[lint.rules.WM208]\nmin_gelijkenis = 1.5", "hoogstens 1"),
    ],
)
def test_nonsense_numbers_in_the_config_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str, said: str
) -> None:
    shutil.copytree(MINIMAL, tmp_path / "kb")
    (tmp_path / "wijkmodulen.toml").write_text(setting + "\n", encoding="utf-8")
    stderr = _in_process(monkeypatch, tmp_path, "lint", "kb", "--no-cache")
    assert said in stderr, stderr


def test_a_folder_without_kind_folders_is_not_a_clean_kb(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    (tmp_path / "leeg" / "notities.yaml").write_text("a: b\n", encoding="utf-8")
    stderr = _one_dutch_line(_cli(tmp_path, "lint", "leeg"))
    assert "Geen kennisbank in leeg" in stderr
    assert "modules/" in stderr


@pytest.mark.parametrize("code", [errno.EACCES, errno.ENOENT, errno.ENXIO, errno.ELOOP, errno.EISDIR,
                                  errno.ENOSPC, errno.EROFS, errno.EADDRINUSE, errno.ENOTDIR])
def test_os_errors_are_said_in_dutch(code: int) -> None:
    text = describe(OSError(code, os.strerror(code)))
    assert os.strerror(code) not in text
    assert text
    assert describe(OSError(errno.ETXTBSY, "x")) == "systeemfout (ETXTBSY)"


def _profile_case(tmp_path: Path, kind: str) -> Path:
    profile = tmp_path / "team.yaml"
    if kind == "fifo":
        os.mkfifo(profile)
    elif kind == "dangling link":
        profile.symlink_to(tmp_path / "weg.yaml")
    elif kind == "link to a fifo":
        os.mkfifo(tmp_path / "pijp")
        profile.symlink_to(tmp_path / "pijp")
    else:
        profile.mkdir()
    return profile


@pytest.mark.parametrize(("kind", "said"), [
    pytest.param("fifo", "is een FIFO", marks=needs_fifo),
    pytest.param("dangling link", "symbolische link", marks=needs_symlinks),
    pytest.param("link to a fifo", "symbolische link", marks=[needs_fifo, needs_symlinks]),
    ("folder", "is een map"),
])
def test_a_team_profile_that_is_no_file_says_what_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, said: str
) -> None:
    shutil.copytree(MINIMAL, tmp_path / "kb")
    profile = _profile_case(tmp_path, kind)
    stderr = _in_process(monkeypatch, tmp_path, "team", str(profile), "kb")
    assert said in stderr, stderr
    assert "niet gevonden" not in stderr


def test_new_refuses_a_300_character_title_and_control_characters(minimal_kb: Path) -> None:
    base = ["new", "--kb", str(minimal_kb), "--beroep", "wijkmaatschappelijk-werk", "--cluster",
            "Concrete dienstverlening"]
    result = runner.invoke(app, [*base, "Hulp " * 60])
    assert result.exit_code == 2, result.output
    assert "hoogstens 200 tekens" in result.output
    result = runner.invoke(app, [*base, "Hulp\u202e bij \x1b[2K"])
    assert result.exit_code == 2, result.output
    assert "\\u202e" in result.output
    assert not list((minimal_kb / "modules").glob("wmw-04*"))


@pytest.mark.parametrize("revision", ["^main", "main..", "HEAD^!", "HEAD~9"])
def test_a_bad_revision_is_one_dutch_line(tmp_path: Path, revision: str) -> None:
    repo = GitRepo(tmp_path / "repo")
    shutil.copytree(MINIMAL, repo.root / "data")
    repo.commit("kb")
    run = _cli(repo.root, "diff", revision, "HEAD")
    stderr = _one_dutch_line(run)
    assert f"Onbekende revisie '{revision}'." in stderr, stderr
    assert "fatal" not in stderr


def test_a_repository_of_another_user_names_safe_directory() -> None:
    stderr = (b"fatal: detected dubious ownership in repository at '/x'\n"
              b"To add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /x\n")
    with pytest.raises(GitError, match=r"safe\.directory"):
        _refuse_unsafe(stderr, Path("/x"))
    _refuse_unsafe(b"fatal: not a git repository", Path("/x"))  # that one is not about ownership


@pytest.mark.skipif(not is_root(), reason="changing a folder's owner needs root")
def test_lint_changed_since_in_a_repository_of_another_user(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    shutil.copytree(MINIMAL, repo.root / "data")
    repo.commit("kb")
    for path in [repo.root, *repo.root.rglob("*")]:
        os.lchown(path, 65534, 65534)
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "NO_COLOR": "1"}
    run = subprocess.run([sys.executable, "-m", "wijkmodulen", "lint", "--changed-since", "main", "data"],
                         cwd=repo.root, env=env, capture_output=True, text=True, encoding="utf-8",
                         check=False, timeout=120)
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert "safe.directory" in run.stderr
    assert "Traceback" not in run.stderr
