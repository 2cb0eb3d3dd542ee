"""The autofixes of the rules, as functions over one text value (applied by ``wijkmodulen fmt --fix``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from wijkmodulen.lint.rules import RULES


def text_fixes() -> dict[str, Callable[[str], str]]:
    """Rule code -> function returning the corrected form of a text value, for every fixable rule."""
    return {code: partial(rule().fix, options=rule.Options()) for code, rule in RULES.items() if rule.fixable}
