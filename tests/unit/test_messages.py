"""User-facing text lives in wijkmodulen.messages only, and every key used exists there."""

from __future__ import annotations

import ast
from pathlib import Path

from source_trees import source_tree
from wijkmodulen.messages import NL
from wijkmodulen.messages.nl import PARTS

SRC = Path(__file__).resolve().parents[2] / "src" / "wijkmodulen"
SHOWN_TO_USERS = {"print", "echo", "secho", "Finding", "Problem", "LoadIssue", "YamlProblem", "_fail", "Option",
                  "Argument", "Typer", "command"}


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _prose(node: ast.expr) -> bool:
    # Prose: a literal with a letter and a space; ids, codes and formats are not prose.
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value.strip() and any(
        ch.isalpha() for ch in node.value
    )


def _sources() -> list[Path]:
    return [p for p in sorted(SRC.rglob("*.py")) if "messages" not in p.relative_to(SRC).parts]


def test_no_user_facing_literal_outside_the_catalogue() -> None:
    offenders = []
    for path in _sources():
        for node in ast.walk(source_tree(path)):
            if not isinstance(node, ast.Call) or _call_name(node) not in SHOWN_TO_USERS:
                continue
            arguments = [*node.args, *(k.value for k in node.keywords)]
            for argument in arguments:
                values = argument.values if isinstance(argument, ast.JoinedStr) else [argument]
                if any(_prose(v) for v in values):
                    offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert offenders == []


def test_every_message_key_used_exists() -> None:
    missing = []
    for path in _sources():
        for node in ast.walk(source_tree(path)):
            if isinstance(node, ast.Call) and _call_name(node) == "t" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and first.value not in NL:
                    missing.append(f"{path.relative_to(SRC)}:{node.lineno} {first.value}")
    assert missing == []


def test_the_check_can_fail(tmp_path: Path) -> None:
    tree = ast.parse('err.print("Er ging iets mis")')
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call))
    assert _call_name(call) == "print"
    assert _prose(call.args[0])


def test_no_key_is_defined_in_two_parts() -> None:
    assert sum(len(part) for part in PARTS) == len(NL)
