"""Dutch messages of searching: `wijkmodulen zoek` and the search box of the HTML handbook."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "zoek.help": (
        "Zoek in de modulen, competenties, kennisbouwstenen en de inleiding: Nederlandse woordstammen, "
        "samenstellingen ('schulden' vindt 'schuldenproblematiek'), titel en doelen wegen het zwaarst."
    ),
    "zoek.query": "Waar je naar zoekt, bijv. 'schulden' of 'huiselijk geweld'.",
    "zoek.format": "Uitvoer: text, json of markdown.",
    "zoek.aantal": "Hoeveel treffers hoogstens (0: alle).",
    "zoek.no_cache": "Zonder cache: de zoekindex opbouwen uit de hele kennisbank (de cache blijft zoals hij is).",
    "zoek.beroep": "Alleen modulen van dit beroep: wijkmaatschappelijk-werk (wmw) of individueel-opbouwwerk (iow).",
    "zoek.cluster": "Alleen modulen van dit cluster, bijv. 'Aanmelding en intake' (herhaalbaar).",
    "zoek.competentie": "Alleen modulen die deze competentie oefenen, bijv. 4P of gk-1 (herhaalbaar).",
    "zoek.unknown_format": "Onbekend formaat '{value}'; kies uit: {choices}.",
    "zoek.bad_aantal": "Het aantal moet 0 of groter zijn, niet {value}.",
    "zoek.kb_has_issues": "Let op: {count} bestand(en) van de kennisbank konden niet gelezen worden en "
    "doen niet mee (wijkmodulen lint).",
    "zoek.geen_treffers": "Geen treffers voor '{query}'.",
    "zoek.treffers": "{total} treffer(s) voor '{query}'.",
    "zoek.treffers_deel": "De eerste {shown} van {total} treffers voor '{query}'.",
    "zoek.md_kop": "Zoekresultaten voor ‘{query}’",
    "zoek.soort.module": "module",
    "zoek.soort.competentie": "competentie",
    "zoek.soort.thema": "SCW-thema",
    "zoek.soort.kennisbouwsteen": "kennisbouwsteen",
    "zoek.soort.inleiding": "inleiding",
}
