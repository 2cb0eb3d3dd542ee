"""The pre-commit hook, for real: `pre-commit try-repo` installs this repository into its own
environment and runs the hook in a temporary KB repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="try-repo needs this project as a git repository")
def test_hook_passes_a_clean_kb_and_fails_a_broken_one(tmp_path: Path) -> None:
    repo = tmp_path / "kennisbank"
    shutil.copytree(MINIMAL, repo / "data")
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "auteur@example.org")
    _git(repo, "config", "user.name", "Auteur")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "kennisbank")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(PRE_COMMIT), "try-repo", str(ROOT), "wijkmodulen-lint", "--all-files"],
            cwd=repo, env=env, capture_output=True, text=True, timeout=600, check=False,
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
