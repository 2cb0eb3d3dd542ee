"""How long rendering the 39-module PDF handbook takes, and how much memory it needs at its peak.

    .venv/bin/python benchmarks/render_pdf.py [KB] [--repeat N]

Each run is the whole command (`wijkmodulen render --format pdf`) in a new process, so that its peak
resident memory (ru_maxrss of the finished child) belongs to that run alone. Reports the wall time of each
run, the best and the median, and the peak memory; then, in this process, the steps: loading the KB,
gathering the context, the HTML, WeasyPrint's layout and writing the PDF.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from wijkmodulen.load.kb import load_knowledge_base
from wijkmodulen.render.context import build_handbook
from wijkmodulen.render.pdf import load_weasyprint, pdf_html

ROOT = Path(__file__).resolve().parents[1]


def _command(kb: Path, out: str) -> tuple[float, float, int]:
    """Wall time and CPU time (user + system) in seconds, and peak resident memory in KiB, of one
    `render --format pdf` process. The CPU time hardly depends on what else the machine is doing."""
    command = [sys.executable, "-m", "wijkmodulen", "render", str(kb), "--format", "pdf", "--out", out]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"render failed: {' '.join(command)}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss  # ru_maxrss: KiB on Linux


def _steps(kb_path: Path) -> list[tuple[str, float]]:
    weasyprint = load_weasyprint()
    start = time.perf_counter()
    kb = load_knowledge_base(kb_path)
    loaded = time.perf_counter()
    handbook = build_handbook(kb)
    gathered = time.perf_counter()
    html = pdf_html(handbook)
    templated = time.perf_counter()
    document = weasyprint.HTML(string=html, url_fetcher=weasyprint.URLFetcher(allowed_protocols={"data"})).render()
    laid_out = time.perf_counter()
    document.write_pdf()
    written = time.perf_counter()
    return [
        ("load KB", loaded - start), ("context", gathered - loaded), ("HTML + CSS", templated - gathered),
        ("layout", laid_out - templated), ("write PDF", written - laid_out),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kb", nargs="?", type=Path, default=ROOT / "data")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    runs: list[tuple[float, float, int]] = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(args.repeat):
            runs.append(_command(args.kb, out))
        pdf = Path(out) / "handboek.pdf"
        pages, size = len(PdfReader(pdf).pages), pdf.stat().st_size
    times = [t for t, _, _ in runs]
    cpu = [c for _, c, _ in runs]
    peak = max(m for _, _, m in runs)
    print(f"PDF: {pages} pages, {size / 1024:.0f} KiB; runs: {args.repeat} (cores: {os.cpu_count()})")
    print(f"load average {os.getloadavg()[0]:.1f} (other work on the machine slows the wall time)")
    print("command      " + "  ".join(f"{t:5.1f} s" for t in times)
          + f"   best {min(times):.1f} s, median {statistics.median(times):.1f} s (wall)")
    print("CPU time     " + "  ".join(f"{c:5.1f} s" for c in cpu) + f"   best {min(cpu):.1f} s (user + system)")
    print(f"peak memory  {peak / 1024:.0f} MiB (resident, largest of the runs)")
    for label, seconds in _steps(args.kb):
        print(f"{label:<12} {seconds * 1000:8.0f} ms")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"(this process after the steps: {own / 1024:.0f} MiB resident at its peak)")


if __name__ == "__main__":
    main()
