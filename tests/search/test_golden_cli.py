"""The golden queries on the shipped KB: through the search domain on one index (quick, for the
edit-test loop), and each through `wijkmodulen zoek --format json`, which loads the KB and builds
the index anew every time (slow)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app
from wijkmodulen.search.index import SearchIndex
from wijkmodulen.search.query import search
from wijkmodulen.search.run import kb_index

from conftest import SHIPPED, shipped_kb
from golden import Golden, golden_queries, misses

QUERIES = golden_queries()


def test_the_golden_set_is_large_enough() -> None:
    assert len(QUERIES) >= 30
    assert len({g.vraag for g in QUERIES}) == len(QUERIES)


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return kb_index(shipped_kb())


def test_every_golden_query_on_one_index(index: SearchIndex) -> None:
    failed = {}
    for golden in QUERIES:
        hits, total = search(index, golden.vraag)
        if problems := misses(golden, [hit.doc.id for hit in hits], total):
            failed[golden.vraag] = problems
    assert failed == {}


@pytest.mark.slow
@pytest.mark.parametrize("golden", QUERIES, ids=[g.vraag for g in QUERIES])
def test_golden_query(golden: Golden) -> None:
    result = CliRunner().invoke(app, ["zoek", golden.vraag, str(SHIPPED), "--format", "json", "--aantal", "0"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    ranked = [hit["id"] for hit in data["treffers"]]
    assert misses(golden, ranked, data["aantal"]) == []


def test_a_miss_is_reported() -> None:
    """The rule the golden queries are held to can fail."""
    golden = Golden("x", ("wmw-01",))
    assert misses(golden, ["wmw-02", "wmw-03", "wmw-04", "wmw-05", "wmw-06", "wmw-01"], 6) != []
    assert misses(Golden("x", ()), ["wmw-01"], 1) != []
