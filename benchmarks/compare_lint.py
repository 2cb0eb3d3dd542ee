"""Cold and warm ``lint`` of one generated corpus, this checkout against another, side by side.

    .venv/bin/python benchmarks/compare_lint.py --before /path/to/other/checkout/src [--size 10000] [--rounds 3]

Both run as ``python -m wijkmodulen lint`` in this venv (same dependencies), the other one with its
``src`` first on PYTHONPATH; the two alternate within each round, each with its own cache folder, so
that load on a shared machine falls on both alike. Prints the median wall time and the median CPU time
(user + system, from os.wait4) of each: on a busy machine the CPU time is the steadier measure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_corpus
from run import EDITED, toggle_edit


def run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and exit code of one command as a child process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, required=True, help="the src folder of the other checkout")
    parser.add_argument("--after", type=Path, help="the src folder to compare (default: this checkout's)")
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        make_corpus(args.size, work / "kb")
        after = str(args.after.resolve()) if args.after else str(Path(__file__).resolve().parents[1] / "src")
        variants = {"before": str(args.before.resolve()), "after": after}
        envs = {}
        for name, path in variants.items():
            env = {**os.environ, "PYTHONPATH": path, "WIJKMODULEN_CACHE_DIR": str(work / f"cache-{name}")}
            envs[name] = env
            run([sys.executable, "-m", "wijkmodulen", "lint", "-q", "kb"], work, env)  # fill the cache
        times: dict[tuple[str, str], list[float]] = {}
        cpu: dict[tuple[str, str], list[float]] = {}
        for round_ in range(args.rounds):
            for name, env in envs.items():
                for mode, extra in (("cold", ["--no-cache"]), ("warm", [])):
                    if mode == "warm":
                        toggle_edit(work)
                    seconds, used, code = run([sys.executable, "-m", "wijkmodulen", "lint", "-q", *extra, "kb"],
                                           work, env)
                    if code != 0:
                        raise SystemExit(f"{name} {mode} exited {code}")
                    times.setdefault((name, mode), []).append(seconds)
                    cpu.setdefault((name, mode), []).append(used)
                    print(f"round {round_ + 1} {name:<6} {mode} {seconds:6.2f} s wall, {used:6.2f} s CPU", flush=True)
        for mode in ("cold", "warm"):
            before, after = (statistics.median(times[(name, mode)]) for name in ("before", "after"))
            before_cpu, after_cpu = (statistics.median(cpu[(name, mode)]) for name in ("before", "after"))
            print(f"lint ({mode}) at {args.size:,} modules: wall before {before:.2f} s, after {after:.2f} s "
                  f"({after / before:.2f}x); CPU before {before_cpu:.2f} s, after {after_cpu:.2f} s "
                  f"({after_cpu / before_cpu:.2f}x); warm = after editing {EDITED}")


if __name__ == "__main__":
    main()
