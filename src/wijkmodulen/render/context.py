"""Everything a handbook shows, gathered once from the KB into plain objects the templates walk.

The context knows nothing about HTML or Markdown: a link is a target (page and anchor) plus whether the
target is in this handbook; each format turns that into an href or into text "(niet in dit handboek)".
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from wijkmodulen import __version__
from wijkmodulen.load.kb import KnowledgeBase
from wijkmodulen.load.limits import Limits
from wijkmodulen.model import Module, kinds
from wijkmodulen.model.common import ActiviteitenBlok, LijstBlok, LijstItem, TekstBlok
from wijkmodulen.model.module import BEROEP_LABELS, FUNCTIES, SECTIES, ExterneModule, Voetnoot
from wijkmodulen.render.gitinfo import GitInfo, kb_git_info
from wijkmodulen.render.index import dutch_sort_key, dutch_sorted, index_letter
from wijkmodulen.render.links import Link
from wijkmodulen.render.matrix import Matrix, koppelingen_matrix
from wijkmodulen.render.selection import Selectie, select_modules
from wijkmodulen.search.documents import SearchDoc, kb_documents
from wijkmodulen.xref.ids import title_repeats_id


@dataclass(frozen=True)
class TeamChapter:
    """A team handbook's first chapter, made by the team package (team/chapter.py): the handbook
    takes it as data and never imports the team package."""

    view: Any  # the report's view (team.html.TeamView): the templates read its fields
    markdown: str  # the report as Markdown, for the Markdown handbook
    gaps: tuple[tuple[str, str], ...]  # (soort, id) of each gap, described after the report

# Logical pages: the Markdown output writes one file per page; the HTML output is one page.
# The pages (and anchors) of the KB's entries are the kinds table's (model/kinds.py).
INDEX_PAGE = "index"
_SCW = kinds.index_named(kinds.SCW_COMPETENTIE)
_THEMA = kinds.index_named(kinds.SCW_THEMA)
_GENERIEK = kinds.index_named(kinds.GENERIEKE_COMPETENTIE)
_KENNISDOMEIN = kinds.index_named(kinds.KENNISDOMEIN)
_DOELGROEP = kinds.index_named(kinds.DOELGROEP)
_INLEIDING = kinds.index_named(kinds.INLEIDING)
INLEIDING_PAGE = str(_INLEIDING.page)
SCW_PAGE = str(_SCW.page)
GENERIEK_PAGE = str(_GENERIEK.page)
KENNIS_PAGE = str(_KENNISDOMEIN.page)
MATRIX_PAGE = "bijlagen/matrix"
REGISTER_PAGE = "bijlagen/register"
TEAM_PAGE = "team"


def module_page(module_id: str) -> str:
    return f"{kinds.index_named(kinds.MODULE).page}/{module_id}"


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@dataclass(frozen=True)
class Segment:
    """A run of text, or (``noot`` set) the mark of a footnote whose text is ``tekst``."""

    tekst: str
    noot: str | None = None  # the footnote's anchor
    ref: str | None = None  # the mark's own anchor, for the way back
    sic: bool = False  # the "[sic]" after a slip the publication prints so (Module.sic)


Inline = tuple[Segment, ...]


@dataclass(frozen=True)
class Item:
    tekst: Inline
    sub: tuple[Inline, ...] = ()


@dataclass(frozen=True)
class Block:
    soort: Literal["alinea", "lijst", "activiteiten"]
    tekst: Inline = ()  # the paragraph, or the actor line of an activities block
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Section:
    key: str
    kopje: str
    anchor: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Note:
    anchor: str
    ref: str
    teken: str
    tekst: str
    placed: bool  # whether the mark was found in the text


@dataclass(frozen=True)
class Grond:
    """An editorial link with what grounds it: the module's sentence and the editors' reading of it
    (``koppelingen.toelichting``)."""

    link: Link
    tekst: str


@dataclass(frozen=True)
class ModuleView:
    id: str
    titel: str
    nummer: int
    anchor: str
    page: str
    beroep: str
    beroep_titel: str
    functie_titel: str
    cluster: str
    schakelmodule: bool
    tegenhangers: tuple[Link, ...]
    tegenhangers_toelichting: str | None
    specificatie_van: Link | None
    verwijzingen: tuple[Link, ...]
    sections: tuple[Section, ...]
    notes: tuple[Note, ...]
    competenties: tuple[Link, ...]
    kennisdomeinen: tuple[Link, ...]
    doelgroepen: tuple[Link, ...]
    bron: str
    paginas: tuple[int, ...]
    gronden: tuple[Grond, ...] = ()  # every editorial link that has a grounding quote, in the order shown
    beoordeeld: date | None = None  # the day the editorial links were last reviewed


@dataclass(frozen=True)
class ClusterView:
    titel: str
    anchor: str
    modules: tuple[ModuleView, ...]


@dataclass(frozen=True)
class FunctieView:
    titel: str
    anchor: str
    clusters: tuple[ClusterView, ...]


@dataclass(frozen=True)
class BeroepView:
    id: str
    titel: str
    anchor: str
    functies: tuple[FunctieView, ...]


@dataclass(frozen=True)
class InleidingView:
    id: str
    titel: str
    anchor: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Reference:
    """An SCW theme or competence, a generic competence or a kennisbouwsteen, for the appendices."""

    id: str
    titel: str
    anchor: str
    page: str
    omschrijving: tuple[Block, ...] = ()
    proces: tuple[Item, ...] = ()
    resultaat: tuple[Item, ...] = ()
    modules: tuple[Link, ...] = ()  # the modules of this handbook that link it

    @property
    def id_in_kop(self) -> bool:
        """Whether the heading shows the id before the title: not when the title only spells the id
        out (kennisbouwsteen ``veiligheid``, titled "veiligheid"), which would read twice."""
        return not title_repeats_id(self.id, self.titel)


@dataclass(frozen=True)
class ThemaView:
    titel: str
    anchor: str
    omschrijving: tuple[Block, ...]
    competenties: tuple[Reference, ...]


@dataclass(frozen=True)
class RegisterEntry:
    term: str
    targets: tuple[Link, ...]


@dataclass(frozen=True)
class RegisterLetter:
    letter: str
    anchor: str
    entries: tuple[RegisterEntry, ...]


@dataclass(frozen=True)
class Metadata:
    titel: str | None = None
    ondertitel: str | None = None
    organisatie: str | None = None
    logo: Path | None = None
    editie: str | None = None
    # Not printed: the largest logo or template the handbook reads (``max_file_size_mb``).
    max_bytes: int = Limits().max_bytes


@dataclass(frozen=True)
class Colofon:
    bronnen: tuple[str, ...]
    versie: str
    datum: date
    git: GitInfo | None
    rubric_versies: tuple[int, ...] = ()  # the rubric versions the selected modules' links were reviewed against
    tweede_lezing: bool = False  # every selected module's review was read a second time


@dataclass(frozen=True)
class Handbook:
    meta: Metadata
    selectie: Selectie
    colofon: Colofon
    inleiding: tuple[InleidingView, ...]
    beroepen: tuple[BeroepView, ...]
    modules: tuple[ModuleView, ...]
    themas: tuple[ThemaView, ...]
    vakspecifiek: tuple[Reference, ...]
    generieke_competenties: tuple[Reference, ...]
    kennisdomeinen: tuple[Reference, ...]
    doelgroepen: tuple[Reference, ...]
    matrix: tuple[Matrix, ...]
    register: tuple[RegisterLetter, ...]
    beroep_labels: dict[str, str] = field(default_factory=dict)
    # A team handbook (render --team): the gap report and the descriptions of the gaps, its first chapter.
    team: Any = None  # the team report's view (TeamChapter.view), None without a team
    team_markdown: str = ""
    scholing: tuple[Reference, ...] = ()
    # What the HTML handbook's search box finds: the printed modules, the introduction and the appendices.
    zoekdocumenten: tuple[SearchDoc, ...] = ()


class EpochError(ValueError):
    def __init__(self, value: str) -> None:
        super().__init__(value)
        self.value = value


def build_date(environ: dict[str, str] | None = None) -> date:
    """Today, or the date of SOURCE_DATE_EPOCH when set (reproducible builds)."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH")
    if value is None or value == "":
        return datetime.now(UTC).date()
    try:
        if not value.isascii():  # int() takes any script's digits; an epoch is written in 0-9
            raise ValueError(value)
        return datetime.fromtimestamp(int(value), UTC).date()
    except (ValueError, OverflowError, OSError):
        raise EpochError(value) from None


# --- text: sections, blocks and footnote marks ----------------------------------------------------


class _Marks:
    """Places each footnote mark after the first occurrence of its anchor word in its section, and
    "[sic]" after the first occurrence of each of the module's slips kept as printed (``sic``)."""

    def __init__(self, pending: list[tuple[Voetnoot, str]], sic: list[str] | None = None) -> None:
        self.pending = pending
        self.placed: set[str] = set()
        self.sic = sic if sic is not None else []  # shared by a module's sections: each slip is marked once

    def inline(self, text: str) -> Inline:
        hits: list[tuple[int, Segment]] = []
        for note, anchor in self.pending:
            if anchor in self.placed:
                continue
            match = re.search(rf"(?<!\w){re.escape(note.anker)}(?!\w)", text)
            if match:
                hits.append((match.end(), Segment(note.teken, noot=anchor, ref=f"{anchor}-ref")))
                self.placed.add(anchor)
        for phrase in list(self.sic):
            match = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)
            if match:
                hits.append((match.end(), Segment(" [sic]", sic=True)))
                self.sic.remove(phrase)
        if not hits:
            return (Segment(text),)
        segments: list[Segment] = []
        start = 0
        for end, mark in sorted(hits, key=lambda hit: hit[0]):
            segments.append(Segment(text[start:end]))
            segments.append(mark)
            start = end
        if start < len(text):
            segments.append(Segment(text[start:]))
        return tuple(segments)


def _item(value: Any, marks: _Marks) -> Item:
    if isinstance(value, LijstItem):
        return Item(marks.inline(value.tekst), tuple(marks.inline(sub) for sub in value.lijst))
    return Item(marks.inline(str(value)))


def _blocks(value: Any, marks: _Marks) -> tuple[Block, ...]:
    """A section (paragraph, list, or list of blocks) as blocks."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (Block("alinea", marks.inline(value)),)
    if isinstance(value, list) and value and all(isinstance(v, BaseModel) and not isinstance(v, LijstItem)
                                                 for v in value):
        return tuple(_block(v, marks) for v in value)
    return (Block("lijst", items=tuple(_item(v, marks) for v in value)),)


def _block(value: BaseModel, marks: _Marks) -> Block:
    if isinstance(value, TekstBlok):
        return Block("alinea", marks.inline(value.tekst))
    if isinstance(value, LijstBlok):
        return Block("lijst", items=tuple(_item(v, marks) for v in value.lijst))
    assert isinstance(value, ActiviteitenBlok)
    return Block(
        "activiteiten", marks.inline(value.uitvoerder), tuple(_item(v, marks) for v in value.activiteiten)
    )


def _plain_blocks(value: Any) -> tuple[Block, ...]:
    return _blocks(value, _Marks([]))


# --- the handbook ---------------------------------------------------------------------------------


class _Builder:
    def __init__(self, kb: KnowledgeBase, selected: list[Module]) -> None:
        self.kb = kb
        self.selected = selected
        self.selected_ids = {m.id for m in selected}

    def module_link(self, module_id: str) -> Link:
        entry = self.kb.modules.get(module_id)
        label = f"{entry.model.titel} ({module_id})" if entry else module_id
        return Link(label, module_id, module_page(module_id), module_id in self.selected_ids, page_top=True)

    def reference_link(self, ref_id: str, with_id: bool = False) -> Link:
        kb = self.kb
        for competence in (_SCW, _GENERIEK):
            if ref_id in (entries := kb.index(competence.name)):
                titel = entries[ref_id].model.titel
                return Link(f"{ref_id} {titel}", f"{competence.anchor}-{ref_id}", str(competence.page))
        for index in (_KENNISDOMEIN, _DOELGROEP):
            if ref_id in (entries := kb.index(index.name)):
                return Link(entries[ref_id].model.titel, f"{index.anchor}-{ref_id}", str(index.page))
        return Link(ref_id, ref_id, KENNIS_PAGE, present=False)

    def module_view(self, module: Module) -> ModuleView:
        pending: dict[str, list[tuple[Voetnoot, str]]] = {}
        notes_in_order: list[tuple[Voetnoot, str]] = []
        for number, note in enumerate(module.voetnoten, start=1):
            anchor = f"{module.id}-noot-{number}"
            pending.setdefault(note.sectie, []).append((note, anchor))
            notes_in_order.append((note, anchor))
        sections: list[Section] = []
        placed: set[str] = set()
        sic = list(module.sic)
        for key in SECTIES:
            value = getattr(module, key)
            if value is None:
                continue
            marks = _Marks(pending.get(key, []), sic)
            sections.append(Section(key, module.kopje(key), f"{module.id}-{key}", _blocks(value, marks)))
            placed |= marks.placed
        notes = tuple(Note(anchor, f"{anchor}-ref", n.teken, n.tekst, anchor in placed) for n, anchor in notes_in_order)
        specificatie: Link | None = None
        if isinstance(module.specificatie_van, ExterneModule):
            specificatie = Link(module.specificatie_van.extern, "", "", present=False, extern=True)
        elif module.specificatie_van:
            specificatie = self.module_link(module.specificatie_van)
        koppelingen = module.koppelingen
        return ModuleView(
            id=module.id,
            titel=module.titel,
            nummer=module.nummer,
            anchor=module.id,
            page=module_page(module.id),
            beroep=module.beroep,
            beroep_titel=BEROEP_LABELS.get(module.beroep, module.beroep),
            functie_titel=FUNCTIES.get(module.beroep, {}).get(module.functie, module.functie),
            cluster=module.cluster,
            schakelmodule=module.schakelmodule,
            tegenhangers=tuple(self.module_link(i) for i in module.tegenhangers),
            tegenhangers_toelichting=module.tegenhangers_toelichting,
            specificatie_van=specificatie,
            verwijzingen=tuple(self.module_link(i) for i in module.verwijzingen),
            sections=tuple(sections),
            notes=notes,
            competenties=tuple(self.reference_link(i) for i in (koppelingen.competenties if koppelingen else [])),
            kennisdomeinen=tuple(
                self.reference_link(i) for i in (koppelingen.kennisdomeinen if koppelingen else [])
            ),
            doelgroepen=tuple(self.reference_link(i) for i in (koppelingen.doelgroepen if koppelingen else [])),
            bron=module.bron.publicatie,
            paginas=tuple(module.bron.paginas or ()),
            gronden=self.gronden(module),
            beoordeeld=koppelingen.beoordeling.datum if koppelingen and koppelingen.beoordeling else None,
        )

    def gronden(self, module: Module) -> tuple[Grond, ...]:
        koppelingen = module.koppelingen
        if koppelingen is None:
            return ()
        linked = [*koppelingen.competenties, *koppelingen.kennisdomeinen, *koppelingen.doelgroepen]
        return tuple(
            Grond(self.reference_link(ref_id), koppelingen.toelichting[ref_id])
            for ref_id in linked
            if koppelingen.toelichting.get(ref_id)
        )

    def beroepen(self, views: dict[str, ModuleView]) -> tuple[BeroepView, ...]:
        result: list[BeroepView] = []
        for beroep, label in BEROEP_LABELS.items():
            in_beroep = [m for m in self.selected if m.beroep == beroep]
            if not in_beroep:
                continue
            functies: list[FunctieView] = []
            for functie, kop in FUNCTIES[beroep].items():
                in_functie = [m for m in in_beroep if m.functie == functie]
                if not in_functie:
                    continue
                clusters = [
                    ClusterView(
                        cluster,
                        f"{beroep}-cluster-{slug(cluster)}",
                        tuple(views[m.id] for m in in_functie if m.cluster == cluster),
                    )
                    for cluster in dict.fromkeys(m.cluster for m in in_functie)
                ]
                functies.append(FunctieView(kop, f"{beroep}-{functie}", tuple(clusters)))
            result.append(BeroepView(beroep, label, f"beroep-{beroep}", tuple(functies)))
        return tuple(result)

    def users(self, ref_id: str) -> tuple[Link, ...]:
        """The modules of this handbook that link ``ref_id``."""
        return tuple(
            self.module_link(m.id)
            for m in self.selected
            if m.koppelingen
            and ref_id in (*m.koppelingen.competenties, *m.koppelingen.kennisdomeinen, *m.koppelingen.doelgroepen)
        )

    def reference(self, model: Any, page: str, anchor: str) -> Reference:
        return Reference(
            id=model.id,
            titel=model.titel,
            anchor=anchor,
            page=page,
            omschrijving=_plain_blocks(getattr(model, "omschrijving", None)),
            proces=tuple(_item(v, _Marks([])) for v in getattr(model, "proces", [])),
            resultaat=tuple(_item(v, _Marks([])) for v in getattr(model, "resultaat", [])),
            modules=self.users(model.id),
        )

    def themas(self) -> tuple[tuple[ThemaView, ...], tuple[Reference, ...]]:
        kb = self.kb
        competenties = sorted(kb.scw_competenties.values(), key=lambda e: e.model.id)
        themas: list[ThemaView] = []
        for entry in sorted(kb.scw_themas.values(), key=lambda e: (e.model.volgorde or 0, e.model.id)):
            thema = entry.model
            themas.append(ThemaView(
                thema.titel,
                f"{_THEMA.anchor}-{thema.id}",
                _plain_blocks(thema.omschrijving),
                tuple(
                    self.reference(c.model, SCW_PAGE, f"{_SCW.anchor}-{c.model.id}")
                    for c in competenties
                    if c.model.thema == thema.id
                ),
            ))
        known_themas = set(kb.scw_themas)
        vakspecifiek = tuple(
            self.reference(c.model, SCW_PAGE, f"{_SCW.anchor}-{c.model.id}")
            for c in competenties
            if c.model.thema not in known_themas
        )
        return tuple(themas), vakspecifiek

    def ordered(self, index: kinds.Index, kb: KnowledgeBase) -> tuple[Reference, ...]:
        """An appendix's entries of ``index``, on its page, in their order."""
        entries = sorted(kb.index(index.name).values(), key=lambda e: (e.model.volgorde or 0, e.model.id))
        return tuple(self.reference(e.model, str(index.page), f"{index.anchor}-{e.model.id}") for e in entries)

    def register(self, beroepen: Iterable[BeroepView]) -> tuple[RegisterLetter, ...]:
        """Competences, knowledge domains, target groups and key terms (clusters, module titles)."""
        entries: list[RegisterEntry] = []
        kb = self.kb
        for ref_id in [*kb.scw_competenties, *kb.generieke_competenties, *kb.kennisdomeinen, *kb.doelgroepen]:
            link = self.reference_link(ref_id)
            titel = link.label.split(" ", 1)[1] if ref_id in kb.competenties else link.label
            term = f"{titel} ({ref_id})" if ref_id in kb.competenties else titel
            entries.append(RegisterEntry(term, (link, *self.users(ref_id))))
        for beroep in beroepen:
            for functie in beroep.functies:
                for cluster in functie.clusters:
                    target = Link(f"{cluster.titel} ({beroep.titel})", cluster.anchor, INDEX_PAGE)
                    entries.append(RegisterEntry(cluster.titel, (target,)))
                    for module in cluster.modules:
                        entries.append(RegisterEntry(module.titel, (self.module_link(module.id),)))
        merged: dict[str, list[Link]] = {}
        for entry in entries:
            merged.setdefault(entry.term, []).extend(entry.targets)
        letters: dict[str, list[RegisterEntry]] = {}
        for term in dutch_sorted(merged, key=str):
            targets = tuple(dict.fromkeys(merged[term]))
            letters.setdefault(index_letter(term), []).append(RegisterEntry(term, targets))
        return tuple(
            RegisterLetter(letter, f"register-{slug(letter) or 'overig'}", tuple(items))
            for letter, items in sorted(letters.items(), key=lambda kv: dutch_sort_key(kv[0]))
        )


def build_handbook(
    kb: KnowledgeBase,
    selectie: Selectie | None = None,
    meta: Metadata | None = None,
    today: date | None = None,
    team: TeamChapter | None = None,
) -> Handbook:
    """Gather the handbook; raises SelectionError for an unknown or empty selection.

    With ``team``, the selection should be the team's offered modules; the report becomes the first chapter.
    """
    selected, selectie = select_modules(kb, selectie or Selectie())
    builder = _Builder(kb, selected)
    views = {m.id: builder.module_view(m) for m in selected}
    beroepen = builder.beroepen(views)
    themas, vakspecifiek = builder.themas()
    bronnen = kb.bronnen.model.bronnen if kb.bronnen else []
    inleiding = sorted(kb.inleiding.values(), key=lambda e: (e.model.volgorde, e.model.id))
    return Handbook(
        meta=meta or Metadata(),
        selectie=selectie,
        colofon=Colofon(
            bronnen=tuple(b.citaat for b in bronnen),
            versie=__version__,
            datum=today or build_date(),
            git=kb_git_info(kb.root),
            rubric_versies=_rubric_versions(selected),
            tweede_lezing=_second_reading(selected),
        ),
        inleiding=tuple(
            InleidingView(e.model.id, e.model.titel, f"{_INLEIDING.anchor}-{e.model.id}", _plain_blocks(e.model.tekst))
            for e in inleiding
        ),
        beroepen=beroepen,
        modules=tuple(views[m.id] for m in selected),
        themas=themas,
        vakspecifiek=vakspecifiek,
        generieke_competenties=builder.ordered(_GENERIEK, kb),
        kennisdomeinen=builder.ordered(_KENNISDOMEIN, kb),
        doelgroepen=builder.ordered(_DOELGROEP, kb),
        matrix=koppelingen_matrix(kb, selected, builder.module_link, builder.reference_link),
        register=builder.register(beroepen),
        beroep_labels=dict(BEROEP_LABELS),
        zoekdocumenten=tuple(kb_documents(kb, [m.id for m in selected])),
        **_team_chapter(kb, builder, team),
    )


def _team_chapter(kb: KnowledgeBase, builder: _Builder, team: TeamChapter | None) -> dict[str, Any]:
    if team is None:
        return {}
    indexes: dict[str, dict[str, Any]] = {
        kinds.COMPETENTIE: kb.competenties, kinds.KENNISDOMEIN: kb.kennisdomeinen, kinds.DOELGROEP: kb.doelgroepen,
    }
    scholing = tuple(
        builder.reference(indexes[soort][identifier].model, TEAM_PAGE, f"scholing-{identifier}")
        for soort, identifier in team.gaps
    )
    return {"team": team.view, "team_markdown": team.markdown, "scholing": scholing}


def _second_reading(modules: list[Module]) -> bool:
    """Whether every module's links were reviewed and that review read by a second reader."""
    return bool(modules) and all(
        m.koppelingen and m.koppelingen.beoordeling and m.koppelingen.beoordeling.tweede_lezing for m in modules
    )


def _rubric_versions(modules: list[Module]) -> tuple[int, ...]:
    """The rubric versions the modules' editorial links were reviewed against, lowest first."""
    return tuple(sorted({
        m.koppelingen.beoordeling.rubric for m in modules if m.koppelingen and m.koppelingen.beoordeling
    }))
