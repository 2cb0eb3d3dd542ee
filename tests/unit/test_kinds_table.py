"""A kind of KB file added through the kinds table alone (model/kinds.py) is loaded, linted for its
schema and its references, exported as a JSON Schema, counted by `summary`, resolved by `xref show`
and compared by `diff`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import Field
from typer.testing import CliRunner

from wijkmodulen.cli import app
from wijkmodulen.load.kb import load_knowledge_base
from wijkmodulen.messages.nl import CATALOGUE
from wijkmodulen.model import kinds
from wijkmodulen.model.common import SLUG_ID, Strict

from gitrepo import GitRepo

runner = CliRunner()


class Methodiek(Strict):
    """A method the modules apply (a fixture kind: not part of the shipped KB)."""

    id: str = Field(pattern=SLUG_ID)
    titel: str
    modules: list[str] = Field(default_factory=list)


METHODIEK = kinds.Kind(
    "methodiek", "kind.methodiek", (Methodiek,), folder="methodieken",
    indexes=(kinds.Index("methodiek", SLUG_ID, "summary.other"),),
    references=(("modules", "module"),),
)


@pytest.fixture
def methodieken(minimal_kb: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setitem(CATALOGUE, "kind.methodiek", "methodiek")
    monkeypatch.setitem(CATALOGUE, "kind.plural.methodiek", "methodieken")
    monkeypatch.setitem(CATALOGUE, "index.methodiek", "methodiek")
    kinds.register(METHODIEK)
    folder = minimal_kb / "methodieken"
    folder.mkdir()
    (folder / "krachtgericht.yaml").write_text(
        "id: krachtgericht\ntitel: Krachtgericht werken\nmodules: [wmw-01, wmw-03]\n", encoding="utf-8"
    )
    (folder / "netwerk.yaml").write_text("id: netwerk\ntitel: Netwerkberaad\nmodules: [wmw-99]\n", encoding="utf-8")
    (folder / "oplossing.yaml").write_text("id: oplossing\ntitle: Oplossingsgericht\n", encoding="utf-8")
    yield minimal_kb
    kinds.unregister("methodiek")


def test_a_new_kind_is_loaded(methodieken: Path) -> None:
    kb = load_knowledge_base(methodieken)
    assert sorted(kb.index("methodiek")) == ["krachtgericht", "netwerk"]
    assert kb.index("methodiek")["krachtgericht"].model.modules == ["wmw-01", "wmw-03"]


def test_a_new_kind_is_linted_for_schema_and_references(methodieken: Path) -> None:
    result = runner.invoke(app, ["lint", str(methodieken), "--format", "json", "--no-cache"])
    assert result.exit_code == 1, result.output
    found = {(p["code"], Path(p["file"]).name, p["line"]) for p in json.loads(result.stdout)["problems"]}
    assert ("WM103", "netwerk.yaml", 3) in found
    assert ("WM002", "oplossing.yaml", 2) in found
    assert not any(name == "krachtgericht.yaml" for _, name, _ in found)


def test_a_new_kind_has_a_json_schema(methodieken: Path, tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    result = runner.invoke(app, ["schema", "--out", str(out)])
    assert result.exit_code == 0, result.output
    schema = json.loads((out / "methodiek.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == "methodiek.schema.json"
    assert set(schema["required"]) == {"id", "titel"}


def test_a_new_kind_is_counted_by_summary(methodieken: Path) -> None:
    result = runner.invoke(app, ["summary", str(methodieken)])
    assert result.exit_code == 0, result.output
    assert "methodiek: 2" in result.stdout


def test_the_table_is_as_before_without_the_fixture() -> None:
    assert kinds.folders() == ("modules", "competenties", "kennisbouwstenen", "inleiding")


def test_a_new_kind_is_resolved_by_xref(methodieken: Path) -> None:
    result = runner.invoke(app, ["show", "KRACHTGERICHT", "--kb", str(methodieken)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == ["krachtgericht Krachtgericht werken", "  Soort: methodiek"]
    unknown = runner.invoke(app, ["show", "krachtgerich", "--kb", str(methodieken)])
    assert unknown.exit_code == 2
    assert "bedoel je 'krachtgericht'?" in unknown.output


@pytest.mark.slow
def test_a_new_kind_is_compared_by_diff(methodieken: Path, tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    (methodieken / "methodieken" / "oplossing.yaml").unlink()  # broken on purpose above; not the point here
    methodieken.rename(repo.root / "data")
    first = repo.commit("basis")
    repo.edit("data/methodieken/krachtgericht.yaml", "modules: [wmw-01, wmw-03]", "modules: [wmw-01]")
    repo.write("data/methodieken/systeem.yaml", "id: systeem\ntitel: Systeemgericht werken\n")
    repo.commit("methods changed")
    kb = str(repo.root / "data")
    text = runner.invoke(app, ["diff", first, "HEAD", "--kb", kb, "--stat"])
    assert text.exit_code == 0, text.output
    assert "methodiek krachtgericht" in text.stdout
    assert "methodiek systeem" in text.stdout
    markdown = runner.invoke(app, ["diff", first, "HEAD", "--kb", kb, "--format", "markdown"])
    assert "| methodieken | 1 | 0 | 0 | 1 |" in markdown.stdout
    report = json.loads(runner.invoke(app, ["diff", first, "HEAD", "--kb", kb, "--format", "json"]).stdout)
    assert report["summary"]["methodieken"] == {"added": 1, "removed": 0, "renamed": 0, "changed": 1}
    assert {(item["kind"], item["id"] if "id" in item else item["new_id"]) for item in report["items"]} == {
        ("methodiek", "krachtgericht"), ("methodiek", "systeem"),
    }
