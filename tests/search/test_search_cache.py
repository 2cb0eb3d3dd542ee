"""The search cache: the stored index ranks exactly as the index built on the fly, an edit re-reads
that file only, and a cache file someone else could have chosen (a link, a folder others may
write, garbage, another version) is never used."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app
from wijkmodulen.load.kb import load_knowledge_base
from wijkmodulen.load.limits import Limits
from wijkmodulen.search.cache import SETTLE_NS, Searchable, cache_file, searchable
from wijkmodulen.search.run import Filters, SearchResult, kb_index, search_index

from conftest import SHIPPED
from golden import golden_queries, misses

LIMITS = Limits()
QUERIES = [g.vraag for g in golden_queries()] + ["schulden", "gesprekken", "netwerk", "de het een", "xyzzy"]
EDITED = "modules/wmw-06-eerste-hulp-bij-financiele-problemen.yaml"


def shown(result: SearchResult) -> list[tuple[str, int, int, str]]:
    return [(hit.doc.id, hit.matched, hit.points, hit.snippet) for hit in result.hits]


def run(kb: Path, cache: Path, version: str | None = None, limits: Limits = LIMITS) -> Searchable:
    """A search's index from the cache, its file closed (a test that searches it opens its own)."""
    found = searchable(kb, limits, cache, version)
    found.close()
    return found


def opened(kb: Path, cache: Path) -> Searchable:
    return searchable(kb, LIMITS, cache)


def assert_same_as_on_the_fly(kb: Path, cache: Path) -> None:
    fly_index = kb_index(load_knowledge_base(kb))
    found = opened(kb, cache)
    try:
        for query in QUERIES:
            for filters in (Filters(), Filters(beroepen=("wmw",)), Filters(competenties=("4S",))):
                cached = search_index(found.index, query, filters, limit=None)
                fly = search_index(fly_index, query, filters, limit=None)
                assert (shown(cached), cached.total, cached.stems) == (shown(fly), fly.total, fly.stems), query
    finally:
        found.close()


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(SHIPPED, target)
    return target


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    return folder


@pytest.mark.slow  # compares every golden query with the index built anew, or starts a process
def test_the_stored_index_ranks_as_the_index_built_on_the_fly(kb: Path, cache: Path) -> None:
    first = run(kb, cache)
    assert (first.run.used, first.run.written) == ("new", True)
    assert_same_as_on_the_fly(kb, cache)  # from the stored index
    again = run(kb, cache)
    assert again.run.used == "stored"
    # One module edited: only that file is read again, and the rankings still agree.
    module = kb / EDITED
    module.write_text(module.read_text(encoding="utf-8").replace(
        "titel: Eerste hulp bij financiële problemen", "titel: Eerste hulp bij schulden en eenzaamheid"),
        encoding="utf-8")
    edited = run(kb, cache)
    assert (edited.run.used, edited.run.read) == ("updated", [EDITED])
    assert_same_as_on_the_fly(kb, cache)
    found = opened(kb, cache)
    result = search_index(found.index, "eenzaamheid")
    found.close()
    assert [hit.doc.id for hit in result.hits] == ["wmw-06"]


def test_the_golden_queries_pass_with_a_warm_cache(kb: Path, cache: Path) -> None:
    run(kb, cache)
    found = opened(kb, cache)
    assert found.run.used == "stored"
    try:
        for golden in golden_queries():
            result = search_index(found.index, golden.vraag, limit=None)
            assert misses(golden, [hit.doc.id for hit in result.hits], result.total) == [], golden.vraag
    finally:
        found.close()


def test_hit_miss_and_invalidation_file_by_file(kb: Path, cache: Path) -> None:
    assert run(kb, cache).run.used == "new"
    assert run(kb, cache).run.used == "stored"
    # Touched, same bytes: still the stored index.
    module = kb / EDITED
    os.utime(module, ns=(1, 1))
    assert run(kb, cache).run.used == "stored"
    # A new module: only it is read.
    new = kb / "modules" / "wmw-40-nieuw.yaml"
    shutil.copy(kb / EDITED, new)
    new.write_text(new.read_text(encoding="utf-8").replace("id: wmw-06", "id: wmw-40").replace(
        "nummer: 6", "nummer: 40"), encoding="utf-8")
    added = run(kb, cache)
    assert (added.run.used, added.run.read) == ("updated", ["modules/wmw-40-nieuw.yaml"])
    assert "wmw-40" in [doc.id for doc in added.index.docs]
    # Removed again: nothing to read, the document is gone.
    new.unlink()
    removed = run(kb, cache)
    assert (removed.run.used, removed.run.read) == ("updated", [])
    assert "wmw-40" not in [doc.id for doc in removed.index.docs]
    # A broken file is counted, left out, and read again only when it changes.
    module.write_text("id: [\n", encoding="utf-8")
    broken = run(kb, cache)
    assert (broken.run.read, broken.broken) == ([EDITED], 1)
    assert "wmw-06" not in [doc.id for doc in broken.index.docs]
    stored = run(kb, cache)
    assert (stored.run.used, stored.broken) == ("stored", 1)
    # Another tool version or other limits: a new index.
    assert run(kb, cache, version="0.0.1").run.used == "new"
    assert run(kb, cache, limits=Limits(max_depth=10)).run.used == "new"


def _stored(kb: Path, cache: Path) -> Path:
    run(kb, cache)
    file = cache_file(kb, cache)
    assert file.is_file()
    return file


def test_a_cache_file_that_is_a_link_is_neither_read_nor_written_through(kb: Path, cache: Path,
                                                                         tmp_path: Path) -> None:
    file = _stored(kb, cache)
    elsewhere = tmp_path / "elsewhere.json"
    file.rename(elsewhere)
    before = elsewhere.read_bytes()
    file.symlink_to(elsewhere)
    found = run(kb, cache)
    assert (found.run.used, found.run.written) == ("new", False)
    assert elsewhere.read_bytes() == before
    assert file.is_symlink()


def test_a_cache_folder_others_may_write_is_not_used(kb: Path, cache: Path) -> None:
    file = _stored(kb, cache)
    cache.chmod(0o777)
    stamp = file.stat().st_mtime_ns
    found = run(kb, cache)
    assert (found.run.used, found.run.written) == ("new", False)
    assert file.stat().st_mtime_ns == stamp
    cache.chmod(0o700)
    file.chmod(0o666)  # the file itself writable by others
    assert run(kb, cache).run.used == "new"


@pytest.mark.slow  # compares every golden query with the index built anew, or starts a process
@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda text: b"\x80\x05garbage\n" + text, id="garbage"),
        pytest.param(lambda text: text[: len(text) // 2], id="cut-short"),
        pytest.param(lambda text: text.replace(b"search-cache 1\t", b"search-cache 9\t", 1), id="other-format"),
        pytest.param(lambda text: text.split(b"\n", 1)[0] + b"\n{\"dirs\": 5}\n", id="wrong-shape"),
        pytest.param(lambda text: text.split(b"\n", 1)[0] + b"\n[[[[[[[[[[\n", id="not-json"),
    ],
)
def test_a_damaged_cache_is_ignored(kb: Path, cache: Path, damage: object) -> None:
    file = _stored(kb, cache)
    file.write_bytes(damage(file.read_bytes()))  # type: ignore[operator]
    found = run(kb, cache)
    assert (found.run.used, found.run.written) == ("new", True)
    assert_same_as_on_the_fly(kb, cache)


def test_points_that_do_not_fit_the_documents_are_not_used(kb: Path, cache: Path) -> None:
    """A stored list of points that names a document the table does not have: the search goes without
    the cache instead of failing."""
    file = _stored(kb, cache)
    head, table_line, _ = file.read_bytes().split(b"\n", 2)
    table = json.loads(table_line)
    offset, length = table["terms"]["schuld"]
    start = len(head) + 1 + len(table_line) + 1 + offset
    data = bytearray(file.read_bytes())
    planted = b"[99999,1]".ljust(length, b" ")  # valid JSON, the same length, a document that is not there
    data[start:start + length] = planted
    file.write_bytes(bytes(data))
    found = opened(kb, cache)
    assert found.run.used == "stored"
    with pytest.raises(ValueError, match="schuld"):
        search_index(found.index, "schulden")
    found.close()
    result = CliRunner().invoke(app, ["zoek", "schulden", str(kb)], env={"WIJKMODULEN_CACHE_DIR": str(cache)})
    assert result.exit_code == 0, result.output
    assert "1. wmw-07" in result.stdout


def test_the_command_line_uses_the_cache_unless_told_not_to(kb: Path, cache: Path) -> None:
    runner = CliRunner()
    env = {"WIJKMODULEN_CACHE_DIR": str(cache)}
    without = runner.invoke(app, ["zoek", "schulden", str(kb), "--no-cache"], env=env)
    assert without.exit_code == 0, without.output
    assert list(cache.iterdir()) == []
    cold = runner.invoke(app, ["zoek", "schulden", str(kb), "--beroep", "wmw", "--format", "json"], env=env)
    warm = runner.invoke(app, ["zoek", "schulden", str(kb), "--beroep", "wmw", "--format", "json"], env=env)
    assert [p.name for p in cache.iterdir()] == [cache_file(kb, cache).name]
    assert cold.exit_code == warm.exit_code == 0
    assert cold.stdout == warm.stdout
    assert [hit["id"] for hit in json.loads(warm.stdout)["treffers"]] == ["wmw-07", "wmw-06", "wmw-05"]
    wrong = runner.invoke(app, ["zoek", "x", str(kb), "--cluster", "Nergens"], env=env)
    assert wrong.exit_code == 2
    assert "Onbekend cluster 'Nergens'" in wrong.output


WARM_SEARCH = """
import sys
import time
from pathlib import Path
from wijkmodulen.app import Workspace
from wijkmodulen.search.formats import format_json, format_text
from wijkmodulen.search.run import Filters
workspace = Workspace.open(Path(sys.argv[1]), must_exist=False)
found = workspace.searchable()
workspace.require_kb()
result = workspace.search("schulden", Filters(), 10, found=found)
format_text(result)
format_json(result)
print(found.run.used)
print(" ".join(sorted(m for m in sys.modules if m.startswith(("wijkmodulen.render", "wijkmodulen.model",
                                                              "wijkmodulen.load.kb", "rich", "jinja2")))))
"""


@pytest.mark.slow  # compares every golden query with the index built anew, or starts a process
def test_a_warm_search_loads_no_models_renderer_or_console(kb: Path, cache: Path) -> None:
    """What zoek runs (cli/zoek_cmd.py without the command line around it) with a stored index, once
    the copied KB has settled (a folder changed within the last two seconds is listed again)."""
    run(kb, cache)
    time.sleep(SETTLE_NS / 1e9 + 0.1)
    assert run(kb, cache).run.used == "stored"  # the statuses stored now that they have settled
    env = {**os.environ, "WIJKMODULEN_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", WARM_SEARCH, str(kb)], capture_output=True, text=True,
                          encoding="utf-8", env=env, check=True)
    assert done.stdout.split("\n")[:2] == ["stored", ""], done.stdout
