"""The editor server measured with a real LSP client over stdio (pytest-lsp's client).

    python benchmarks/lsp.py [--sizes 0,10000] [--edits 40] [--write]

Size 0 is the shipped KB (data/); other sizes are corpora made by make_corpus.py, in which one
module in a hundred gets a placeholder title (`TODO:`, a lint error), so that the KB has findings
to show as a KB being written has. Per KB: cold `lint --no-cache` (wall time, CPU time, peak
memory) as the reference; then the server: from starting the process to its first
`publishDiagnostics`, and to having the diagnostics of the whole KB; its CPU time for that start;
`didChange` of one module (a word in its title, back and forth) to its `publishDiagnostics`; a
completion of competence ids; the server's peak resident memory (VmHWM). With --write, the results
go into BENCHMARKS.md between their markers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from make_corpus import make_corpus  # a sibling script, found through sys.path above

BIN = Path(sys.executable).parent
START, END = "<!-- lsp-results:start -->", "<!-- lsp-results:end -->"
MODULE = "modules/wmw-01-aanmelding.yaml"


def seed_findings(kb: Path) -> int:
    """A placeholder title in one module of a hundred (not the one the benchmark edits)."""
    seeded = 0
    for index, path in enumerate(sorted((kb / "modules").glob("*.yaml"))):
        if index % 100 != 50 or path.name == Path(MODULE).name:
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        line = next(i for i, current in enumerate(lines) if current.startswith("titel: "))
        lines[line] = "titel: " + json.dumps("TODO: " + lines[line].removeprefix("titel: "), ensure_ascii=False)
        path.write_text("\n".join(lines), encoding="utf-8")
        seeded += 1
    return seeded


def cold_lint(kb: Path) -> tuple[float, float, float]:
    """Wall time, CPU time (user + system) and peak memory of a cold lint."""
    start = time.perf_counter()
    process = subprocess.Popen([str(BIN / "wijkmodulen"), "lint", str(kb), "--no-cache", "-q"], cwd=kb,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def cpu_seconds(pid: int) -> float:
    """User + system time of a running process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def measure_server(kb: Path, edits: int) -> dict[str, float]:
    started = time.perf_counter()
    client: LanguageClient = await ClientServerConfig(  # type: ignore[assignment]
        server_command=[str(BIN / "wijkmodulen"), "lsp"]).start()
    first: list[float] = []

    async def first_diagnostics() -> None:
        await client.protocol.wait_for_notification_async(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        first.append(time.perf_counter() - started)

    waiting_first = asyncio.ensure_future(first_diagnostics())
    await client.initialize_session(lsp.InitializeParams(capabilities=lsp.ClientCapabilities(), root_uri=kb.as_uri()))
    module = kb / MODULE
    text = module.read_text(encoding="utf-8")
    uri = module.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "yaml", 1, text)))
    # The server handles messages in order: this answer comes after the whole KB was published.
    await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(lsp.TextDocumentIdentifier(uri)))
    whole = time.perf_counter() - started
    await waiting_first
    assert client._server is not None
    start_cpu = cpu_seconds(client._server.pid)
    latencies = []
    for version in range(2, edits + 2):
        edited = text.replace("titel: ", "titel: Herziene " if version % 2 == 0 else "titel: ", 1)
        waiting = client.protocol.wait_for_notification_async(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        begin = time.perf_counter()
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(version=version, uri=uri),
            [lsp.TextDocumentContentChangeWholeDocument(text=edited)]))
        await waiting
        latencies.append(time.perf_counter() - begin)
    line = next(i for i, current in enumerate(text.split("\n")) if "competenties: [" in current)
    column = text.split("\n")[line].index("[") + 1
    completions = []
    for _ in range(20):
        begin = time.perf_counter()
        await client.text_document_completion_async(lsp.CompletionParams(
            lsp.TextDocumentIdentifier(uri), lsp.Position(line, column)))
        completions.append(time.perf_counter() - begin)
    memory = peak_mb(client._server.pid)
    await client.shutdown_session()
    return {"first": first[0], "whole": whole, "start_cpu": start_cpu, "change": statistics.median(latencies), "change_p90": sorted(latencies)[int(0.9 * len(latencies))],
            "completion": statistics.median(completions), "memory": memory}


def report(rows: list[tuple[str, dict[str, float]]]) -> str:
    lines = [
        ("| KB | cold lint: wall, CPU, memory | server start to first diagnostics | to all diagnostics "
         "| server CPU for the start | didChange → publishDiagnostics (median, p90) "
         "| completion (median) | server peak memory |"),
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, r in rows:
        lines.append(
            f"| {name} | {r['lint']:.2f} s, {r['lint_cpu']:.2f} s, {r['lint_mb']:.0f} MB "
            f"| {r['first']:.2f} s ({r['first'] / r['lint']:.2f} × lint) | {r['whole']:.2f} s "
            f"| {r['start_cpu']:.2f} s ({r['start_cpu'] / r['lint_cpu']:.2f} × lint) "
            f"| {r['change'] * 1000:.0f} ms, {r['change_p90'] * 1000:.0f} ms | {r['completion'] * 1000:.1f} ms "
            f"| {r['memory']:.0f} MB ({r['memory'] / r['lint_mb']:.2f} × lint) |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,10000")
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for size in (int(s) for s in args.sizes.split(",")):
            if size == 0:
                kb, name = Path(work) / "shipped", "shipped KB (39 modules)"
                shutil.copytree(ROOT / "data", kb)
            else:
                kb, name = Path(work) / f"corpus-{size}", f"{size:,} modules"
                make_corpus(size, kb)
                seed_findings(kb)
            lint_seconds, lint_cpu, lint_mb = cold_lint(kb)
            result = asyncio.run(measure_server(kb, args.edits))
            result.update(lint=lint_seconds, lint_cpu=lint_cpu, lint_mb=lint_mb)
            rows.append((name, result))
            print(name, {k: round(v, 4) for k, v in result.items()}, flush=True)
    table = report(rows)
    print(table)
    if args.write:
        path = ROOT / "BENCHMARKS.md"
        text = path.read_text(encoding="utf-8")
        stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
        block = (f"{START}\nMeasured {stamp}, load average {load} (1, 5, 15 minutes) on a 2-core machine shared "
                 f"with other work; per KB, lint and then the server, one after the other.\n\n{table}\n{END}")
        if START in text:
            text = text[: text.index(START)] + block + text[text.index(END) + len(END):]
        else:
            text += f"\n## Editor server (`benchmarks/lsp.py`)\n\n{block}\n"
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
