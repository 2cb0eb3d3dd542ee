from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.load.yaml_source import Path_
from wijkmodulen.messages import t
from wijkmodulen.sinks import unsafe_characters

# Values that name something: shown in headings, file names, links and on every terminal.
_NAMING_KEYS = frozenset({"id", "titel"})


class UnsafeCharacters(Rule):
    """Geen stuurtekens of richtingstekens in sleutels, ids en titels: een escape-reeks (ESC) kan
    regels op een terminal wissen, en een bidi-teken (zoals U+202E) laat een id of titel anders
    lezen dan hij is. Ze zijn onzichtbaar; een reviewer ziet ze niet.

    Passes:
        titel: Aanmelding
    Fails:
        titel: "Aanmelding\\u202e"
    """

    code = "WM006"
    name = "unsafe-characters"
    severity = Severity.ERROR
    scope = "file"

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for source in kb.files:
            for path, text, is_key in _named(source.data, ()):
                found = unsafe_characters(text)
                if found:
                    message = t("lint.unsafe_characters", where=t("lint.unsafe_characters.key" if is_key
                                                                 else "lint.unsafe_characters.value"),
                                characters=", ".join(found))
                    yield Finding(source, message, path, at_value=not is_key)


def _named(data: Any, path: Path_) -> Iterator[tuple[Path_, str, bool]]:
    """Every key below ``data`` and every value of an id or title, with its data path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key), str(key), True
            if key in _NAMING_KEYS and isinstance(value, str):
                yield (*path, key), value, False
            else:
                yield from _named(value, (*path, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _named(item, (*path, index))
