"""Search benchmarks; writes the section between the search markers of BENCHMARKS.md.

    .venv/bin/python benchmarks/search.py [--size 10000] [--repeat 5]

Measures `wijkmodulen zoek` as its own process on the shipped KB and on a generated corpus (make_corpus.py),
with the in-process split (load, index, query); the share of the HTML handbook that the inline index and
its script take; and the time a search takes in the page (Chromium, every golden query typed into the box,
as the page measures it: ranking, snippets and listing).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests" / "search"))

from make_corpus import make_corpus

from golden import golden_queries

START, END = "<!-- search:start -->", "<!-- search:end -->"
QUERIES = ("schulden", "huiselijk geweld", "informatie en advies")
IN_PROCESS = """
import sys, time
from pathlib import Path
t0 = time.perf_counter()
from wijkmodulen.load.kb import load_knowledge_base
from wijkmodulen.search.run import kb_index
from wijkmodulen.search.query import search
t1 = time.perf_counter()
kb = load_knowledge_base(Path(sys.argv[1]))
t2 = time.perf_counter()
index = kb_index(kb)
t3 = time.perf_counter()
search(index, sys.argv[2], limit=10)
t4 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3)
"""


def _process(kb: Path, query: str) -> float:
    started = time.perf_counter()
    subprocess.run([str(BIN / "wijkmodulen"), "zoek", query, str(kb)], check=True, capture_output=True)
    return time.perf_counter() - started


def _split(kb: Path, query: str) -> list[float]:
    run = subprocess.run([sys.executable, "-c", IN_PROCESS, str(kb), query], check=True, capture_output=True,
                         text=True, encoding="utf-8")
    return [float(x) for x in run.stdout.split()]


def measure_kb(kb: Path, repeat: int) -> dict[str, float]:
    process, parts = [], []
    for _ in range(repeat):
        for query in QUERIES:
            process.append(_process(kb, query))
            parts.append(_split(kb, query))
    columns = list(zip(*parts, strict=True))
    return {
        "process": statistics.median(process),
        "imports": statistics.median(columns[0]),
        "load": statistics.median(columns[1]),
        "index": statistics.median(columns[2]),
        "query": statistics.median(columns[3]),
    }


def measure_html(folder: Path) -> dict[str, float]:
    subprocess.run([str(BIN / "wijkmodulen"), "render", str(ROOT / "data"), "--out", str(folder)], check=True,
                   capture_output=True, cwd=folder.parent)
    page = (folder / "handboek.html").read_text(encoding="utf-8")
    index = re.search(r'<script type="application/json" id="zoekindex">.*?</script>', page, re.DOTALL)
    program = re.search(r"<script>\n.*?</script>", page, re.DOTALL)
    assert index is not None
    assert program is not None
    added = len(index.group(0).encode()) + len(program.group(0).encode())
    total = len(page.encode())
    return {"total": total, "added": added, "share": added / (total - added)}


def measure_page(page_path: Path) -> list[float]:
    from playwright.sync_api import sync_playwright

    times: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        page.goto(page_path.as_uri())
        for _ in range(3):
            for golden in golden_queries():
                page.fill("#zoekvak", golden.vraag)
                times.append(float(page.get_attribute("#zoeken", "data-ms") or "nan"))
        browser.close()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        temp = Path(tmp)
        shipped = measure_kb(ROOT / "data", args.repeat)
        corpus = temp / "kb"
        make_corpus(args.size, corpus)
        large = measure_kb(corpus, 1)
        html = measure_html(temp / "html")
        page = measure_page(temp / "html" / "handboek.html")
    load = os.getloadavg()
    lines = [
        START,
        (f"Machine: {platform.processor() or platform.machine()}; {os.cpu_count()} cores; Python "
         f"{platform.python_version()}; load average {load[0]:.1f}. Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC."),
        "",
        "| measure | shipped KB (39 modules) | " + f"{args.size:,} modules |",
        "|---|---|---|",
        f"| `wijkmodulen zoek` as a process (median) | {shipped['process'] * 1000:.0f} ms | {large['process']:.2f} s |",
        f"| of which Python start and imports | {shipped['imports'] * 1000:.0f} ms | {large['imports'] * 1000:.0f} ms |",
        f"| loading the KB (YAML, validation) | {shipped['load'] * 1000:.0f} ms | {large['load']:.2f} s |",
        f"| building the index (on the fly) | {shipped['index'] * 1000:.0f} ms | {large['index']:.2f} s |",
        f"| ranking and snippets | {shipped['query'] * 1000:.1f} ms | {large['query'] * 1000:.1f} ms |",
        "",
        (f"HTML handbook: {html['total'] / 1024:.0f} KiB, of which the inline index and its script "
         f"{html['added'] / 1024:.0f} KiB: **{html['share'] * 100:.1f} %** added to the page without them "
         "(target ≤ 25 %)."),
        "",
        (f"Search in the page (Chromium, {len(page)} searches: the golden queries three times, ranking plus "
         f"snippets plus listing): median **{statistics.median(page):.1f} ms**, slowest {max(page):.1f} ms "
         "(target ≤ 50 ms)."),
        END,
    ]
    report = ROOT / "BENCHMARKS.md"
    text = report.read_text(encoding="utf-8")
    section = "\n".join(lines)
    if START in text:
        text = text[: text.index(START)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n## Search\n\n" + section + "\n"
    report.write_text(text, encoding="utf-8")
    print(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
