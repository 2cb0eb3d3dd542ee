"""How long rendering the 39-module HTML handbook takes (target: under one second).

    .venv/bin/python benchmarks/render_html.py [KB] [--repeat N]

Reports, in milliseconds, loading the KB, gathering the handbook context and rendering the HTML (a fresh
template environment each time, as the command does), for the first run and the best of the rest, and
the whole command as a subprocess.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wijkmodulen.load.kb import load_knowledge_base
from wijkmodulen.render.context import build_handbook
from wijkmodulen.render.html import render_html

ROOT = Path(__file__).resolve().parents[1]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kb", nargs="?", type=Path, default=ROOT / "data")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    rows: list[tuple[float, float, float]] = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        kb = load_knowledge_base(args.kb)
        loaded = time.perf_counter()
        handbook = build_handbook(kb)
        gathered = time.perf_counter()
        html = render_html(handbook)
        rendered = time.perf_counter()
        rows.append((loaded - start, gathered - loaded, rendered - gathered))
    print(f"modules: {len(handbook.modules)}, HTML: {len(html) / 1024:.0f} KiB, runs: {args.repeat}")
    for label, index in (("load KB", 0), ("context", 1), ("render HTML", 2)):
        print(f"{label:<12} first {_ms(rows[0][index])}   best {_ms(min(r[index] for r in rows[1:] or rows))}")
    totals = [sum(r) for r in rows]
    print(f"{'total':<12} first {_ms(totals[0])}   best {_ms(min(totals[1:] or totals))}")

    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "wijkmodulen", "render", str(args.kb), "--out", out]
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        print(f"{'command':<12} {_ms(time.perf_counter() - start)} (new process: imports, load, render, write)")


if __name__ == "__main__":
    main()
