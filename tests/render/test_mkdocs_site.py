"""`mkdocs build --strict` accepts the Markdown handbook: every page in the nav, every link and anchor found."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app

from conftest import SHIPPED

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("args", [[], ["--module", "wmw-02", "--module", "iow-04"], ["--competentie", "4P"]])
def test_mkdocs_build_strict(tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "md"
    result = CliRunner().invoke(app, ["render", str(SHIPPED), "--format", "markdown", "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(out / "mkdocs.yml"),
         "-d", str(tmp_path / "site")],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "WARNING" not in run.stderr
    pages = sorted(p.stem for p in (out / "docs" / "modulen").glob("*.md"))
    assert sorted(p.stem for p in (tmp_path / "site" / "modulen").glob("*.html")) == pages
    assert len(pages) == {0: 39, 4: 2}.get(len(args), len(pages))
    assert (tmp_path / "site" / "bijlagen" / "register.html").is_file()


def test_mkdocs_strict_catches_a_broken_link(tmp_path: Path) -> None:
    out = tmp_path / "md"
    result = CliRunner().invoke(app, ["render", str(SHIPPED), "--format", "markdown", "--out", str(out),
                                      "--module", "wmw-02"])
    assert result.exit_code == 0, result.output
    page = out / "docs" / "modulen" / "wmw-02.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[weg](iow-01.md)\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(out / "mkdocs.yml")],
                         capture_output=True, text=True, encoding="utf-8", check=False)
    assert run.returncode != 0
