"""A new module file: next free number, valid id and file name, a placeholder in every section."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from wijkmodulen.errors import WijkmodulenError
from wijkmodulen.fmt.emitter import dump, kb_yaml
from wijkmodulen.fmt.formatter import format_text
from wijkmodulen.io.writer import write_file
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.messages import t
from wijkmodulen.model import kinds
from wijkmodulen.model.common import BEROEP_PREFIX, TITEL_MAX, beroep_named
from wijkmodulen.model.module import FUNCTIES, Module
from wijkmodulen.sinks import unsafe_characters

SLUG_MAX = 60  # characters of title in a file name; the shipped names are cut the same way


class NewModuleError(WijkmodulenError):
    """A request that cannot become a module (unknown profession, cluster, ...); the message says why."""


@dataclass(frozen=True)
class NewModule:
    path: Path
    id: str
    nummer: int
    text: str


def slug(title: str) -> str:
    """ASCII, lower case, words joined by '-', cut at a word boundary: 'Eerste hulp bij financiële …'."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    result = ""
    for word in words:
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > SLUG_MAX and result:
            break
        result = candidate
    return result


def plan_module(kb: KnowledgeBase, beroep: str, cluster: str, titel: str, functie: str | None = None) -> NewModule:
    """Decide number, id, file name and content; raises NewModuleError with a Dutch message."""
    named = beroep_named(beroep)  # the full name or its prefix (wmw, iow), any case, as render and xref take
    if named is None:
        raise NewModuleError(t("new.unknown_beroep", value=beroep, choices=", ".join(BEROEP_PREFIX)))
    beroep = named
    titel = " ".join(titel.split())
    if not titel:
        raise NewModuleError(t("new.empty_title"))
    if len(titel) > TITEL_MAX:
        raise NewModuleError(t("new.title_too_long", length=len(titel), max=TITEL_MAX))
    if unsafe_characters(titel):
        raise NewModuleError(t("new.title_unsafe", characters=", ".join(unsafe_characters(titel))))
    own = [e.model for e in kb.modules_in_order() if e.model.beroep == beroep]
    clusters = list(dict.fromkeys(m.cluster for m in own))
    known = {name.casefold(): name for name in clusters}
    if cluster.casefold() not in known:
        # Cluster names contain commas, so the choices are separated by semicolons.
        raise NewModuleError(t("new.unknown_cluster", value=cluster, beroep=beroep,
                               choices="; ".join(clusters) or "—"))
    cluster = known[cluster.casefold()]
    if functie is None:
        functie = Counter(m.functie for m in own if m.cluster == cluster).most_common(1)[0][0]
    elif functie not in FUNCTIES[beroep]:
        raise NewModuleError(t("new.unknown_functie", value=functie, beroep=beroep,
                               choices=", ".join(FUNCTIES[beroep])))
    nummer = max((m.nummer for m in own), default=0) + 1
    identifier = f"{BEROEP_PREFIX[beroep]}-{nummer:02d}"
    name = f"{identifier}-{slug(titel)}" if slug(titel) else identifier
    path = kb.root / str(kinds.kind_named(kinds.MODULE).folder) / f"{name}.yaml"
    if path.exists():
        raise NewModuleError(t("new.exists", path=path))
    return NewModule(path, identifier, nummer, _content(identifier, titel, beroep, functie, cluster, nummer))


def _content(identifier: str, titel: str, beroep: str, functie: str, cluster: str, nummer: int) -> str:
    def placeholder(section: str) -> str:
        return t(f"new.placeholder.{section}")

    activiteiten = CommentedSeq([placeholder("activiteit")])
    werkwijze = CommentedSeq([
        CommentedMap(tekst=placeholder("werkwijze")),
        CommentedMap(uitvoerder=t(f"new.uitvoerder.{beroep}"), activiteiten=activiteiten),
    ])
    data = CommentedMap(
        id=identifier, titel=titel, beroep=beroep, functie=functie, cluster=cluster, nummer=nummer,
        schakelmodule=False,
        doelgroep=placeholder("doelgroep"),
        doelen=CommentedSeq([placeholder("doelen")]),
        duur_en_frequentie=placeholder("duur_en_frequentie"),
        setting=placeholder("setting"),
        werkwijze=werkwijze,
        randvoorwaarden=placeholder("randvoorwaarden"),
        bron=CommentedMap(publicatie=placeholder("bron")),
    )
    text, _ = format_text(dump(kb_yaml(), data), Module)
    return text


def write_module(module: NewModule) -> None:
    write_file(module.path, module.text)
