"""`wijkmodulen lint` and `wijkmodulen rules`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wijkmodulen.cli.app import app
from wijkmodulen.cli.common import fail, locate, out
from wijkmodulen.locate import KbLocation, kb_root_of
from wijkmodulen.messages import t

FAIL_LEVELS = ("error", "warning", "info")


def _targets(paths: list[Path]) -> list[tuple[KbLocation, list[Path] | None]]:
    """Group the given paths per KB root: a root is linted whole, files only for themselves."""
    if not paths:
        return [(locate(None), None)]
    groups: dict[Path, list[Path] | None] = {}
    for path in paths:
        if not path.exists():
            fail(t("cli.path_missing", path=path))
        if path.is_dir():
            groups[path] = None
            continue
        root = kb_root_of(path)
        if root is None:
            fail(t("cli.path_missing", path=path))
        existing = groups.setdefault(root, [])
        if existing is not None:
            existing.append(path)
    return [(locate(root), files) for root, files in groups.items()]


@app.command(help=t("lint.help"))
def lint(
    paths: Annotated[list[Path] | None, typer.Argument(help=t("lint.paths"), show_default=False)] = None,
    fail_level: Annotated[str, typer.Option("--fail-level", help=t("lint.fail_level"))] = "error",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=t("lint.quiet"))] = False,
) -> None:
    from wijkmodulen.lint.engine import lint_knowledge_base
    from wijkmodulen.lint.problem import Severity
    from wijkmodulen.lint.reporters.text import format_text
    from wijkmodulen.load.kb import load_knowledge_base

    if fail_level not in FAIL_LEVELS:
        fail(t("cli.bad_fail_level", value=fail_level, choices=", ".join(FAIL_LEVELS)))
    exit_code = 0
    for location, only in _targets(paths or []):
        kb = load_knowledge_base(location.root, location.limits)
        result = lint_knowledge_base(kb, only=only, fail_level=Severity.parse(fail_level))
        text = format_text(result, summary=not quiet)
        if text:
            out.print(text, markup=False)
        exit_code = max(exit_code, result.exit_code)
    raise typer.Exit(exit_code)


@app.command(help=t("rules.help"))
def rules() -> None:
    from wijkmodulen.lint.rule_docs import describe_rules

    out.print(describe_rules(), markup=False)
