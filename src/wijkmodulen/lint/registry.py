"""The rules of a run: the built-in ones and those of installed plugins, loaded the same way.

A plugin package declares its rules in the entry-point group ``wijkmodulen.rules`` (name: the rule's
code; value: ``module:RuleClass``). Each goes through the checks every built-in rule gets (a ``Rule``
subclass with a WM### code and a documentation with Passes/Fails, checked when the class is defined;
a code of its own). A plugin that cannot be imported or breaks a check is left out and reported as one
finding of rule WM007 (``plugin``), never a crash.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points

from wijkmodulen.lint.rule import Rule
from wijkmodulen.lint.rules import BUILTIN

GROUP = "wijkmodulen.rules"


@dataclass(frozen=True)
class Plugin:
    """Where a plugin rule comes from: the entry point and the distribution that installed it."""

    entry_point: str  # name = value, as declared
    distribution: str
    version: str


@dataclass(frozen=True)
class BrokenPlugin:
    plugin: Plugin
    detail: str


@dataclass(frozen=True)
class Registry:
    rules: dict[str, type[Rule]]  # by code, in code order
    plugins: dict[str, Plugin]  # the plugin rules' origins, by code
    broken: tuple[BrokenPlugin, ...]

    def fingerprint(self) -> list[list[str]]:
        """Every plugin (also a broken one) with its distribution's version: for the lint cache's key."""
        found = [*self.plugins.values(), *(b.plugin for b in self.broken)]
        return sorted([p.entry_point, p.distribution, p.version] for p in found)


def _origin(entry: EntryPoint) -> Plugin:
    dist = entry.dist
    return Plugin(f"{entry.name} = {entry.value}", dist.name if dist else "?", dist.version if dist else "?")


def _load(entry: EntryPoint, rules: dict[str, type[Rule]]) -> type[Rule] | str:
    """The rule class, or why it cannot be used."""
    try:
        loaded = entry.load()
    except Exception as error:  # noqa: BLE001 -- an import error, or a definition-time check of Rule
        return f"{type(error).__name__}: {error}"
    if not (isinstance(loaded, type) and issubclass(loaded, Rule)) or loaded is Rule:
        return f"{entry.value} is not a subclass of wijkmodulen.lint.rule.Rule"
    if loaded.code in rules:
        return f"code {loaded.code} is already used by {rules[loaded.code].__module__}.{rules[loaded.code].__name__}"
    if entry.name != loaded.code:
        return f"entry point {entry.name!r} names rule {loaded.code}; use the rule's code as its name"
    for attribute in ("name", "severity", "scope"):
        if not hasattr(loaded, attribute):
            return f"{loaded.__name__} has no {attribute}"
    return loaded


def load_registry() -> Registry:
    rules: dict[str, type[Rule]] = {}
    for rule in BUILTIN:
        if rule.code in rules:
            raise RuntimeError(f"rule code {rule.code} used by {rules[rule.code].__name__} and {rule.__name__}")
        rules[rule.code] = rule
    plugins: dict[str, Plugin] = {}
    broken: list[BrokenPlugin] = []
    for entry in sorted(entry_points(group=GROUP), key=lambda e: (e.name, e.value)):
        loaded = _load(entry, rules)
        if isinstance(loaded, str):
            broken.append(BrokenPlugin(_origin(entry), loaded))
            continue
        rules[loaded.code] = loaded
        plugins[loaded.code] = _origin(entry)
    return Registry(dict(sorted(rules.items())), plugins, tuple(broken))


REGISTRY = load_registry()
RULES: dict[str, type[Rule]] = REGISTRY.rules
# Every rule sees this run's rules (the suppression rules judge references with it), also where a
# rule is run outside the engine (the editor's live workspace).
Rule.registry = RULES
