"""Running the real CLI on a KB with one hostile file in it, in a subprocess with bounds.

Every hostile test copies the minimal KB, adds two known mistakes to it (the *canary*: one file
rule and one rule over the whole KB), puts its hostile file next to them and runs
``python -m wijkmodulen lint`` in a child process with a timeout and a cap on its address space.
It then checks that the hostile file gets its own clear finding, that the canary's findings are
still all there (the rest of the KB was checked), that nothing else was reported, and that no
traceback appeared.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from conftest import MINIMAL

# What the canary leaves behind: 'numer' in wmw-03 (schema, per file) and a reference to a
# module that does not exist in wmw-02 (references, over the whole KB).
CANARY = [
    "WM002 kb/modules/wmw-03-eerste-hulp.yaml:1:1",
    "WM002 kb/modules/wmw-03-eerste-hulp.yaml:6:1",
    "WM103 kb/modules/wmw-02-signaalopvolging.yaml:9:24",
]
ADDRESS_SPACE = 2 * 1024**3  # a runaway child dies of MemoryError instead of taking the machine
# the concise format: one line per finding
FINDING = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>\w+) (?P<code>WM\d+) \S+: (?P<msg>.*)$")


def kb_with_canary(tmp_path: Path) -> Path:
    """``tmp_path/kb``: the minimal KB with the canary's two mistakes."""
    root = tmp_path / "kb"
    shutil.copytree(MINIMAL, root)
    _replace(root / "modules" / "wmw-03-eerste-hulp.yaml", "nummer: 3", "numer: 3")
    _replace(
        root / "modules" / "wmw-02-signaalopvolging.yaml",
        "tegenhangers: [iow-02]\n",
        "tegenhangers: [iow-02]\nverwijzingen: [wmw-01, wmw-77]\n",
    )
    return root


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float  # the child's maximum resident set size

    def findings(self) -> list[str]:
        """Findings as 'CODE file:line:col'."""
        return sorted(
            f"{m['code']} {m['file']}:{m['line']}:{m['col']}"
            for m in map(FINDING.match, self.stdout.splitlines())
            if m
        )


# `python -m wijkmodulen`, after capping the child's own address space (no preexec_fn: unsafe
# with threads). At exit the child writes its peak resident memory in KiB to the file named by
# WIJKMODULEN_TEST_PEAK: on Linux VmHWM (ru_maxrss from wait4 would not do, since Linux carries the
# high-water mark of the forking process, pytest, which grows over a full run, across fork and exec);
# on macOS its own ru_maxrss (in bytes there). The cap is set on Linux only (macOS does not enforce
# RLIMIT_AS the same way, and a process there reserves more address space than it uses); Windows has
# no `resource` module, so its peak is unknown (tests that check it are marked needs_peak_memory).
_BOUNDED_MAIN = (
    "import atexit, os, runpy, sys\n"
    "try:\n"
    "    import resource\n"
    "except ImportError:\n"
    "    resource = None\n"
    "def peak():\n"
    "    if sys.platform.startswith('linux'):\n"
    "        return next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:'))\n"
    "    return str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
    "if sys.platform.startswith('linux'):\n"
    f"    resource.setrlimit(resource.RLIMIT_AS, ({ADDRESS_SPACE}, {ADDRESS_SPACE}))\n"
    "if resource is not None:\n"
    "    atexit.register(lambda: open(os.environ['WIJKMODULEN_TEST_PEAK'], 'w').write(peak()))\n"
    "sys.argv[0] = 'wijkmodulen'; runpy.run_module('wijkmodulen', run_name='__main__', alter_sys=True)\n"
)


def run_cli(
    args: Sequence[str], cwd: Path, timeout: float = 60, prefix: Sequence[str] = ()
) -> Run:
    """``[prefix] python -m wijkmodulen <args>`` in ``cwd``; killed after ``timeout`` seconds."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "400", "PYTHONIOENCODING": "utf-8"}
    out_path, err_path, peak_path = cwd / ".stdout", cwd / ".stderr", cwd / ".peak"
    env["WIJKMODULEN_TEST_PEAK"] = str(peak_path)
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.monotonic()
        process = subprocess.Popen(
            [*prefix, sys.executable, "-c", _BOUNDED_MAIN, *args],
            cwd=cwd, stdout=out, stderr=err, env=env,
        )
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            process.wait()
        finally:
            timer.cancel()
        seconds = time.monotonic() - start
    assert seconds < timeout, f"killed after {timeout} s"
    stdout = out_path.read_bytes().decode("utf-8", errors="replace")
    stderr = err_path.read_bytes().decode("utf-8", errors="replace")
    out_path.unlink()
    err_path.unlink()
    peak_kb = int(peak_path.read_text(encoding="utf-8")) if peak_path.exists() else float("inf")
    peak_path.unlink(missing_ok=True)
    return Run(process.returncode, stdout, stderr, seconds, peak_kb / 1024)


def lint_kb(tmp_path: Path, *options: str, timeout: float = 60, prefix: Sequence[str] = ()) -> Run:
    return run_cli(["lint", "kb", "--format", "concise", *options], tmp_path, timeout, prefix)


def assert_refused(run: Run, expected: Sequence[str], message: str) -> None:
    """The hostile findings ``expected`` (and the canary's) exactly, each saying ``message``
    (with no hostile findings: some finding says it); exit 1; no traceback."""
    assert "Traceback" not in run.stdout + run.stderr, run.stderr
    assert run.code == 1, (run.code, run.stdout, run.stderr)
    assert run.findings() == sorted([*CANARY, *expected]), run.stdout
    for finding in expected:
        location = finding.split(" ", 1)[1]
        lines = [line for line in run.stdout.splitlines() if line.startswith(location + ": ")]
        assert len(lines) == 1, run.stdout
        assert message in lines[0], lines[0]
    assert message in run.stdout, run.stdout
