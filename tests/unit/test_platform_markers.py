"""On Linux no test skips for want of an operating-system facility: the platform markers are for
Windows and macOS only, and the Linux CI run (make test) still runs every such test."""

from __future__ import annotations

import sys

import pytest

import platforms


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the markers skip elsewhere by design")
@pytest.mark.parametrize("marker", platforms.ALL, ids=lambda m: m.kwargs["reason"])
def test_no_platform_marker_skips_on_linux(marker: pytest.MarkDecorator) -> None:
    assert marker.args == (False,), marker.kwargs["reason"]


def test_every_platform_marker_is_listed() -> None:
    listed = {id(marker) for marker in platforms.ALL}
    defined = [name for name, value in vars(platforms).items()
               if isinstance(value, pytest.MarkDecorator) and id(value) not in listed]
    assert defined == []
