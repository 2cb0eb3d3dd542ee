"""Side-by-side benchmarks at national scale; writes BENCHMARKS.md (``make bench``).

    .venv/bin/python benchmarks/run.py [--sizes 1000,5000,10000] [--repeat 3] [--repeat-large 2]

For each size a corpus is generated (benchmarks/make_corpus.py) in a git repository with two
commits, the second changing 10 modules. Then, alternating the commands within each round, every
command runs as its own process: ``wijkmodulen lint`` cold (``--no-cache``) and warm (after one
file was edited), ``xref``, ``diff`` between the two commits and ``render --format html``; and on
the same module files the anchors ``check-jsonschema`` with the exported module schema, ``yamllint``
and the floor, a loop that only parses every file with PyYAML's libyaml loader. The median wall
time of the rounds and the peak memory (the child's ru_maxrss, from os.wait4) are reported, with
the ratios to the targets. Corpora live outside the project (so its configuration does not apply).
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
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_corpus

FLOOR = """
import sys, yaml
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as handle:
        yaml.load(handle.read(), Loader=yaml.CSafeLoader)
"""
START, END = "<!-- results:start -->", "<!-- results:end -->"
# The slowest anchor (minutes at 10,000 modules) runs in the first round only.
ONCE = {"yamllint"}
EDITED = "modules/wmw-01-aanmelding.yaml"


@dataclass
class Sample:
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak(self) -> float:
        return max(self.peak_mb)


def run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, peak resident MB and exit code of one command as a child process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, process.returncode


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def prepare(size: int, work: Path) -> Path:
    """A git repository with the corpus under kb/: commit 1, then 10 modules changed in commit 2."""
    repo = work / f"corpus-{size}"
    if repo.exists():
        shutil.rmtree(repo)
    repo.mkdir(parents=True)
    make_corpus(size, repo / "kb")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "bench@example.org")
    git(repo, "config", "user.name", "bench")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "corpus")
    modules = sorted((repo / "kb" / "modules").iterdir())
    step = max(1, len(modules) // 10)
    for path in modules[::step][:10]:
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^titel: (.*)$", r"titel: \1 (herzien)", text, count=1, flags=re.MULTILINE), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "ten modules changed")
    subprocess.run([str(BIN / "wijkmodulen"), "schema", "--out", str(repo / "schemas")], check=True,
                   capture_output=True, cwd=repo)
    return repo


def toggle_edit(repo: Path) -> None:
    """Edit one module (a word in its title, back and forth), as an author saving a file."""
    path = repo / "kb" / EDITED
    text = path.read_text(encoding="utf-8")
    if "titel: Aanmelding\n" in text:
        text = text.replace("titel: Aanmelding\n", "titel: Aanmelding en intake\n", 1)
    else:
        text = text.replace("titel: Aanmelding en intake\n", "titel: Aanmelding\n", 1)
    path.write_text(text, encoding="utf-8")


def commands(repo: Path) -> dict[str, list[str]]:
    tool = str(BIN / "wijkmodulen")
    modules = sorted(str(p) for p in (repo / "kb" / "modules").glob("*.yaml"))
    return {
        "lint (cold)": [tool, "lint", "--no-cache", "-q", "kb"],
        "lint (warm)": [tool, "lint", "-q", "kb"],
        "xref": [tool, "xref", "kb"],
        "diff": [tool, "diff", "HEAD~1", "HEAD", "--kb", "kb"],
        "render html": [tool, "render", "--format", "html", "--out", str(repo / "out"), "kb"],
        "check-jsonschema": [str(BIN / "check-jsonschema"), "--schemafile",
                             str(repo / "schemas" / "module.schema.json"), *modules],
        "yamllint": [str(BIN / "yamllint"), "-f", "parsable", *modules],
        "parse floor (PyYAML CSafeLoader)": [sys.executable, "-c", FLOOR, *modules],
    }


def bench_size(size: int, work: Path, rounds: int, env: dict[str, str]) -> dict[str, Sample]:
    repo = prepare(size, work)
    todo = commands(repo)
    samples = {name: Sample() for name in todo}
    run(todo["lint (warm)"], repo, env)  # fill the cache once
    for round_ in range(rounds):
        for name, command in todo.items():
            if round_ and name in ONCE:
                continue
            if name == "lint (warm)":
                toggle_edit(repo)
            seconds, peak, code = run(command, repo, env)
            if name.startswith("lint") and code != 0:
                raise SystemExit(f"{name} on {size} modules exited {code}")
            samples[name].seconds.append(seconds)
            samples[name].peak_mb.append(peak)
            print(f"  {size:>6} round {round_ + 1}/{rounds} {name:<34} {seconds:8.2f} s {peak:7.0f} MB", flush=True)
    return samples


def help_time(env: dict[str, str]) -> float:
    times = [run([str(BIN / "wijkmodulen"), "--help"], ROOT, env)[0] for _ in range(5)]
    return statistics.median(times)


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{model}; {os.cpu_count()} cores; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}")


def verdict(value: float, limit: float) -> str:
    if value <= limit:
        return f"met ({value:.2f} ≤ {limit:g})"
    return f"**missed** ({value:.2f} > {limit:g}, by {value / limit:.1f}×)"


def report(results: dict[int, dict[str, Sample]], rounds: dict[int, int], help_seconds: float) -> str:
    lines = [f"Machine: {machine()}. Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.", ""]
    names = list(next(iter(results.values())))
    lines.append("| command | " + " | ".join(f"{size:,} modules" for size in results) + " |")
    lines.append("|---|" + "---|" * len(results))
    for name in names:
        cells = [f"{r[name].median:.2f} s, {r[name].peak:.0f} MB" for r in results.values()]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("Median wall time of " + ", ".join(f"{n} round(s) at {size:,}" for size, n in rounds.items())
                 + " (commands alternating within a round; yamllint in the first round only); peak resident"
                 " memory of the process.")
    largest = max(results)
    r = results[largest]
    cold = r["lint (cold)"].median
    smallest = min(results)
    per_module_small = results[smallest]["lint (cold)"].median / smallest
    per_module_large = cold / largest
    lines += [
        "",
        f"Targets at {largest:,} modules:",
        "",
        "| target | result |",
        "|---|---|",
        f"| cold lint ≤ 0.6 × check-jsonschema | {verdict(cold / r['check-jsonschema'].median, 0.6)} |",
        f"| cold lint ≤ 2 × parse floor | {verdict(cold / r['parse floor (PyYAML CSafeLoader)'].median, 2)} |",
        f"| warm lint ≤ 0.2 × cold | {verdict(r['lint (warm)'].median / cold, 0.2)} |",
        f"| render html ≤ 3 × cold lint | {verdict(r['render html'].median / cold, 3)} |",
        f"| diff ≤ 1 × cold lint | {verdict(r['diff'].median / cold, 1)} |",
        f"| lint peak memory ≤ 300 MB | {verdict(max(r['lint (cold)'].peak, r['lint (warm)'].peak), 300)} |",
        (f"| linear: time per module at {largest:,} ÷ at {smallest:,} ≤ 1.2 "
        f"| {verdict(per_module_large / per_module_small, 1.2)} |"),
        f"| `wijkmodulen --help` < 0.3 s | {verdict(help_seconds, 0.3)} |",
        "",
        (f"Other ratios at {largest:,}: cold lint ÷ yamllint {cold / r['yamllint'].median:.2f}; "
        f"xref ÷ cold lint {r['xref'].median / cold:.2f}."),
    ]
    return "\n".join(lines)


def write(path: Path, results_text: str) -> None:
    block = f"{START}\n{results_text}\n{END}"
    if path.exists() and START in path.read_text(encoding="utf-8"):
        text = path.read_text(encoding="utf-8")
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = f"# Benchmarks\n\nWritten by `make bench` (benchmarks/run.py).\n\n{block}\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--repeat", type=int, default=3, help="rounds below 10,000 modules")
    parser.add_argument("--repeat-large", type=int, default=2, help="rounds at 10,000 modules and more")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "wijkmodulen-bench")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    args = parser.parse_args(argv)
    env = dict(os.environ)
    cache = args.work / "cache"
    env["WIJKMODULEN_CACHE_DIR"] = str(cache)
    sizes = [int(size) for size in args.sizes.split(",")]
    results: dict[int, dict[str, Sample]] = {}
    rounds: dict[int, int] = {}
    for size in sizes:
        rounds[size] = args.repeat_large if size >= 10_000 else args.repeat
        print(f"{size} modules:", flush=True)
        results[size] = bench_size(size, args.work, rounds[size], env)
    help_seconds = help_time(env)
    text = report(results, rounds, help_seconds)
    print(text)
    write(args.out, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
