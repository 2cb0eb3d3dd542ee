from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict

from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule
from wijkmodulen.load.kb import Entry, KnowledgeBase
from wijkmodulen.messages import t
from wijkmodulen.model import kinds


class UnreachedOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    soorten: list[str] = [kinds.COMPETENTIE, kinds.SCW_THEMA, kinds.KENNISDOMEIN, kinds.DOELGROEP]


class Unreached(Rule):
    """Elke competentie (4A–4T, gk-1–gk-7), elk SCW-thema (via zijn competenties), elk kennisdomein en
    elke doelgroep wordt door minstens één module bereikt via haar `koppelingen`; zo niet, dan mist
    een opleidingsplan iets of is de kennisbouwsteen overbodig. Alleen als alle modulen te lezen zijn,
    en alleen voor een eerste, onbeoordeelde koppeling: zodra een module `koppelingen.beoordeling`
    heeft, koppelt een module alleen wat haar tekst draagt (docs/rubric.md), en is wat geen module
    bereikt een uitkomst die `xref --gaps` meldt, geen fout.

    Passes:
        # wmw-06 koppelt 4D; 4D wordt bereikt
    Fails:
        # geen module noemt 'ouderen' bij koppelingen.doelgroepen
    """

    code = "WM209"
    name = "unreached"
    severity = Severity.INFO
    scope = "kb"
    links_only = True
    Options = UnreachedOptions

    def check(self, kb: KnowledgeBase, options: Any) -> Iterator[Finding]:
        if any(issue.source.path.parent.name == kinds.kind_named(kinds.MODULE).folder for issue in kb.issues):
            return  # a module that could not be read might be the one that reaches them
        if any(e.model.koppelingen and e.model.koppelingen.beoordeling for e in kb.modules.values()):
            return  # reviewed links are grounded in the text, not stretched to reach everything
        reached: set[str] = set()
        for entry in kb.modules.values():
            links = entry.model.koppelingen
            if links is not None:
                reached.update(links.competenties, links.kennisdomeinen, links.doelgroepen)
        themes = {e.model.thema for i, e in kb.scw_competenties.items() if i in reached and e.model.thema}
        groups: list[tuple[str, dict[str, Entry[Any]], set[str]]] = [
            (kinds.COMPETENTIE, kb.competenties, reached),
            (kinds.SCW_THEMA, kb.scw_themas, themes),
            (kinds.KENNISDOMEIN, kb.kennisdomeinen, reached),
            (kinds.DOELGROEP, kb.doelgroepen, reached),
        ]
        for kind, index, hits in groups:
            if kind not in options.soorten:
                continue
            for identifier, entry in sorted(index.items()):
                if identifier not in hits:
                    yield Finding(entry.source, t(f"style.unreached.{kind}", id=identifier), ("id",))
