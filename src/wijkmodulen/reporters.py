"""The output formats of every result type, in one registry: what ``--format`` accepts (and ``--help``
lists), the error for an unknown format, and the table in docs/reference/uitvoer.md.

A format is one registration below (the result type, its name, the function that writes it as
``"module:function"``) plus one catalogue line, ``format.<result>.<name>``: what the format is for.
The function is imported only when the format is used, so this module stays light enough for
``--help``. ``lint``'s formats live in ``lint/reporters/`` (one module per format, with their own
options) and join the same table here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wijkmodulen.errors import WijkmodulenError
from wijkmodulen.messages import t


@dataclass(frozen=True)
class Reporter:
    result: str  # the result type: "diff", "team", "xref", ...
    name: str  # the value of --format
    target: str  # "module:function": the function (result, **options) -> output ("": written elsewhere)
    options: tuple[str, ...] = ()  # the command's options the function takes, by keyword

    @property
    def description(self) -> str:
        """Message key: what the format is for, one line (documentation)."""
        return f"format.{self.result}.{self.name}"

    def render(self, result: Any, **options: Any) -> Any:
        module, _, function = self.target.partition(":")
        write: Callable[..., Any] = getattr(importlib.import_module(module), function)
        return write(result, **{key: value for key, value in options.items() if key in self.options})


# The result types, in the order the documentation lists them: (type, the command that writes it).
RESULTS: dict[str, str] = {
    "lint": "lint",
    "diff": "diff",
    "xref": "xref",
    "xref-rapport": "xref --gaps / --competentie / --kennisdomein / --doelgroep",
    "graph": "graph",
    "compare": "compare",
    "team": "team",
    "render": "render",
}

_REGISTRY: dict[str, dict[str, Reporter]] = {}


def register(result: str, name: str, target: str, options: tuple[str, ...] = ()) -> None:
    formats = _REGISTRY.setdefault(result, {})
    if name in formats:
        raise RuntimeError(f"{result} format {name!r} registered twice")
    formats[name] = Reporter(result, name, target, options)


register("diff", "text", "wijkmodulen.diff.format_text:format_text", ("color", "stat"))
register("diff", "markdown", "wijkmodulen.diff.format_markdown:format_markdown", ("stat",))
register("diff", "json", "wijkmodulen.diff.format_json:format_json")
register("xref", "table", "wijkmodulen.xref.matrix_formats:matrix_table")
register("xref", "csv", "wijkmodulen.xref.matrix_formats:matrix_csv", ("excel",))
register("xref", "markdown", "wijkmodulen.xref.matrix_formats:matrix_markdown")
register("xref", "json", "wijkmodulen.xref.matrix_formats:matrix_json")
register("xref", "html", "wijkmodulen.xref.matrix_formats:matrix_html")
register("xref-rapport", "table", "wijkmodulen.xref.report_formats:report_table")
register("xref-rapport", "markdown", "wijkmodulen.xref.report_formats:report_markdown")
register("xref-rapport", "json", "wijkmodulen.xref.report_formats:report_json")
register("graph", "mermaid", "wijkmodulen.xref.graph:graph_mermaid")
register("graph", "dot", "wijkmodulen.xref.graph:graph_dot")
register("compare", "text", "wijkmodulen.xref.compare_formats:compare_text")
register("compare", "markdown", "wijkmodulen.xref.compare_formats:compare_markdown")
register("compare", "html", "wijkmodulen.xref.compare_formats:compare_html")
register("team", "text", "wijkmodulen.team.formats:format_text")
register("team", "markdown", "wijkmodulen.team.formats:format_markdown")
register("team", "html", "wijkmodulen.team.html:render_report_html")
register("team", "json", "wijkmodulen.team.formats:format_json")
# The handbook's formats are written by the application layer (Workspace.render): no function here.
register("render", "html", "")
register("render", "pdf", "")
register("render", "markdown", "")


def reporters(result: str) -> dict[str, Reporter]:
    """The formats of a result type by name, in their order."""
    return dict(_REGISTRY[result])


def names(result: str) -> tuple[str, ...]:
    if result == "lint":
        from wijkmodulen.lint.reporters.registry import format_names

        return format_names()
    return tuple(_REGISTRY[result])


def choose(result: str, name: str, allowed: tuple[str, ...] | None = None) -> str:
    """``name`` if it is a format of ``result`` (and among ``allowed``, when given); otherwise the one
    Dutch error that names the choices."""
    choices = allowed if allowed is not None else names(result)
    if name not in choices:
        raise WijkmodulenError(t("cli.bad_format", value=name, choices=", ".join(choices)))
    return name


def format_help(result: str) -> str:
    """``--format``'s help: the choices."""
    return t("cli.format_help", choices=", ".join(names(result)))


def descriptions(result: str) -> list[tuple[str, str]]:
    """(name, what it is for) per format of ``result``."""
    if result == "lint":
        from wijkmodulen.lint.reporters.registry import lint_reporters

        return [(name, t(reporter.description)) for name, reporter in lint_reporters().items()]
    return [(name, t(reporter.description)) for name, reporter in _REGISTRY[result].items()]


def reference_table() -> str:
    """The table of every format, for docs/reference/uitvoer.md (scripts/update_format_reference.py)."""
    rows = [t("format.table.head"), "|---|---|---|"]
    for result, command in RESULTS.items():
        for name, description in descriptions(result):
            rows.append(f"| `{command}` | `{name}` | {description} |")
    return "\n".join(rows) + "\n"
