"""Dutch messages of the cross-references: xref, show, graph and compare."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- CLI help -------------------------------------------------------------------------
    "xref.help": (
        "Kruisverwijzingen: welke module welke competentie, welk kennisdomein of welke doelgroep raakt; "
        "ook lacunes (--gaps) en opzoeken (--competentie, --kennisdomein, --doelgroep)."
    ),
    "xref.by": "Kolommen: scw (4A-4T), gk (generieke competenties), kennisdomein of doelgroep.",
    "xref.beroep": "Alleen de modulen van dit beroep: wijkmaatschappelijk-werk (wmw) of individueel-opbouwwerk (iow).",
    "xref.excel": "CSV voor Nederlandse Excel: puntkomma's, BOM en CRLF.",
    "xref.output": "Schrijf naar dit bestand in plaats van naar de terminal.",
    "xref.gaps": "Toon wat geen enkele module bereikt, en modulen zonder koppelingen of tegenhanger.",
    "xref.fail_on_gaps": "Met --gaps: exit-code 1 als er lacunes zijn (voor CI).",
    "xref.competentie": "Toon de modulen die deze competentie (4A-4T, gk-1.., of een SCW-thema) oefenen.",
    "xref.kennisdomein": "Toon de modulen die dit kennisdomein nodig hebben.",
    "xref.doelgroep": "Toon de modulen die op deze doelgroep zijn toegespitst.",
    "show.help": "Toon een module, competentie, thema, kennisdomein of doelgroep met al zijn verbanden.",
    "show.id": "Het id, bijv. wmw-06, 4P, gk-3 of inkomen.",
    "kb.option": "Kennisbankmap; zonder waarde de kennisbank uit de configuratie.",
    "graph.help": "Toon de verbanden tussen modulen (en met competenties) als Mermaid- of Graphviz-diagram.",
    "graph.select": (
        "Alleen deze ids (of patronen zoals 'wmw-*') en hun directe buren; komma's of herhalen."
    ),
    "graph.relaties": (
        "Welke verbanden: specificatie, verwijzing, tegenhanger, competentie, kennisdomein "
        "(standaard alle behalve kennisdomein)."
    ),
    "compare.help": (
        "Leg twee modulen (bijv. de twee versies van een schakelmodule) sectie voor sectie naast elkaar "
        "en markeer de woorden die verschillen. Met één id: vergelijk met de tegenhanger(s)."
    ),
    "compare.ids": "Eén of twee module-ids, bijv. wmw-12 iow-11.",
    # --- CLI errors -----------------------------------------------------------------------
    "xref.bad_choice": "Onbekende waarde '{value}' voor {option}; kies uit: {choices}.",
    "xref.one_question": "Kies één vraag tegelijk: --gaps, --competentie, --kennisdomein of --doelgroep.",
    "xref.format_not_for": "Formaat '{format}' kan niet bij {question}; kies uit: {choices}.",
    "xref.excel_needs_csv": "--excel hoort bij --format csv.",
    "xref.fail_needs_gaps": "--fail-on-gaps hoort bij --gaps.",
    "xref.unknown_id": "Onbekend id '{id}'.",
    "xref.unknown_id_hint": "Onbekend id '{id}'; bedoel je '{suggestion}'?",
    "xref.wrong_kind": "'{id}' is een {kind}, geen {expected}.",
    "xref.kb_issues": "Let op: {count} bestanden konden niet (volledig) geladen worden; draai 'wijkmodulen lint'.",
    "xref.written": "Geschreven naar {path}",
    "compare.needs_module": "'{id}' is geen module; compare vergelijkt modulen.",
    "compare.no_counterpart": "{id} heeft geen tegenhangers; geef een tweede id.",
    "compare.too_many": "Geef één of twee module-ids.",
    # --- Matrix ---------------------------------------------------------------------------
    "xref.dim.scw": "SCW-competenties",
    "xref.dim.gk": "generieke competenties",
    "xref.dim.kennisdomein": "kennisdomeinen",
    "xref.dim.doelgroep": "doelgroepen",
    "xref.caption": "Modulen en {dimension}",
    "xref.caption_beroep": "Modulen en {dimension}: {beroep}",
    "xref.col.id": "id",
    "xref.col.titel": "titel",
    "xref.col.beroep": "beroep",
    "xref.col.totaal": "totaal",
    "xref.legend": "Legenda ({mark} = gekoppeld, Σ = aantal koppelingen van de module):",
    # --- Gaps ----------------------------------------------------------------------------
    "gaps.all_modules": "alle modulen",
    "gaps.heading": "Lacunes: {scope}",
    "gaps.heading_beroep": "Lacunes: {scope} (alleen wat het andere beroep wel bereikt)",
    "gaps.unreached.scw-competentie": "SCW-competenties die geen module raakt",
    "gaps.unreached.scw-thema": "SCW-thema's waarvan geen module een competentie raakt",
    "gaps.unreached.generieke-competentie": "Generieke competenties die geen module raakt",
    "gaps.unreached.kennisdomein": "Kennisdomeinen die geen module nodig heeft",
    "gaps.unreached.doelgroep": "Doelgroepen waarop geen module is toegespitst",
    "gaps.zonder_competenties": "Modulen zonder gekoppelde competentie",
    "gaps.zonder_kennisdomeinen": "Modulen zonder gekoppeld kennisdomein",
    "gaps.zonder_tegenhanger": "Schakelmodulen zonder tegenhanger",
    "gaps.none": "geen",
    "gaps.reason": "reden: {reason}",
    "gaps.total": "{count} lacunes ({scope}).",
    "gaps.none_total": "Geen lacunes.",
    # --- Lookups --------------------------------------------------------------------------
    "lookup.heading": "{name} ({kind}): {count} modulen",
    "lookup.none": "geen modulen",
    # --- show -----------------------------------------------------------------------------
    "show.beroep": "Beroep",
    "show.functie": "Functie",
    "show.cluster": "Cluster",
    "show.nummer": "Nummer",
    "show.schakelmodule": "Schakelmodule",
    "show.paginas": "Pagina's",
    "show.ja": "ja",
    "show.nee": "nee",
    "show.soort": "Soort",
    "show.thema": "Thema",
    "show.vakspecifiek": "Vakspecifiek",
    "show.tegenhangers": "Tegenhangers",
    "show.tegenhangers_toelichting": "Toelichting tegenhangers",
    "show.specificatie_van": "Specificatie van",
    "show.extern": "(module buiten deze kennisbank)",
    "show.gespecificeerd_door": "Gespecificeerd in",
    "show.verwijst_naar": "Verwijst naar",
    "show.genoemd_door": "Genoemd in",
    "show.competenties": "Competenties (redactioneel)",
    "show.kennisdomeinen": "Kennisdomeinen (redactioneel)",
    "show.doelgroepen": "Doelgroepen (redactioneel)",
    "show.competenties_in_thema": "Competenties in dit thema",
    "show.modulen": "Modulen {beroep}",
    "show.geen": "geen",
    # --- graph ----------------------------------------------------------------------------
    "graph.relatie.specificatie": "specificatie van",
    "graph.relatie.verwijzing": "verwijst naar",
    "graph.relatie.tegenhanger": "tegenhanger",
    "graph.relatie.competentie": "competentie",
    "graph.relatie.kennisdomein": "kennisdomein",
    "graph.nothing_selected": "'{pattern}' past op geen enkel id.",
    "graph.nothing_selected_hint": "'{pattern}' past op geen enkel id; bedoel je '{suggestion}'?",
    # --- compare --------------------------------------------------------------------------
    "compare.heading": "{left} {left_titel} ↔ {right} {right_titel}",
    "compare.summary": (
        "{left_beroep} ↔ {right_beroep}: {differing} van {sections} secties verschillen; "
        "woorden {percent}% gelijk."
    ),
    "compare.legend_plain": "[-woorden-] staan alleen in {left}, {{+woorden+}} alleen in {right}.",
    "compare.legend_rich_weg": "alleen in {left}",
    "compare.legend_rich_nieuw": "alleen in {right}",
    "compare.legend_markdown": "~~Doorgehaald~~: alleen in {left}; **vet**: alleen in {right}.",
    "compare.same": "gelijk",
    "compare.different": "verschilt; {percent}% gelijk",
    "compare.section": "Sectie",
}
