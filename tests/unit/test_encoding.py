"""Every text file is opened with an explicit encoding: the default is the locale's, which is not
UTF-8 on many Windows laptops (cp1252), so a module with "cliënt" would read differently there.
Also subprocess output read as text (git, pre-commit, the tool itself)."""

from __future__ import annotations

import ast

import pytest

from conftest import ROOT

FOLDERS = ("src", "tests", "scripts", "benchmarks")
TEXT_METHODS = {"read_text", "write_text"}
SUBPROCESS = {"run", "check_output", "Popen", "check_call", "call"}


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _is_binary(mode: ast.expr | None) -> bool:
    return isinstance(mode, ast.Constant) and isinstance(mode.value, str) and "b" in mode.value


def unspecified_encodings(source: str) -> list[int]:
    """Lines that open text without saying its encoding."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or _keyword(node, "encoding") is not None:
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "open":
            mode = node.args[1] if len(node.args) > 1 else _keyword(node, "mode")
            if not _is_binary(mode):
                lines.append(node.lineno)
        elif isinstance(func, ast.Attribute) and func.attr in TEXT_METHODS:
            if func.attr == "read_text" or not node.args or len(node.args) < 2:
                lines.append(node.lineno)
        elif isinstance(func, ast.Attribute) and func.attr == "open" and not (
            isinstance(func.value, ast.Name) and func.value.id in {"os", "tarfile", "zipfile", "webbrowser"}
        ):
            mode = node.args[0] if node.args else _keyword(node, "mode")
            if mode is not None and not _is_binary(mode):
                lines.append(node.lineno)
        elif isinstance(func, ast.Attribute) and func.attr in SUBPROCESS:
            text = _keyword(node, "text") or _keyword(node, "universal_newlines")
            if isinstance(text, ast.Constant) and text.value is True:
                lines.append(node.lineno)
    return lines


def test_the_check_finds_each_kind() -> None:
    source = (
        "open(p)\nopen(p, 'rb')\np.read_text()\np.read_text(encoding='utf-8')\np.write_text(s)\n"
        "p.open('w')\np.open('rb')\nsubprocess.run(a, text=True)\nsubprocess.run(a, text=True, encoding='utf-8')\n"
    )
    assert unspecified_encodings(source) == [1, 3, 5, 6, 8]


@pytest.mark.parametrize(
    "path", sorted(p.relative_to(ROOT).as_posix() for folder in FOLDERS for p in (ROOT / folder).rglob("*.py"))
)
def test_text_is_opened_with_an_explicit_encoding(path: str) -> None:
    lines = unspecified_encodings((ROOT / path).read_text(encoding="utf-8"))
    assert lines == [], f"{path}: give encoding= on line(s) {lines}"
