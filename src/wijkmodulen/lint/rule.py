"""The base of every lint rule: one rule per file under lint/rules/, its docstring is its documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.load.yaml_source import SourceFile

CODE = re.compile(r"^WM[0-9]{3}$")
Scope = Literal["file", "kb"]


class NoOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Memo:
    """Results a "kb" rule computed from a few files, kept by the lint cache under the content
    digests of those files: valid for as long as those files are unchanged (the cache as a whole
    is keyed by tool, settings and rule set)."""

    def __init__(self, digests: dict[Path, str], stored: dict[Any, Any]) -> None:
        self._digests = digests
        self.stored = stored
        self.used: dict[Any, Any] = {}  # what this run looked up or computed; the cache keeps only these

    def key(self, *sources: SourceFile) -> tuple[str, ...] | None:
        digests = tuple(self._digests.get(source.path) for source in sources)
        return None if None in digests else digests  # type: ignore[return-value]

    def get(self, key: tuple[str, ...]) -> Any:
        if key in self.stored:
            self.used[key] = self.stored[key]
            return self.used[key]
        return None

    def put(self, key: tuple[str, ...], value: Any) -> None:
        self.used[key] = value


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
    # An autofixable rule sets this and overrides ``fix``; ``wijkmodulen fmt --fix`` applies it.
    fixable: ClassVar[bool] = False
    runs_last: ClassVar[bool] = False  # for rules about the other rules' results (unused suppressions)
    memo: Memo | None = None  # given by the engine when lint runs with its cache

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Checked when the rule is defined, so a malformed rule never reaches a user.
        if not CODE.match(cls.code):
            raise TypeError(f"{cls.__name__}: code {cls.code!r} does not match WM###")
        if not cls.__doc__ or "Passes:" not in cls.__doc__ or "Fails:" not in cls.__doc__:
            raise TypeError(f"{cls.__name__}: docstring needs 'Passes:' and 'Fails:' examples")

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        raise NotImplementedError

    def fix(self, text: str, options: Any) -> str:
        """The corrected form of one text value; only autofixable rules change it."""
        return text
