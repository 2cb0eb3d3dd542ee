"""The diff example in docs/diff.md is a real run: rebuild it from the shipped data and compare."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app

from conftest import ROOT
from gitrepo import GitRepo

pytestmark = pytest.mark.slow

WMW06 = "data/modules/wmw-06-eerste-hulp-bij-financiele-problemen.yaml"


def build_demo(root: Path) -> GitRepo:
    """A copy of data/ on main, and a branch that edits wmw-06 and renames wmw-07's file."""
    repo = GitRepo(root)
    shutil.copytree(ROOT / "data", root / "data")
    repo.commit("Kennisbank")
    repo.git("checkout", "-q", "-b", "doelen-wmw-06")
    goal = "  - De wijkbewoner maakt gebruik van inkomensondersteunende maatregelen.\n"
    repo.edit(WMW06, goal, "  - De wijkbewoner weet welke voorzieningen er in de wijk zijn.\n" + goal)
    repo.edit(WMW06, "stimuleert de bewoner contact te zoeken met schuldeisers",
              "stimuleert de bewoner zelf contact op te nemen met schuldeisers")
    repo.edit(WMW06, "competenties: [4D, gk-3, gk-5, gk-4]", "competenties: [4D, gk-3, gk-5]")
    text = (root / WMW06).read_text(encoding="utf-8")
    (root / WMW06).write_text(re.sub(r"    gk-4: .*\n(?:      .*\n)*", "", text), encoding="utf-8")
    repo.git("mv", "data/modules/wmw-07-stabilisatie-schuldenproblematiek.yaml",
             "data/modules/wmw-07-stabilisatie-van-schulden.yaml")
    repo.commit("wmw-06: doel over voorzieningen; wmw-07 andere bestandsnaam")
    return repo


def test_page_shows_real_diff_output(tmp_path: Path) -> None:
    repo = build_demo(tmp_path / "demo")
    page = (ROOT / "docs" / "diff.md").read_text(encoding="utf-8")
    shown = re.search(r"main \(([0-9a-f]{7})\) → werkmap", page)
    assert shown is not None
    runner = CliRunner()
    for args, prefix in (([], "$ wijkmodulen diff main\n"), (["--stat"], "$ wijkmodulen diff main --stat\n"),
                         (["--format", "markdown"], "```markdown\n")):
        result = runner.invoke(app, ["diff", "main", *args, "--kb", str(repo.root / "data")])
        assert result.exit_code == 0, result.output
        # The commit id depends on dates; everything else must match what the page shows.
        output = re.sub(r"main \([0-9a-f]{7}\)", f"main ({shown.group(1)})", result.stdout)
        assert prefix + output in page, f"paste into docs/diff.md:\n{output}"
