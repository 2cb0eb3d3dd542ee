from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t
from wijkmodulen.model import Module
from wijkmodulen.model.common import BEROEP_PREFIX


class IdMatchesFile(Rule):
    """De bestandsnaam begint met het id (`wmw-06-eerste-hulp....yaml` of `inkomen.yaml`); bij
    een module past het voorvoegsel bij het beroep en het getal bij `nummer`.

    Passes:
        # modules/wmw-06-eerste-hulp-bij-financiele-problemen.yaml
        id: wmw-06
        nummer: 6
    Fails:
        # modules/wmw-06-eerste-hulp-bij-financiele-problemen.yaml
        id: wmw-07
    """

    code = "WM101"
    name = "id-matches-file"
    severity = Severity.ERROR
    scope = "file"

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        for entry in kb.entries():
            identifier = entry.model.id
            name = entry.source.path.name
            if not (name.startswith(identifier + "-") or name.rsplit(".", 1)[0] == identifier):
                yield Finding(entry.source, t("ref.id_filename", id=identifier), ("id",))
            module = entry.model
            if isinstance(module, Module):
                prefix = BEROEP_PREFIX[module.beroep]
                if not identifier.startswith(prefix + "-"):
                    yield Finding(
                        entry.source,
                        t("ref.prefix_beroep", id=identifier, expected=module.beroep, beroep=module.beroep),
                        ("id",),
                    )
                elif int(identifier.split("-")[1]) != module.nummer:
                    yield Finding(entry.source, t("ref.nummer_id", nummer=module.nummer, id=identifier), ("nummer",))
