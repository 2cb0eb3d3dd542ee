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


# A module's own mark for all its tests: `pytestmark = pytest.mark.slow` or a list holding one.
_MODULE_MARK = re.compile(r"^pytestmark = \[?[^\n]*\bpytest\.mark\.(slow|browser|pdf)\b", re.MULTILINE)


def test_what_the_fast_loop_leaves_out_is_marked_browser_pdf_or_slow() -> None:
    ignored = _fast_skip()
    assert ignored
    for target in ignored:
        path = ROOT / target
        assert path.exists(), target
        if path.is_dir():
            assert path.relative_to(TESTS).parts[0] in conftest._MARK_BY_FOLDER, target
        else:
            assert _MODULE_MARK.search(path.read_text(encoding="utf-8")), target


def test_the_fast_loop_leaves_out_every_module_marked_browser_pdf_or_slow() -> None:
    # Importing such a module costs the loop its collection time (a second per LSP module) for nothing.
    ignored = {ROOT / target for target in _fast_skip()}
    missing = [
        path.relative_to(ROOT).as_posix()
        for path in sorted(TESTS.rglob("test_*.py"))
        if _MODULE_MARK.search(path.read_text(encoding="utf-8"))
        and not any(path == skipped or skipped in path.parents for skipped in ignored)
    ]
    assert missing == []
