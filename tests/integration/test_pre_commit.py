"""The pre-commit set-up of docs/ci.md, as written, in a KB repository of its own: the documented
`.pre-commit-config.yaml` with `repo` pointing at a clone of this project that has the release tag
the documentation names (the release process creates it), so pre-commit installs wijkmodulen from
that tag into its own environment and runs the hook."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wijkmodulen import __version__

from conftest import MINIMAL, ROOT

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
PAGE = ROOT / "docs" / "ci.md"

pytestmark = pytest.mark.slow


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def _documented_config() -> str:
    page = PAGE.read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(repos:\n.*?)```", page, re.DOTALL)
    assert block is not None, "pre-commit configuration missing from docs/ci.md"
    return block.group(1)


def test_documented_rev_is_the_release_tag_of_this_version() -> None:
    assert f"    rev: v{__version__}\n" in _documented_config()


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="the clone needs this project as a git repository")
def test_documented_hook_passes_a_clean_kb_and_fails_a_broken_one(tmp_path: Path) -> None:
    hosted = tmp_path / "wijkmodulen"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(hosted)], check=True, capture_output=True)
    _git(hosted, "-c", "user.name=Release", "-c", "user.email=release@example.org",
         "tag", "-a", f"v{__version__}", "-m", f"wijkmodulen {__version__}")
    repo = tmp_path / "kennisbank"
    shutil.copytree(MINIMAL, repo / "data")
    config = re.sub(r"repo: \S+", f"repo: {hosted.as_posix()}", _documented_config(), count=1)
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "auteur@example.org")
    _git(repo, "config", "user.name", "Auteur")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "kennisbank")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(PRE_COMMIT), "run", "--all-files"],
            cwd=repo, env=env, capture_output=True, text=True, encoding="utf-8", timeout=600, check=False,
        )

    clean = run()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "wijkmodulen lint" in clean.stdout
    module = repo / "data" / "modules" / "wmw-03-eerste-hulp.yaml"
    module.write_text(module.read_text(encoding="utf-8").replace("nummer: 3", "numer: 3"), encoding="utf-8")
    broken = run()
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "data/modules/wmw-03-eerste-hulp.yaml" in broken.stdout
    assert "Onbekende sleutel 'numer'" in broken.stdout
