"""The lint configuration resolved against the rule registry: which rule runs where, how severe.

``[tool.wijkmodulen.lint]`` names rules by code (``WM201``) or name (``woordbudget``); every
reference, option and severity is checked here, and all problems are collected into one
ConfigError so an author fixes the table in one go.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from wijkmodulen.config import ConfigError, LintConfig, describe_validation_error
from wijkmodulen.lint.problem import Severity
from wijkmodulen.lint.registry import RULES
from wijkmodulen.lint.rule import Rule
from wijkmodulen.messages import t

_BY_NAME = {rule.name: code for code, rule in RULES.items()}


@dataclass(frozen=True)
class Override:
    patterns: tuple[str, ...]
    enable: frozenset[str]
    disable: frozenset[str]
    severity: dict[str, Severity]

    def matches(self, relative: str) -> bool:
        return any(fnmatchcase(relative, pattern) for pattern in self.patterns)


@dataclass(frozen=True)
class LintSettings:
    """Resolved settings; ``LintSettings()`` are the defaults (every rule on, its own severity)."""

    disabled: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, BaseModel] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    fail_level: Severity | None = None

    def options_for(self, rule: type[Rule]) -> BaseModel:
        return self.options.get(rule.code) or rule.Options()

    def runs(self, code: str) -> bool:
        """Whether the rule runs at all: on globally, or switched on for some paths."""
        return code not in self.disabled or any(code in o.enable for o in self.overrides)

    def for_file(self, code: str, relative: str) -> Severity | None:
        """The severity of ``code`` for a file (path relative to the KB root), None when off there."""
        enabled = code not in self.disabled
        severity = self.severity.get(code, RULES[code].severity)
        for override in self.overrides:
            if not override.matches(relative):
                continue
            if code in override.disable:
                enabled = False
            if code in override.enable:
                enabled = True
            severity = override.severity.get(code, severity)
        return severity if enabled else None


def resolve_code(reference: str) -> str | None:
    """The rule code for a code or a name, None when there is no such rule."""
    if reference.upper() in RULES:
        return reference.upper()
    return _BY_NAME.get(reference)  # a dict: the engine asks this for every suppression


def _unknown(reference: str, where: str) -> str:
    choices = [*RULES, *_BY_NAME]
    close = difflib.get_close_matches(reference, choices, n=1, cutoff=0.6)
    if close:
        return t("config.unknown_rule_hint", rule=reference, where=where, suggestion=close[0])
    return t("config.unknown_rule", rule=reference, where=where)


class _Collector:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def codes(self, references: list[str], where: str) -> frozenset[str]:
        found = set()
        for reference in references:
            code = resolve_code(reference)
            if code is None:
                self.problems.append(_unknown(reference, where))
            else:
                found.add(code)
        return frozenset(found)

    def severities(self, mapping: dict[str, str], where: str) -> dict[str, Severity]:
        result = {}
        for reference, level in mapping.items():
            code = resolve_code(reference)
            if code is None:
                self.problems.append(_unknown(reference, where))
            else:
                result[code] = Severity.parse(level)
        return result


def resolve_settings(config: LintConfig, source: Path | None) -> LintSettings:
    """Check ``config`` against the registry; raise one ConfigError listing every problem."""
    collect = _Collector()
    disabled = collect.codes(config.disable, "lint.disable") - collect.codes(config.enable, "lint.enable")
    severity: dict[str, Severity] = {}
    options: dict[str, BaseModel] = {}
    for reference, table in config.rules.items():
        where = f"lint.rules.{reference}"
        code = resolve_code(reference)
        if code is None:
            collect.problems.append(_unknown(reference, "lint.rules"))
            continue
        values: dict[str, Any] = dict(table)
        level = values.pop("severity", None)
        if level is not None:
            if level not in ("error", "warning", "info"):
                collect.problems.append(t("config.bad_severity", key=f"{where}.severity", value=level))
            else:
                severity[code] = Severity.parse(level)
        try:
            options[code] = RULES[code].Options.model_validate(values)
        except ValidationError as error:
            collect.problems.append(describe_validation_error(error, where))
    overrides = []
    for index, override in enumerate(config.overrides):
        where = f"lint.overrides[{index}]"
        overrides.append(
            Override(
                tuple(override.paths),
                collect.codes(override.enable, f"{where}.enable"),
                collect.codes(override.disable, f"{where}.disable"),
                collect.severities(dict(override.severity), f"{where}.severity"),
            )
        )
    if collect.problems:
        raise ConfigError(source or Path("pyproject.toml"), "; ".join(collect.problems))
    fail_level = Severity.parse(config.fail_level) if config.fail_level else None
    return LintSettings(disabled, severity, options, tuple(overrides), fail_level)
