"""Dutch messages of `wijkmodulen render` (the handbook's own words live in templates/)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "render.help": "Maak een handboek (HTML, PDF of Markdown) van de kennisbank, of van een selectie modulen.",
    "render.out": "Map waarin het handboek komt.",
    "render.beroep": "Alleen modulen van dit beroep: wijkmaatschappelijk-werk (wmw) of individueel-opbouwwerk (iow).",
    "render.cluster": "Alleen modulen van dit cluster, bijv. 'Aanmelding en intake' (herhaalbaar).",
    "render.module": "Alleen deze module, bijv. wmw-06 (herhaalbaar).",
    "render.competentie": "Alleen modulen die deze competentie oefenen, bijv. 4P of gk-1 (herhaalbaar).",
    "render.titel": "Titel op het omslag.",
    "render.ondertitel": "Ondertitel op het omslag.",
    "render.organisatie": "Organisatie die het handboek uitgeeft.",
    "render.logo": "Logo (PNG, JPEG of SVG) voor het omslag.",
    "render.editie": "Editie of versie van het handboek, bijv. '2025-1'.",
    "render.templates": "Map met eigen sjablonen; die gaan voor de meegeleverde.",
    "render.unknown_beroep": "Onbekend beroep '{value}'; kies uit: {choices}.",
    "render.unknown_cluster": "Onbekend cluster '{value}'; kies uit: {choices}.",
    "render.unknown_module": "Onbekende module '{value}'.",
    "render.unknown_competentie": "Onbekende competentie '{value}'; kies uit: {choices}.",
    "render.empty_selection": "Geen enkele module past bij deze selectie.",
    "render.kb_has_issues": "De kennisbank heeft {count} bestanden die niet te lezen zijn; draai eerst 'wijkmodulen lint'.",
    "render.no_logo": "Logo niet gevonden: {path}",
    "render.bad_logo": "Logo '{path}' is geen PNG, JPEG, GIF, WebP of SVG.",
    "render.no_templates": "Sjabloonmap niet gevonden: {path}",
    "render.template_error": "Fout in sjabloon {name}, regel {line}: {detail}",
    "render.template_missing": "Sjabloon niet gevonden: {name}",
    "render.bad_epoch": "SOURCE_DATE_EPOCH moet een geheel aantal seconden zijn, niet '{value}'.",
    "render.out_is_file": "--out {path} is een bestaand bestand, geen map; kies een map voor het handboek.",
    "render.out_in_kb": (
        "--out {path} schrijft in de kennisbank ({kb}); kies een map buiten de kennisbank, zodat het handboek "
        "geen bestanden van de kennisbank overschrijft of verwijdert."
    ),
    "render.out_blocked": "Kan het handboek niet schrijven: {path} staat in de weg; er is niets geschreven.",
    "render.cannot_write": "Kan niet schrijven naar {path}: {detail}",
    "render.pdf_no_weasyprint": (
        "Voor PDF is WeasyPrint nodig, en dat is niet geïnstalleerd. Installeer het met: "
        "pip install 'wijkmodulen[pdf]'"
    ),
    "render.pdf_no_pango": (
        "WeasyPrint kan Pango niet laden ({detail}). Installeer Pango, bijv. met: "
        "apt-get install libpango-1.0-0 libpangoft2-1.0-0"
    ),
    "render.written": "Handboek geschreven naar {path} (modulen: {modules})",
}
