"""`wijkmodulen new`: next number, valid id and file name, placeholders that lint flags."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import Result
from typer.testing import CliRunner

from wijkmodulen.cli import app
from wijkmodulen.fmt.formatter import format_text
from wijkmodulen.load.kb import load_knowledge_base
from wijkmodulen.model import Module
from wijkmodulen.new_module import slug

from conftest import SHIPPED, findings

runner = CliRunner()


def _new(kb: Path, *args: str) -> Result:
    return runner.invoke(app, ["new", "--kb", str(kb), *args])


def test_new_module_in_the_minimal_kb(minimal_kb: Path) -> None:
    result = _new(minimal_kb, "--beroep", "wijkmaatschappelijk-werk", "--cluster", "Concrete dienstverlening",
                  "Hulp bij de belastingaangifte")
    assert result.exit_code == 0, result.output
    path = minimal_kb / "modules" / "wmw-04-hulp-bij-de-belastingaangifte.yaml"
    assert result.stdout == (
        f"{path} geschreven (wmw-04, nummer 4); vul de secties in en draai `wijkmodulen lint`.\n"
    )
    module = load_knowledge_base(minimal_kb).modules["wmw-04"].model
    assert (module.titel, module.nummer, module.functie) == ("Hulp bij de belastingaangifte", 4, "uitvoeringsfuncties")
    text = path.read_text(encoding="utf-8")
    assert format_text(text, Module)[0] == text  # written in the canonical style
    own = [f for f in findings(minimal_kb) if "wmw-04" in f]
    # Every section's placeholder is flagged, and the source must be named; nothing else.
    assert sorted(f.split()[0] for f in own) == ["WM103"] + ["WM202"] * 8
    assert [f for f in findings(minimal_kb) if "wmw-04" not in f] == []


def test_next_number_per_profession_in_the_shipped_data(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(SHIPPED, kb)
    result = _new(kb, "--beroep", "individueel-opbouwwerk", "--cluster", "kwartiermaken", "Kwartiermaken in de school")
    assert result.exit_code == 0, result.output
    module = load_knowledge_base(kb).modules["iow-21"].model
    assert module.cluster == "Kwartiermaken"
    assert (kb / "modules" / "iow-21-kwartiermaken-in-de-school.yaml").is_file()


def test_unknown_beroep_and_cluster_list_the_choices(minimal_kb: Path) -> None:
    result = _new(minimal_kb, "--beroep", "opbouwwerk", "--cluster", "x", "Titel")
    assert result.exit_code == 2
    assert "Onbekend beroep 'opbouwwerk'; kies uit: wijkmaatschappelijk-werk, individueel-opbouwwerk." in (
        result.output)
    result = _new(minimal_kb, "--beroep", "wijkmaatschappelijk-werk", "--cluster", "Nazorg", "Titel")
    assert result.exit_code == 2
    assert ("Onbekend cluster 'Nazorg' bij wijkmaatschappelijk-werk; kies uit: Aanmelding en intake; "
            "Concrete dienstverlening.") in result.output
    assert max(p.name for p in (minimal_kb / "modules").iterdir()) == "wmw-03-eerste-hulp.yaml"


def test_slug() -> None:
    assert slug("Eerste hulp bij financiële problemen") == "eerste-hulp-bij-financiele-problemen"
    assert slug("Praktische en materiële dienstverlening/begeleiding") == (
        "praktische-en-materiele-dienstverlening-begeleiding")
    assert len(slug("Opbouwen en versterken van een informeel netwerk rond en met de wijkbewoner en meer")) <= 60
