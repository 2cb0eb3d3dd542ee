"""Every ``lint`` output format, found in this package: each module's ``REPORTERS`` (see base.py)."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from wijkmodulen.lint.reporters.base import LintReporter

_PACKAGE = "wijkmodulen.lint.reporters"


@cache
def lint_reporters() -> dict[str, LintReporter]:
    """The formats by name, in their order; a second format of the same name fails at once."""
    package = importlib.import_module(_PACKAGE)
    found: dict[str, LintReporter] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{_PACKAGE}.{info.name}")
        for reporter in getattr(module, "REPORTERS", ()):
            if reporter.name in found:
                raise RuntimeError(f"lint format {reporter.name!r} defined twice ({module.__name__})")
            found[reporter.name] = reporter
    return dict(sorted(found.items(), key=lambda item: (item[1].order, item[0])))


def format_names() -> tuple[str, ...]:
    return tuple(lint_reporters())
