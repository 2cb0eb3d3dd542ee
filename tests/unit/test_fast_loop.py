"""`make test-fast` does not import what it would deselect anyway: every folder or module its
FAST_SKIP leaves out holds only tests marked browser, pdf or slow, so leaving them out skips nothing."""

from __future__ import annotations

import re

import conftest
from conftest import ROOT, TESTS


def _fast_skip() -> list[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^FAST_SKIP := ((?:.*\\\n)*.*)$", makefile, re.MULTILINE)
    assert match is not None
    return re.findall(r"--ignore=(\S+)", match.group(1))


def test_what_the_fast_loop_leaves_out_is_marked_browser_pdf_or_slow() -> None:
    ignored = _fast_skip()
    assert ignored
    for target in ignored:
        path = ROOT / target
        assert path.exists(), target
        if path.is_dir():
            assert path.relative_to(TESTS).parts[0] in conftest._MARK_BY_FOLDER, target
        else:
            assert re.search(r"^pytestmark = pytest\.mark\.(slow|browser|pdf)$", path.read_text(encoding="utf-8"),
                             re.MULTILINE), target
