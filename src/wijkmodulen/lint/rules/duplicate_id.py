from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t


class DuplicateId(Rule):
    """Elk id komt één keer voor; een tweede bestand met hetzelfde id wordt niet gebruikt.

    Passes:
        # modules/wmw-01-aanmelding.yaml:  id: wmw-01
        # modules/wmw-02-signaalopvolging.yaml:  id: wmw-02
    Fails:
        # modules/wmw-01-aanmelding.yaml:  id: wmw-01
        # modules/wmw-01-aanmelding-kopie.yaml:  id: wmw-01
    """

    code = "WM102"
    name = "duplicate-id"
    severity = Severity.ERROR
    scope = "kb"
    links_only = True

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for identifier, entry, first in kb.duplicate_ids:
            other = first.path.relative_to(kb.root).as_posix()
            yield Finding(entry.source, t("ref.duplicate_id", id=identifier, other=other), ("id",))
