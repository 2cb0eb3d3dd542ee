"""The base of every lint rule: one rule per file under lint/rules/, its docstring is its documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.load.kb import KnowledgeBase

CODE = re.compile(r"^WM\d{3}$")
Scope = Literal["file", "kb"]


class NoOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Rule:
    """A check. Subclasses set the class attributes and implement ``check``.

    ``scope`` says whether a finding depends on one file only ("file": cacheable per file) or
    on the whole KB ("kb": references between files).
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    scope: ClassVar[Scope]
    Options: ClassVar[type[BaseModel]] = NoOptions
    runs_last: ClassVar[bool] = False  # for rules about the other rules' results (unused suppressions)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Checked when the rule is defined, so a malformed rule never reaches a user.
        if not CODE.match(cls.code):
            raise TypeError(f"{cls.__name__}: code {cls.code!r} does not match WM###")
        if not cls.__doc__ or "Passes:" not in cls.__doc__ or "Fails:" not in cls.__doc__:
            raise TypeError(f"{cls.__name__}: docstring needs 'Passes:' and 'Fails:' examples")

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        raise NotImplementedError
