"""Reading a team profile: its model, and findings (file:line:col, Dutch) for what does not fit the KB."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from wijkmodulen.load.kb import DEFAULT_LIMITS, KnowledgeBase, read_source, validate
from wijkmodulen.load.limits import Limits
from wijkmodulen.load.yaml_source import Path_, SourceFile
from wijkmodulen.messages import t
from wijkmodulen.model.common import BEROEP_PREFIX, beroep_named, cluster_named
from wijkmodulen.team.model import TeamProfiel


@dataclass(frozen=True)
class Finding:
    """A problem in the profile, with its position (1-based)."""

    path: Path
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class LoadedProfile:
    path: Path
    profiel: TeamProfiel | None
    findings: tuple[Finding, ...]


def load_profile(path: Path, kb: KnowledgeBase, limits: Limits = DEFAULT_LIMITS) -> LoadedProfile:
    """The profile and its findings; the model is None when the file does not fit the schema.
    It is read within ``limits``, the configured ones (``max_file_size_mb``, ``max_depth``)."""
    source, issue = read_source(path, None, limits)
    if issue is not None:
        position = issue.position or source.position(issue.path)
        return LoadedProfile(path, None, (Finding(path, position.line, position.column, issue.message),))
    profiel, issues = validate(source, TeamProfiel)
    if profiel is None:
        findings = [_at(source, issue.path, issue.message) for issue in issues]
        return LoadedProfile(path, None, tuple(_ordered(findings)))
    findings = list(_unknown_ids(source, profiel, kb))
    return LoadedProfile(path, profiel, tuple(_ordered(findings)))


def _at(source: SourceFile, data_path: Path_, message: str) -> Finding:
    position = source.position(data_path)
    return Finding(source.path, position.line, position.column, message)


def _ordered(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.line, f.column, f.message))


def cluster_van(value: str, kb: KnowledgeBase) -> str | None:
    """The cluster of the KB that ``value`` names, in the KB's own spelling."""
    return cluster_named(value, (entry.model.cluster for entry in kb.modules_in_order()))


def _unknown(source: SourceFile, data_path: Path_, kind: str, value: str, known: Iterable[str]) -> Finding:
    matches = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    if matches:
        return _at(source, data_path, t("team.unknown_id_hint", kind=kind, id=value, suggestion=matches[0]))
    return _at(source, data_path, t("team.unknown_id", kind=kind, id=value))


def _unknown_ids(source: SourceFile, profiel: TeamProfiel, kb: KnowledgeBase) -> Iterator[Finding]:
    aanbod = profiel.aanbod
    for index, module_id in enumerate(aanbod.modules):
        if module_id not in kb.modules:
            yield _unknown(source, ("aanbod", "modules", index), t("team.kind.module"), module_id, kb.modules)
    clusters = list(dict.fromkeys(e.model.cluster for e in kb.modules_in_order()))
    for index, cluster in enumerate(aanbod.clusters):
        if cluster_van(cluster, kb) is None:
            yield _unknown(source, ("aanbod", "clusters", index), t("team.kind.cluster"), cluster, clusters)
    beroepen = [*BEROEP_PREFIX, *BEROEP_PREFIX.values()]
    for index, beroep in enumerate(aanbod.beroepen):
        if beroep_named(beroep) is None:
            yield _unknown(source, ("aanbod", "beroepen", index), t("team.kind.beroep"), beroep, beroepen)
    if not (aanbod.modules or aanbod.clusters or aanbod.beroepen):
        yield _at(source, ("aanbod",), t("team.empty_aanbod"))
    seen: dict[str, int] = {}
    for number, lid in enumerate(profiel.leden):
        if lid.naam in seen:
            yield _at(source, ("leden", number, "naam"), t("team.duplicate_lid", naam=lid.naam, nummer=seen[lid.naam]))
        seen.setdefault(lid.naam, number + 1)
        indexes = (
            ("competenties", t("team.kind.competentie"), kb.competenties),
            ("kennisdomeinen", t("team.kind.kennisdomein"), kb.kennisdomeinen),
            ("doelgroepen", t("team.kind.doelgroep"), kb.doelgroepen),
        )
        for field, kind, known in indexes:
            for key in getattr(lid, field):
                if key not in known:
                    yield _unknown(source, ("leden", number, field, key), kind, key, known)
