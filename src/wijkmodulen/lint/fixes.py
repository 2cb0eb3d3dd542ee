"""The autofixes of the rules, as functions over one text value (applied by ``wijkmodulen fmt --fix``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from wijkmodulen.lint.registry import RULES
from wijkmodulen.lint.settings import LintSettings


def text_fixes(settings: LintSettings | None = None) -> dict[str, Callable[[str], str]]:
    """Rule code -> function returning the corrected form of a text value, for every fixable rule
    that the lint configuration runs, with its configured options."""
    settings = settings or LintSettings()
    return {
        code: partial(rule().fix, options=settings.options_for(rule))
        for code, rule in RULES.items()
        if rule.fixable and settings.runs(code)
    }
