"""Compiled templates are kept for the process: a second environment does not compile a template
again, an edited template is compiled anew, and kept code runs in the sandbox of whichever
environment renders it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wijkmodulen.render.templates import CompiledTemplates, RenderError, make_environment, render_template


def _counting(env: Any) -> list[str]:
    compiled: list[str] = []
    real = env.compile

    def compile_counted(source: str, name: str | None = None, filename: str | None = None, *args: Any) -> Any:
        compiled.append(name or "")
        return real(source, name, filename, *args)

    env.compile = compile_counted
    return compiled


def test_a_second_environment_reuses_the_compiled_template(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "groet.html").write_text("Dag {{ naam }}!", encoding="utf-8")
    first = make_environment(templates, autoescape=True)
    compiled_first = _counting(first)
    assert render_template(first, "groet.html", naam="<Ans>") == "Dag &lt;Ans&gt;!"
    assert compiled_first == ["groet.html"]
    second = make_environment(templates, autoescape=True)
    compiled_second = _counting(second)
    assert render_template(second, "groet.html", naam="Bo") == "Dag Bo!"
    assert compiled_second == []
    # edited on disk (as while `serve` runs): compiled anew, and the new text is what renders
    (templates / "groet.html").write_text("Hallo {{ naam }}.", encoding="utf-8")
    third = make_environment(templates, autoescape=True)
    compiled_third = _counting(third)
    assert render_template(third, "groet.html", naam="Bo") == "Hallo Bo."
    assert compiled_third == ["groet.html"]


def test_escaping_is_part_of_what_was_compiled(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "t.txt").write_text("{{ '<b>' }}{{ x }}", encoding="utf-8")
    escaped = make_environment(templates, autoescape=True)
    plain = make_environment(templates, autoescape=False)
    assert render_template(escaped, "t.txt", x="<i>") == "&lt;b&gt;&lt;i&gt;"
    assert render_template(plain, "t.txt", x="<i>") == "<b><i>"


def test_kept_code_still_runs_in_the_sandbox(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "boos.html").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8")
    for _ in range(2):  # compiled, then kept: refused both times
        with pytest.raises(RenderError, match=r"boos\.html"):
            render_template(make_environment(templates, autoescape=True), "boos.html")


def test_the_least_recently_used_are_dropped() -> None:
    from jinja2 import Environment
    from jinja2.bccache import Bucket

    kept = CompiledTemplates(size=2)
    env = Environment()
    for name in ("a", "b", "c"):
        bucket = Bucket(env, name, "sum")
        bucket.code = compile("x = 1", name, "exec")
        kept.dump_bytecode(bucket)
    found = []
    for name in ("a", "b", "c"):
        bucket = Bucket(env, name, "sum")
        kept.load_bytecode(bucket)
        found.append(bucket.code is not None)
    assert found == [False, True, True]
    other = Bucket(env, "c", "another sum")  # the same name, other text: not taken
    kept.load_bytecode(other)
    assert other.code is None


def test_only_a_users_folder_makes_the_environment_sandboxed(tmp_path: Path) -> None:
    from jinja2.sandbox import SandboxedEnvironment

    from wijkmodulen.render.templates import packaged_templates

    assert not isinstance(make_environment(None, autoescape=True), SandboxedEnvironment)
    assert isinstance(make_environment(tmp_path, autoescape=True), SandboxedEnvironment)
    # the packaged templates give the same handbook either way
    from wijkmodulen.render.html import render_html

    from conftest import MINIMAL
    from render_helpers import handbook

    book = handbook(MINIMAL)
    assert render_html(book, packaged_templates()) == render_html(book, None)
