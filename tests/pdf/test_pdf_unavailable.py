"""Without WeasyPrint (or without Pango), `render --format pdf` says how to get it and exits 2.

The command runs in a new Python process in which importing the module fails the way it does when it is
not installed (an import hook on sys.meta_path), or the way it does when Pango cannot be loaded (cffi's
OSError); nothing of wijkmodulen is replaced.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pdf_helpers import SHIPPED

_BLOCK = """
import sys
from importlib.abc import MetaPathFinder

class Missing(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "weasyprint" or name.startswith("weasyprint."):
            {action}
        return None

sys.meta_path.insert(0, Missing())
sys.argv = ["wijkmodulen", *sys.argv[1:]]
from wijkmodulen.cli import main
main()
"""
NOT_INSTALLED = "raise ModuleNotFoundError(f'No module named {name!r}', name=name)"
NO_PANGO = "raise OSError(\"cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file\")"


def run(action: str, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _BLOCK.format(action=action), "render", str(SHIPPED), "--out", str(out), *args],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )


def test_without_weasyprint_pdf_says_how_to_install_it(tmp_path: Path) -> None:
    done = run(NOT_INSTALLED, tmp_path, "--format", "pdf")
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == (
        "Voor PDF is WeasyPrint nodig, en dat is niet geïnstalleerd. Installeer het met: "
        "pip install 'wijkmodulen[pdf]'"
    )
    assert done.stdout == ""
    assert not (tmp_path / "handboek.pdf").exists()


def test_without_pango_pdf_says_so(tmp_path: Path) -> None:
    done = run(NO_PANGO, tmp_path, "--format", "pdf")
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == (
        "WeasyPrint kan Pango niet laden (cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open "
        "shared object file). Installeer Pango, bijv. met: apt-get install libpango-1.0-0 libpangoft2-1.0-0"
    )
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_other_formats_do_not_need_weasyprint(tmp_path: Path, fmt: str) -> None:
    done = run(NOT_INSTALLED, tmp_path, "--format", fmt)
    assert done.returncode == 0, done.stderr
    assert "WeasyPrint" not in done.stderr
