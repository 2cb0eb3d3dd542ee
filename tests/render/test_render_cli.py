"""`wijkmodulen render` on the command line: outputs, metadata from options and config, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app

from conftest import SHIPPED
from render_helpers import edit

runner = CliRunner()
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


def render(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["render", *args], env=env)
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def test_html_handbook_is_written(tmp_path: Path) -> None:
    code, stdout, stderr = render(str(SHIPPED), "--out", str(tmp_path))
    assert code == 0, stderr
    assert stdout.strip() == (tmp_path / "handboek.html").as_posix()
    assert f"Handboek geschreven naar {(tmp_path / 'handboek.html').as_posix()} (modulen: 39)" in stderr
    text = (tmp_path / "handboek.html").read_text(encoding="utf-8")
    assert text.startswith('<!DOCTYPE html>\n<html lang="nl">')
    assert 'src="http' not in text
    assert "url(http" not in text
    assert "<link" not in text
    # The colophon says the links are editorial, reviewed against the rubric, and read a second time.
    assert ('<p class="uitleg">De koppelingen zijn redactioneel en beoordeeld volgens rubric versie 1. '
            "Elke beoordeling is door een tweede lezer nagelezen.</p>") in text


@pytest.mark.slow
def test_source_date_epoch_makes_output_reproducible(tmp_path: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    assert render(str(SHIPPED), "--out", str(tmp_path / "a"), env=env)[0] == 0
    assert render(str(SHIPPED), "--out", str(tmp_path / "b"), env=env)[0] == 0
    first = (tmp_path / "a" / "handboek.html").read_bytes()
    assert first == (tmp_path / "b" / "handboek.html").read_bytes()
    assert '<time datetime="2023-11-14">14 november 2023</time>' in first.decode()
    for fmt in ("a", "b"):
        assert render(str(SHIPPED), "--format", "markdown", "--out", str(tmp_path / f"md-{fmt}"), env=env)[0] == 0
    files = sorted(p.relative_to(tmp_path / "md-a") for p in (tmp_path / "md-a").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "md-b") for p in (tmp_path / "md-b").rglob("*") if p.is_file())
    for relative in files:
        assert (tmp_path / "md-a" / relative).read_bytes() == (tmp_path / "md-b" / relative).read_bytes()


@pytest.mark.slow
def test_metadata_from_config_and_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "logo.svg").write_text(LOGO, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.wijkmodulen]\nkb = "{SHIPPED.as_posix()}"\n\n[tool.wijkmodulen.render]\n'
        'titel = "Werkboek wijkteam"\nondertitel = "Voor de leergang"\norganisatie = "Welzijn & Co"\n'
        'logo = "logo.svg"\neditie = "2025-1"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, _, stderr = render("--out", "uit", "--editie", "2025-2", "--beroep", "wmw")
    assert code == 0, stderr
    text = (tmp_path / "uit" / "handboek.html").read_text(encoding="utf-8")
    assert "<h1>Werkboek wijkteam</h1>" in text
    assert '<p class="ondertitel">Voor de leergang</p>' in text
    assert '<p class="organisatie">Welzijn &amp; Co</p>' in text
    assert '<p class="editie">Editie 2025-2</p>' in text
    assert '<img class="logo" src="data:image/svg+xml;base64,' in text
    assert 'alt="Logo van Welzijn &amp; Co"' in text
    assert '<p class="selectie">Selectie: beroep Wijkmaatschappelijk werk</p>' in text
    code, _, stderr = render("--out", "md", "--format", "markdown")
    assert code == 0, stderr
    assert (tmp_path / "md" / "docs" / "logo.svg").read_text(encoding="utf-8") == LOGO
    assert 'site_name: "Werkboek wijkteam"' in (tmp_path / "md" / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.slow
def test_stale_module_pages_are_removed(tmp_path: Path) -> None:
    assert render(str(SHIPPED), "--format", "markdown", "--out", str(tmp_path))[0] == 0
    assert len(list((tmp_path / "docs" / "modulen").glob("*.md"))) == 39
    assert render(str(SHIPPED), "--format", "markdown", "--out", str(tmp_path), "--module", "wmw-06")[0] == 0
    assert [p.name for p in (tmp_path / "docs" / "modulen").glob("*.md")] == ["wmw-06.md"]


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "docx"], "Onbekend formaat 'docx'; kies uit: html, pdf, markdown."),
    (["--beroep", "kok"], ("Onbekend beroep 'kok'; kies uit: wijkmaatschappelijk-werk, individueel-opbouwwerk, "
                          "wmw, iow.")),
    (["--module", "wmw-99"], "Onbekende module 'wmw-99'."),
    (["--logo", "/bestaat/niet.png"], "Logo niet gevonden: /bestaat/niet.png"),
    (["--templates", "/bestaat/niet"], "Sjabloonmap niet gevonden: /bestaat/niet"),
])
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    code, _, stderr = render(str(SHIPPED), "--out", str(tmp_path), *args)
    assert code == 2
    assert stderr.strip().splitlines()[-1] == message


def test_bad_source_date_epoch(tmp_path: Path) -> None:
    code, _, stderr = render(str(SHIPPED), "--out", str(tmp_path), env={"SOURCE_DATE_EPOCH": "morgen"})
    assert code == 2
    assert "SOURCE_DATE_EPOCH moet een geheel aantal seconden zijn, niet 'morgen'." in stderr


def test_broken_kb_is_refused(minimal_kb: Path, tmp_path: Path) -> None:
    edit(minimal_kb / "modules" / "wmw-03-eerste-hulp.yaml", "nummer: 3", "numer: 3")
    code, _, stderr = render(str(minimal_kb), "--out", str(tmp_path / "uit"))
    assert code == 2
    assert "De kennisbank heeft 1 bestanden die niet te lezen zijn; draai eerst 'wijkmodulen lint'." in stderr
    assert not (tmp_path / "uit").exists()


def test_broken_user_template_is_a_clear_error(minimal_kb: Path, tmp_path: Path) -> None:
    own = tmp_path / "sjablonen" / "html"
    own.mkdir(parents=True)
    (own / "module.html.j2").write_text("<article>\n{% if m.titel %}\n</article>\n", encoding="utf-8")
    code, _, stderr = render(str(minimal_kb), "--out", str(tmp_path / "uit"), "--templates", str(own.parent))
    assert code == 2
    assert stderr.strip().splitlines()[-1].startswith(f"Fout in sjabloon {(own / 'module.html.j2').as_posix()}, regel 3: ")
