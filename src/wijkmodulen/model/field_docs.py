"""A Dutch title and description for every key of every model, for the JSON Schema (hovers in
yaml-language-server) and the editor server. A field's own ``Field(description=...)`` (often the
publication's definition of a section) comes first; this table gives the title, and the
description where the field has none. ``Strict`` applies it when a model class is made.
"""

from __future__ import annotations

_SECTIE = "Tekst zoals gedrukt: één alinea, een lijst, of blokken (tekst, lijst, uitvoerder met activiteiten)."

FIELD_DOCS: dict[str, dict[str, tuple[str, str]]] = {
    "Module": {
        "id": ("Id", "Voorvoegsel van het beroep en het nummer: wmw-06, iow-11."),
        "titel": ("Titel", "De naam van de module zoals gedrukt."),
        "beroep": ("Beroep", "wijkmaatschappelijk-werk of individueel-opbouwwerk."),
        "functie": ("Functie", "De groep functies waaronder de module in de publicatie staat."),
        "cluster": ("Cluster", "Het cluster zoals gedrukt, bijv. 'Aanmelding en intake'."),
        "nummer": ("Nummer", "Het nummer van de module binnen het beroep."),
        "schakelmodule": ("Schakelmodule", "true als de module een tegenhanger bij het andere beroep heeft."),
        "tegenhangers": ("Tegenhangers", "Ids van de versie(s) van het andere beroep."),
        "tegenhangers_toelichting": ("Toelichting op de tegenhangers", "Waarom de tegenhangers zo zijn gekozen."),
        "specificatie_van": ("Specificatie van", "De module (id, of een externe module) waarvan deze een specificatie is."),
        "doelgroep": ("Doelgroep", _SECTIE),
        "doelen": ("Doelen", _SECTIE),
        "duur_en_frequentie": ("Duur en frequentie", _SECTIE),
        "setting": ("Setting", _SECTIE),
        "werkwijze": ("Werkwijze/activiteiten", _SECTIE),
        "aanvullende_informatie": ("Aanvullende informatie", _SECTIE),
        "randvoorwaarden": ("Randvoorwaarden", _SECTIE),
        "kopjes": ("Kopjes", "Gedrukte kopjes van secties waar die van de standaard afwijken."),
        "voetnoten": ("Voetnoten", "De voetnoten van de module, met teken, sectie en anker."),
        "verwijzingen": ("Verwijzingen", "Andere modulen die de tekst noemt."),
        "bron": ("Bron", "Waar de tekst vandaan komt: publicatie, jaar, sectie, pagina's."),
        "koppelingen": ("Koppelingen", "Redactionele koppelingen naar competenties en kennisbouwstenen."),
    },
    "ExterneModule": {
        "extern": ("Externe module", "Naam van de module zoals de tekst die noemt."),
    },
    "Voetnoot": {
        "teken": ("Teken", "Het voetnootteken, bijv. '*'."),
        "sectie": ("Sectie", "De sectie waarin het teken staat."),
        "anker": ("Anker", "Het woord waar het voetnootteken achter staat."),
        "tekst": ("Tekst", "De tekst van de voetnoot zoals gedrukt."),
    },
    "Kopjes": {
        "doelgroep": ("Kopje doelgroep", "Het gedrukte kopje van de sectie doelgroep."),
        "doelen": ("Kopje doelen", "Het gedrukte kopje van de sectie doelen."),
        "duur_en_frequentie": ("Kopje duur en frequentie", "Het gedrukte kopje van de sectie duur en frequentie."),
        "setting": ("Kopje setting", "Het gedrukte kopje van de sectie setting."),
        "werkwijze": ("Kopje werkwijze", "Het gedrukte kopje van de sectie werkwijze/activiteiten."),
        "aanvullende_informatie": ("Kopje aanvullende informatie", "Het gedrukte kopje van de aanvullende informatie."),
        "randvoorwaarden": ("Kopje randvoorwaarden", "Het gedrukte kopje van de sectie randvoorwaarden."),
    },
    "Koppelingen": {
        "herkomst": ("Herkomst", "Altijd 'redactioneel': de publicatie legt deze koppelingen niet."),
        "competenties": ("Competenties", "SCW-competenties (4A-4T) en generieke competenties (gk-1 tot en met gk-7)."),
        "kennisdomeinen": ("Kennisdomeinen", "Ids van de kennisdomeinen van de kennisbouwstenen."),
        "doelgroepen": ("Doelgroepen", "Ids van doelgroepen, alleen als de module daarop is toegespitst."),
        "toelichting": ("Toelichting", "Per gekoppeld id: de zin uit de module die de koppeling draagt."),
    },
    "Bron": {
        "publicatie": ("Publicatie", "Titel van de publicatie, zoals in bronnen.yaml."),
        "jaar": ("Jaar", "Het jaar van de publicatie."),
        "sectie": ("Sectie", "Hoofdstuk of paragraaf in de publicatie."),
        "paginas": ("Pagina's", "Gedrukte paginanummers."),
    },
    "TekstBlok": {"tekst": ("Tekst", "Eén alinea.")},
    "LijstBlok": {"lijst": ("Lijst", "De punten van een opsomming.")},
    "LijstItem": {
        "tekst": ("Tekst", "De tekst van het punt."),
        "lijst": ("Lijst", "De punten onder dit punt."),
    },
    "ActiviteitenBlok": {
        "uitvoerder": ("Uitvoerder", "De regel die de activiteiten inleidt, bijv. 'De wijkmaatschappelijk werker:'."),
        "activiteiten": ("Activiteiten", "De activiteiten die de uitvoerder-regel inleidt."),
    },
    "ScwThema": {
        "id": ("Id", "Het id van het thema (kleine letters en streepjes)."),
        "soort": ("Soort", "Altijd 'scw-thema'."),
        "titel": ("Titel", "De naam van het thema zoals gedrukt."),
        "volgorde": ("Volgorde", "De plaats van het thema in het profiel."),
        "omschrijving": ("Omschrijving", "De omschrijving uit het profiel, waar de bron die geeft."),
        "bron": ("Bron", "Waar de tekst vandaan komt."),
    },
    "ScwCompetentie": {
        "id": ("Id", "4A tot en met 4T."),
        "soort": ("Soort", "Altijd 'scw-competentie'."),
        "titel": ("Titel", "De naam van de competentie zoals gedrukt."),
        "omschrijving": ("Omschrijving", "De omschrijving uit het profiel, waar de bron die geeft."),
        "thema": ("Thema", "Het SCW-thema (4A-4K)."),
        "vakspecifiek": ("Vakspecifiek", "true voor de vakspecifieke competenties (4L-4T)."),
        "proces": ("Proces", "Wat de professional doet, zoals het profiel het opsomt."),
        "resultaat": ("Resultaat", "Wat dat oplevert, zoals het profiel het opsomt."),
        "bron": ("Bron", "Waar de tekst vandaan komt."),
    },
    "GeneriekeCompetentie": {
        "id": ("Id", "gk-1 tot en met gk-7."),
        "soort": ("Soort", "Altijd 'generieke-competentie'."),
        "titel": ("Titel", "De naam van de competentie zoals gedrukt."),
        "volgorde": ("Volgorde", "De plaats van de competentie in de publicatie."),
        "omschrijving": ("Omschrijving", "De omschrijving uit de bron."),
        "bron": ("Bron", "Waar de tekst vandaan komt."),
    },
    "Kennisbouwsteen": {
        "id": ("Id", "Het id van de kennisbouwsteen (kleine letters en streepjes)."),
        "soort": ("Soort", "kennisdomein of doelgroep."),
        "titel": ("Titel", "De naam zoals gedrukt."),
        "volgorde": ("Volgorde", "De plaats in de publicatie."),
        "omschrijving": ("Omschrijving", "Alleen waar de bron tekst geeft."),
        "bron": ("Bron", "Waar de tekst vandaan komt."),
    },
    "Inleiding": {
        "id": ("Id", "Het id van het hoofdstuk (kleine letters en streepjes)."),
        "volgorde": ("Volgorde", "De plaats van het hoofdstuk in de inleiding."),
        "hoofdstuk": ("Hoofdstuk", "Het nummer of de aanduiding van het hoofdstuk zoals gedrukt."),
        "titel": ("Titel", "De titel van het hoofdstuk zoals gedrukt."),
        "tekst": ("Tekst", "De tekst van het hoofdstuk in blokken."),
        "bron": ("Bron", "Waar de tekst vandaan komt."),
    },
    "Bronnen": {
        "bronnen": ("Bronnen", "De publicaties waaruit de kennisbank citeert."),
    },
    "Publicatie": {
        "titel": ("Titel", "Zoals gebruikt in 'bron.publicatie'."),
        "ondertitel": ("Ondertitel", "De ondertitel van de publicatie."),
        "auteurs": ("Auteurs", "De auteurs van de publicatie."),
        "jaar": ("Jaar", "Het jaar van uitgave."),
        "uitgever": ("Uitgever", "De uitgever."),
        "plaats": ("Plaats", "De plaats van uitgave."),
        "url": ("Webadres", "Waar de publicatie te vinden is."),
        "citaat": ("Citaat", "Volledige bronvermelding."),
    },
    "TeamProfiel": {
        "team": ("Team", "Naam van het team."),
        "niveau": ("Niveau", "Het niveau dat nodig is."),
        "aanbod": ("Aanbod", "De modulen die het team aanbiedt: ids, clusters of beroepen."),
        "leden": ("Leden", "De leden van het team met hun bekendheid per competentie en kennisbouwsteen."),
    },
    "Lid": {
        "naam": ("Naam", "Initialen of rol."),
        "rol": ("Rol", "Functie in het team."),
        "competenties": ("Competenties", "Per SCW-competentie of generieke competentie: bekendheid 0-4."),
        "kennisdomeinen": ("Kennisdomeinen", "Per kennisdomein: bekendheid 0-4."),
        "doelgroepen": ("Doelgroepen", "Per doelgroep: bekendheid 0-4."),
    },
    "Aanbod": {
        "modules": ("Modulen", "Module-ids, bijv. wmw-01."),
        "clusters": ("Clusters", "Clusters zoals gedrukt."),
        "beroepen": ("Beroepen", "Alle modulen van een beroep."),
    },
}


def document_fields(model: type) -> bool:
    """Give the fields of ``model`` their title and (where missing) description from the table;
    True when something changed (the model must then be rebuilt for its JSON Schema)."""
    docs = FIELD_DOCS.get(model.__name__, {})
    changed = False
    for name, info in getattr(model, "__pydantic_fields__", {}).items():
        if name not in docs:
            continue
        title, description = docs[name]
        if info.title is None:
            info.title = title
            changed = True
        if info.description is None:
            info.description = description
            changed = True
    return changed
