"""`render` with a hostile --out or a broken --templates folder: one clear Dutch line, exit 2, and not
a single file written, changed or removed (neither in the KB nor in the output folder).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from wijkmodulen.cli import app

from platforms import needs_symlinks

runner = CliRunner()


def render(*args: str) -> tuple[int, str]:
    """Exit code and the last line on stderr."""
    result = runner.invoke(app, ["render", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    return result.exit_code, lines[-1] if lines else ""


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder below ``folder`` with its bytes (None for a folder)."""
    return {
        p.relative_to(folder).as_posix(): (None if p.is_dir() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
    }


# --- --out -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", "markdown"])
@pytest.mark.parametrize("inside", [".", "modules", "handboek", "modules/nieuw/diep"])
def test_out_inside_the_kb_is_refused(minimal_kb: Path, fmt: str, inside: str) -> None:
    before = snapshot(minimal_kb)
    out = minimal_kb / inside
    code, message = render(str(minimal_kb), "--format", fmt, "--out", str(out))
    assert code == 2
    assert message == (
        f"--out {out} schrijft in de kennisbank ({minimal_kb}); kies een map buiten de kennisbank, zodat "
        "het handboek geen bestanden van de kennisbank overschrijft of verwijdert."
    )
    assert snapshot(minimal_kb) == before


@needs_symlinks
def test_out_linking_into_the_kb_is_refused(minimal_kb: Path, tmp_path: Path) -> None:
    link = tmp_path / "uit"
    link.symlink_to(minimal_kb / "modules", target_is_directory=True)
    before = snapshot(minimal_kb)
    code, message = render(str(minimal_kb), "--out", str(link))
    assert code == 2
    assert message.startswith(f"--out {link.as_posix()} schrijft in de kennisbank ({minimal_kb.as_posix()});")
    assert snapshot(minimal_kb) == before


def test_markdown_out_whose_docs_folder_is_the_kb_is_refused(minimal_kb: Path, tmp_path: Path) -> None:
    # The Markdown handbook writes OUT/docs/*.md and deletes stale OUT/docs/modulen/*.md: a KB kept
    # in a folder named docs must not receive (or lose) them, although OUT itself is outside it.
    kb = minimal_kb.rename(tmp_path / "docs")
    before = snapshot(kb)
    code, message = render(str(kb), "--format", "markdown", "--out", str(tmp_path))
    assert code == 2
    assert message.startswith(f"--out {tmp_path.as_posix()} schrijft in de kennisbank ({kb.as_posix()});")
    assert snapshot(kb) == before
    assert not (tmp_path / "mkdocs.yml").exists()
    # The HTML handbook writes only OUT/handboek.html: the same --out is fine there.
    code, message = render(str(kb), "--format", "html", "--out", str(tmp_path))
    assert code == 0, message
    assert snapshot(kb) == before


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_out_that_is_an_existing_file_is_refused(minimal_kb: Path, tmp_path: Path, fmt: str) -> None:
    existing = tmp_path / "verslag.txt"
    existing.write_text("mijn eigen tekst\n", encoding="utf-8")
    code, message = render(str(minimal_kb), "--format", fmt, "--out", str(existing))
    assert code == 2
    assert message == f"--out {existing.as_posix()} is een bestaand bestand, geen map; kies een map voor het handboek."
    assert existing.read_text(encoding="utf-8") == "mijn eigen tekst\n"


@pytest.mark.parametrize(("fmt", "blocker", "is_folder"), [
    ("html", "handboek.html", True),
    ("markdown", "mkdocs.yml", True),
    ("markdown", "docs/modulen", False),
])
def test_a_file_or_folder_in_the_way_is_found_before_anything_is_written(
    minimal_kb: Path, tmp_path: Path, fmt: str, blocker: str, is_folder: bool
) -> None:
    out = tmp_path / "uit"
    assert render(str(minimal_kb), "--format", fmt, "--out", str(out))[0] == 0
    (out / "oud.txt").write_text("van vorige keer\n", encoding="utf-8")
    blocked = out / blocker
    if blocked.is_dir():
        for page in blocked.iterdir():
            page.unlink()
        blocked.rmdir()
    else:
        blocked.unlink()
    if is_folder:
        blocked.mkdir()
    else:
        blocked.write_text("in de weg\n", encoding="utf-8")
    before = snapshot(out)
    code, message = render(str(minimal_kb), "--format", fmt, "--out", str(out))
    assert code == 2
    assert message == f"Kan het handboek niet schrijven: {blocked} staat in de weg; er is niets geschreven."
    assert snapshot(out) == before


# --- --templates -------------------------------------------------------------------------------

HTML_MODULE = "html/module.html.j2"
MD_MODULE = "markdown/module.md.j2"

UNDEFINED_ATTRIBUTE = "'{}' has no attribute 'bestaat_niet'"
UNCLOSED_FOR = (
    "Unexpected end of template. Jinja was looking for the following tags: 'endfor' or 'else'. "
    "The innermost block that needs to be closed is 'for'."
)
ZERO = "ZeroDivisionError: integer division or modulo by zero"
# case: (template, its text, the file and line the message names, what the message says)
BROKEN = {
    "syntax": (
        HTML_MODULE, "<article>\n{% for x in m.doelen %}\n</article>\n", HTML_MODULE, 3,
        UNCLOSED_FOR,
    ),
    "undefined-attribute": (
        HTML_MODULE, "<article>\n<h2>{{ m.titel }}</h2>\n{{ m.bestaat_niet }}\n</article>\n", HTML_MODULE, 3,
        UNDEFINED_ATTRIBUTE.format("wijkmodulen.render.context.ModuleView object"),
    ),
    "undefined-name": (MD_MODULE, "# {{ m.titel }}\n\n{{ onbekend }}\n", MD_MODULE, 3, "'onbekend' is undefined"),
    "undefined-macro": (
        HTML_MODULE, '{% import "html/_macros.html.j2" as M %}\n<article>\n{{ M.bestaat_niet(m) }}\n</article>\n',
        HTML_MODULE, 3, UNDEFINED_ATTRIBUTE.format("jinja2.environment.TemplateModule object"),
    ),
    "filter": (
        MD_MODULE, "# {{ m.titel }}\n\n{{ '%d dagen' | format(m.titel) }}\n", MD_MODULE, 3,
        "TypeError: %d format: a real number is required, not str",
    ),
    "one-module-only": (
        MD_MODULE, "# {{ m.titel }}\n{% if m.id == 'wmw-03' %}\n{{ 1 // 0 }}\n{% endif %}\n", MD_MODULE, 3, ZERO,
    ),
    "endless-macro": (
        HTML_MODULE, "{% macro f() %}{{ f() }}{% endmacro %}\n<article>\n{{ f() }}\n</article>\n", HTML_MODULE, 1,
        "RecursionError: maximum recursion depth exceeded",
    ),
    "included": (
        HTML_MODULE, '<article>\n{% include "html/deel.html.j2" %}\n</article>\n', "html/deel.html.j2", 2, ZERO,
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_failing_template_names_file_and_line_and_writes_nothing(
    minimal_kb: Path, tmp_path: Path, case: str
) -> None:
    template, text, named, line, detail = BROKEN[case]
    fmt = "html" if template.startswith("html/") else "markdown"
    own = tmp_path / "sjablonen"
    (own / template).parent.mkdir(parents=True)
    (own / template).write_text(text, encoding="utf-8")
    if case == "included":  # the error is in the included template: that one is named
        (own / "html" / "deel.html.j2").write_text("<p>{{ m.titel }}</p>\n{{ 1 // 0 }}\n", encoding="utf-8")
    out = tmp_path / "uit"
    assert render(str(minimal_kb), "--format", fmt, "--out", str(out))[0] == 0
    before = snapshot(out)
    code, message = render(str(minimal_kb), "--format", fmt, "--out", str(out), "--templates", str(own))
    assert code == 2
    # (a RecursionError's message goes on with where the limit was hit, which varies)
    assert message.startswith(f"Fout in sjabloon {(own / named).as_posix()}, regel {line}: {detail}"), message
    assert snapshot(out) == before
