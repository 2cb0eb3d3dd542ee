"""Makes the README's picture of `wijkmodulen serve`: the preview of a copy of data/ in which one module has
a YAML error and another an unknown reference, in headless Chromium.

    .venv/bin/python scripts/readme_serve_screenshot.py
    # writes docs/voorbeeld-met-bevindingen.png and docs/voorbeeld-bevinding-bij-module.png
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "voorbeeld-met-bevindingen.png"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def _edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        kb = Path(folder) / "data"
        shutil.copytree(ROOT / "data", kb)
        _edit(next((kb / "modules").glob("wmw-06-*.yaml")), "titel: ", "titel: [")
        _edit(next((kb / "modules").glob("wmw-01-*.yaml")), "\nbron:", "\nverwijzingen: [wmw-99]\nbron:")
        server = subprocess.Popen(
            [sys.executable, "-m", "wijkmodulen", "serve", str(kb), "--port", "0"],
            cwd=folder, stdout=subprocess.PIPE, text=True, encoding="utf-8",
        )
        try:
            assert server.stdout is not None
            url = server.stdout.readline().split()[-1]
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = browser.new_page(viewport={"width": 900, "height": 700}, device_scale_factor=1)
                page.goto(url)
                page.screenshot(path=str(TARGET))
                page.goto(url + "#wmw-01")
                page.screenshot(path=str(TARGET.with_name("voorbeeld-bevinding-bij-module.png")))
                browser.close()
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(20)
            if server.stdout is not None:
                server.stdout.close()
    print(TARGET)


if __name__ == "__main__":
    main()
