"""Search benchmarks; writes the section between the search markers of BENCHMARKS.md.

    .venv/bin/python benchmarks/search.py [--size 10000] [--repeat 3] [--no-page]

Measures `wijkmodulen zoek` as its own process on the shipped KB and on a generated corpus (make_corpus.py):
cold (an empty cache folder: the index is built from the files and stored), warm (the cache present),
after one module was edited (that file read again, the index assembled again) and with --no-cache (the
index built on the fly from the loaded KB); the process floor (Python alone, Python importing typer);
what a user would otherwise run (`grep -rli WORD KB`); and, in one process, the split of a warm search:
the imports of the zoek path, opening the workspace with its configuration, the index from the cache,
ranking with snippets and formatting (and, for comparison, loading the KB and building the index on
the fly). Then the share of the HTML handbook that the inline index and its script take, and the time
a search takes in the page (Chromium, every golden query typed into the box, as the page measures it).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
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
GREP_WORD = "schulden"
EDITED = "modules/wmw-06-eerste-hulp-bij-financiele-problemen.yaml"
# One warm search in one process, split as the command runs it (cli/zoek_cmd.py): imports, the
# workspace with its configuration, the index from the cache, ranking with snippets and the text.
IN_PROCESS = """
import sys, time
from pathlib import Path
t0 = time.perf_counter()
from wijkmodulen.app import Workspace
from wijkmodulen.search.formats import format_text
from wijkmodulen.search.run import Filters
t1 = time.perf_counter()
workspace = Workspace.open(Path(sys.argv[1]), must_exist=False)
t2 = time.perf_counter()
found = workspace.searchable(use_cache=sys.argv[3] == "cache")
workspace.require_kb()
t3 = time.perf_counter()
format_text(workspace.search(sys.argv[2], Filters(), 10, found=found))
t4 = time.perf_counter()
assert sys.argv[3] != "cache" or found.run.used == "stored", found.run.used
loaded = sorted(m for m in sys.modules if m.startswith(("wijkmodulen.render", "wijkmodulen.model", "rich")))
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3, len(loaded))
"""


def _env(cache: Path) -> dict[str, str]:
    return {**os.environ, "WIJKMODULEN_CACHE_DIR": str(cache)}


def _timed(command: list[str], cache: Path, check: bool = True) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=check, capture_output=True, env=_env(cache), cwd=ROOT)
    return time.perf_counter() - started


def _zoek(kb: Path, query: str, cache: Path, *extra: str) -> float:
    return _timed([str(BIN / "wijkmodulen"), "zoek", query, str(kb), *extra], cache)


def _split(kb: Path, query: str, cache: Path, mode: str) -> list[float]:
    run = subprocess.run([sys.executable, "-c", IN_PROCESS, str(kb), query, mode], check=True,
                         capture_output=True, text=True, encoding="utf-8", env=_env(cache), cwd=ROOT)
    return [float(x) for x in run.stdout.split()]


def _fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(mode=0o700, parents=True)
    return folder


def measure_kb(kb: Path, repeat: int, temp: Path, fly_repeat: int) -> dict[str, float]:
    cache = temp / "cache"
    cold = []
    for query in QUERIES[: max(1, min(repeat, len(QUERIES)))]:
        cold.append(_zoek(kb, query, _fresh(cache)))
    warm, parts, grep = [], [], []
    for _ in range(repeat):
        for query in QUERIES:
            warm.append(_zoek(kb, query, cache))
            parts.append(_split(kb, query, cache, "cache"))
        grep.append(_timed(["grep", "-rli", GREP_WORD, str(kb)], cache))
    no_cache, fly = [], []
    for _ in range(fly_repeat):
        no_cache.append(_zoek(kb, QUERIES[0], cache, "--no-cache"))
        fly.append(_split(kb, QUERIES[0], cache, "fly"))
    # One module edited (a word in its title; on a copy of the shipped KB, in the generated corpus
    # itself): that file is read again and the index assembled again.
    edit = kb
    if kb == ROOT / "data":
        edit = temp / "edited"
        shutil.copytree(kb, edit)
        _zoek(edit, QUERIES[0], cache)
        time.sleep(2.5)  # the copy settles, so that the next run takes its files by their status
        _zoek(edit, QUERIES[0], cache)
    module = edit / EDITED
    module.write_text(module.read_text(encoding="utf-8").replace("Eerste hulp", "Eerste steun", 1), encoding="utf-8")
    edited = _zoek(edit, QUERIES[0], cache)
    columns = list(zip(*parts, strict=True))
    fly_columns = list(zip(*fly, strict=True))
    return {
        "cold": statistics.median(cold),
        "warm": statistics.median(warm),
        "warm_min": min(warm),
        "edited": edited,
        "no_cache": statistics.median(no_cache),
        "grep": statistics.median(grep),
        "imports": statistics.median(columns[0]),
        "open": statistics.median(columns[1]),
        "index": statistics.median(columns[2]),
        "query": statistics.median(columns[3]),
        "heavy_modules": max(columns[4]),
        "fly_index": statistics.median(fly_columns[2]),
    }


def measure_floor(repeat: int) -> dict[str, float]:
    bare = [_timed([sys.executable, "-c", "pass"], Path(tempfile.gettempdir())) for _ in range(repeat * 3)]
    typer = [_timed([sys.executable, "-c", "import typer"], Path(tempfile.gettempdir())) for _ in range(repeat * 3)]
    return {"python": statistics.median(bare), "typer": statistics.median(typer)}


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


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def table(shipped: dict[str, float], large: dict[str, float], size: int, floor: dict[str, float]) -> list[str]:
    def row(label: str, key: str) -> str:
        return f"| {label} | {_ms(shipped[key])} | {_ms(large[key])} |"

    def ratio(label: str, top: str, bottom: str) -> str:
        return f"| {label} | {shipped[top] / shipped[bottom]:.1f}× | {large[top] / large[bottom]:.1f}× |"

    return [
        f"| measure | shipped KB (39 modules) | {size:,} modules |",
        "|---|---|---|",
        row("`zoek` as a process, **warm** (cache present; median)", "warm"),
        row("`zoek` as a process, warm, fastest run", "warm_min"),
        row("`zoek` as a process, **cold** (empty cache folder: index built and stored)", "cold"),
        row("`zoek` as a process after one module was edited (that file read again)", "edited"),
        row("`zoek --no-cache` as a process (KB loaded, index built on the fly)", "no_cache"),
        row(f"`grep -rli {GREP_WORD} KB` (what a user would otherwise run)", "grep"),
        (f"| Python start alone / with `import typer` (the floor of any command) | "
        f"{_ms(floor['python'])} / {_ms(floor['typer'])} | same |"),
        row("in one process, warm: imports of the zoek path (app, search)", "imports"),
        row("  opening the workspace (project configuration: pydantic)", "open"),
        row("  the index from the cache (statuses checked, table read)", "index"),
        row("  ranking, snippets and the text output", "query"),
        row("in one process, on the fly: loading the KB and building the index", "fly_index"),
        ratio("cold / warm", "cold", "warm"),
        ratio("`--no-cache` / warm", "no_cache", "warm"),
        ratio("warm / `grep`", "warm", "grep"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-page", action="store_true", help="skip the HTML handbook and the browser")
    args = parser.parse_args(argv)
    loads = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as tmp:
        temp = Path(tmp)
        floor = measure_floor(args.repeat)
        shipped = measure_kb(ROOT / "data", args.repeat, temp / "shipped", args.repeat)
        loads.append(os.getloadavg()[0])
        corpus = temp / "kb"
        make_corpus(args.size, corpus)
        large = measure_kb(corpus, 1, temp / "large", 1)
        loads.append(os.getloadavg()[0])
        html = page = None
        if not args.no_page:
            html = measure_html(temp / "html")
            page = measure_page(temp / "html" / "handboek.html")
    lines = [
        START,
        (f"Machine: {platform.processor() or platform.machine()}; {os.cpu_count()} cores; Python "
         f"{platform.python_version()}; load average (1 min) {min(loads):.1f}-{max(loads):.1f} during the run "
         f"(other test suites share the 2 cores). Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC."),
        "",
        *table(shipped, large, args.size, floor),
        "",
        (f"Modules of render/, model/ or rich imported by a warm search in one process: "
         f"{int(max(shipped['heavy_modules'], large['heavy_modules']))}."),
    ]
    if html is not None and page is not None:
        lines += [
            "",
            (f"HTML handbook: {html['total'] / 1024:.0f} KiB, of which the inline index and its script "
             f"{html['added'] / 1024:.0f} KiB: **{html['share'] * 100:.1f} %** added to the page without them "
             "(target ≤ 25 %)."),
            "",
            (f"Search in the page (Chromium, {len(page)} searches: the golden queries three times, ranking plus "
             f"snippets plus listing): median **{statistics.median(page):.1f} ms**, slowest {max(page):.1f} ms "
             "(target ≤ 50 ms)."),
        ]
    lines.append(END)
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
