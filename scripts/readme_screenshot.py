"""Makes the README's screenshot: one module of a handbook for one profession, in headless Chromium.

    .venv/bin/python scripts/readme_screenshot.py   # writes docs/handboek-wijkmaatschappelijk-werk.png
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "handboek-wijkmaatschappelijk-werk.png"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def main() -> None:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "wijkmodulen", "render", str(ROOT / "data"), "--beroep", "wijkmaatschappelijk-werk",
             "--titel", "Handboek wijkmaatschappelijk werk", "--organisatie", "Wijkteam Noord",
             "--editie", "2025-1", "--out", out],
            check=True,
        )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 900, "height": 1200}, device_scale_factor=1)
            page.goto((Path(out) / "handboek.html").as_uri() + "#wmw-06")
            page.screenshot(path=str(TARGET))
            browser.close()
    print(TARGET)


if __name__ == "__main__":
    main()
