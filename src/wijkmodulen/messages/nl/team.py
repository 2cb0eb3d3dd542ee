"""Dutch messages of the team profile: `wijkmodulen team` and `render --team`."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- CLI ----------------------------------------------------------------------------------
    "team.help": (
        "Teamprofiel: welke competenties, kennisdomeinen en doelgroepen de modulen van het team vragen, "
        "hoe het team die dekt, de lacunes en leerstof om ze te dichten."
    ),
    "team.profiel": "Het teamprofiel (YAML), zie examples/team-noord.yaml.",
    "team.niveau": "Nodig niveau (1-4); overschrijft 'niveau' uit het profiel.",
    "team.output": "Schrijf naar dit bestand in plaats van naar de terminal.",
    "team.bad_niveau": "Niveau {value} bestaat niet; kies 1, 2, 3 of 4.",
    "team.no_profile": "Teamprofiel niet gevonden: {path}",
    "team.profile_not_regular": "Teamprofiel {path} is {what}, geen gewoon bestand; geef een YAML-bestand op.",
    "team.kb_has_issues": "De kennisbank heeft fouten in {count} bestand(en); los die eerst op (wijkmodulen lint).",
    "team.findings": "{count} probleem/problemen in het teamprofiel.",
    "team.written": "Teamrapport geschreven naar {path}",
    "team.handboek_titel": "Scholingshandboek {team}",
    "team.cannot_write": "Kan {path} niet schrijven: {detail}",
    "render.team": "Maak een scholingshandboek voor het team uit dit profiel: de modulen van het aanbod, "
    "het lacunerapport als eerste hoofdstuk en de beschrijvingen van de ontbrekende competenties.",
    "render.team_with_selection": "--team bepaalt zelf de modulen; combineer het niet met --beroep, --cluster, "
    "--module of --competentie.",
    # --- findings in a profile ------------------------------------------------------------------
    "team.unknown_id": "{kind} '{id}' bestaat niet in de kennisbank.",
    "team.unknown_id_hint": "{kind} '{id}' bestaat niet in de kennisbank; bedoel je '{suggestion}'?",
    "team.kind.module": "Module",
    "team.kind.cluster": "Cluster",
    "team.kind.beroep": "Beroep",
    "team.kind.competentie": "Competentie",
    "team.kind.kennisdomein": "Kennisdomein",
    "team.kind.doelgroep": "Doelgroep",
    # pydantic's check of a level (0-4); the KB's own models have no upper bounds
    "schema.type.less_than_equal": "mag hoogstens {le} zijn",
    "team.empty_aanbod": "Het aanbod noemt geen modulen, clusters of beroepen.",
    "team.duplicate_lid": "Lid '{naam}' staat al in het profiel (lid {nummer}); geef elk lid een eigen naam.",
}

# Words of the report (text, Markdown, JSON keys stay English-free ids; the HTML uses templates/labels.j2).
MESSAGES.update({
    "team.label.titel": "Teamrapport: {team}",
    "team.label.kop": "Nodig niveau {niveau} ({naam}); {leden} leden; {modules} modulen in het aanbod.",
    "team.label.aanbod": "Aanbod",
    "team.label.dekking": "Dekking",
    "team.label.dekking_uitleg": (
        "Per competentie, kennisdomein en doelgroep die het aanbod vraagt: in hoeveel modulen, hoeveel "
        "leden op niveau 1, 2, 3 en 4, en hoeveel op het nodige niveau {niveau} of hoger."
    ),
    "team.label.competenties": "Competenties",
    "team.label.kennisdomeinen": "Kennisdomeinen",
    "team.label.doelgroepen": "Doelgroepen",
    "team.label.id": "id",
    "team.label.naam": "naam",
    "team.label.modulen": "modulen",
    "team.label.op_niveau": "op niveau",
    "team.label.niveau_n": "niv. {n}",
    "team.label.lacunes": "Lacunes",
    "team.label.lacune": "lacune",
    "team.label.lacunes_uitleg": (
        "Nodig maar door geen lid op niveau {niveau} beheerst, of door niemand gedekt; "
        "de meest gevraagde eerst."
    ),
    "team.label.geen_lacunes": "Geen lacunes: elk onderdeel van het aanbod beheerst minstens één lid op niveau {niveau}.",
    "team.label.niet-gedekt": "niet gedekt",
    "team.label.onder-niveau": "hoogste niveau {hoogste}",
    "team.label.nodig_in": "Nodig in {count} module(n): {modules}",
    "team.label.beschrijving": "Beschrijving: {tekst}",
    "team.label.verder": "Meer oefenstof (modulen buiten het aanbod): {modules}",
    "team.label.geen_verder": "Meer oefenstof: geen andere module oefent dit.",
    "team.label.soort.competentie": "competentie",
    "team.label.soort.kennisdomein": "kennisdomein",
    "team.label.soort.doelgroep": "doelgroep",
    "team.label.leden": "Leden",
    "team.label.rol": "rol",
    "team.svg.heatmap_titel": "Niveaus per lid en {soort}",
    "team.svg.heatmap_desc": (
        "Heatmap: per lid (rij) en per {soort} die het aanbod vraagt (kolom) het zelf ingeschatte niveau, "
        "0 tot 4; donkerder is hoger. Vet gezet: een lacune."
    ),
    "team.svg.heatmap_cel": "{lid}, {id}: niveau {niveau}",
    "team.svg.bars_titel": "Lacunes naar aantal modulen dat ze vraagt",
    "team.svg.bars_desc": (
        "Staafdiagram: per lacune het aantal modulen in het aanbod dat die competentie, dat kennisdomein "
        "of die doelgroep vraagt; de meest gevraagde boven."
    ),
    "team.svg.bar": "{id} ({tekort}): {count} module(n)",
})
