"""Session fixtures for the browser tests: one headless Chromium (Debian's, driven by Playwright) and the
handbooks it reads. A plugin module (``pytest_plugins``) rather than a conftest.py, because the tests
import ``conftest`` by name and a second one would shadow it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_helpers import CHROMIUM, CHROMIUM_ARGS, SELECTIONS, render_handbook


@pytest.fixture(scope="session")
def handbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("handboeken")
    return {name: render_handbook(root / name, *args) for name, args in SELECTIONS.items()}


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is missing: scripts/install-test-deps.sh (run by make test) installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
