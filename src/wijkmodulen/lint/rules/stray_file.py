from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.load.yaml_source import Position, SourceFile
from wijkmodulen.messages import t


class StrayFile(Rule):
    """In de mappen modules/, competenties/, kennisbouwstenen/ en inleiding/ staan alleen
    .yaml-bestanden; andere bestanden worden niet gelezen en zouden anders stil verdwijnen.

    Passes:
        modules/wmw-01-aanmelding.yaml
    Fails:
        modules/wmw-01-aanmelding.yaml.bak
    """

    code = "WM003"
    name = "stray-file"
    severity = Severity.WARNING
    scope = "file"

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for path in kb.stray_files:
            folder = path.relative_to(kb.root).parts[0]
            yield Finding(SourceFile(path, ""), t("schema.stray_file", folder=folder), (), Position(1, 1))
