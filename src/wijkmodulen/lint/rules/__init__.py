"""The built-in rules: every ``Rule`` subclass defined in a module of this package, found by listing
the package (a new rule is one new file). lint/registry.py adds the plugins' rules and checks them
all alike; ``RULES`` here are the built-in ones by code (for tests about the built-in set)."""

from __future__ import annotations

import importlib
import pkgutil

from wijkmodulen.lint.rule import Rule


def _builtin() -> list[type[Rule]]:
    found: list[type[Rule]] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.extend(
            value for value in vars(module).values()
            if isinstance(value, type) and issubclass(value, Rule) and value.__module__ == module.__name__
        )
    return sorted(found, key=lambda rule: rule.code)


BUILTIN: list[type[Rule]] = _builtin()
RULES: dict[str, type[Rule]] = {rule.code: rule for rule in BUILTIN}
