"""Every user-facing string, in one catalogue (Dutch), so that another language can follow.

Code elsewhere calls ``t("key", **fields)``; a test fails on user-facing literals outside this
module and on keys used but missing here.
"""

from __future__ import annotations

NL: dict[str, str] = {
    # --- CLI help -------------------------------------------------------------------------
    "app.help": "Controleer, vergelijk en druk de modulen van sociaal werk in de wijk af.",
    "lint.help": "Controleer de YAML-bestanden van een kennisbank (schema, verwijzingen).",
    "lint.paths": "Kennisbankmap of losse bestanden; zonder pad de kennisbank uit de configuratie.",
    "lint.fail_level": "Laagste ernst die exit-code 1 geeft: error, warning of info.",
    "lint.quiet": "Alleen bevindingen tonen, geen samenvatting.",
    "schema.help": "Schrijf de JSON Schema's (draft 2020-12) van alle soorten bestanden.",
    "schema.out": "Map waarin de schema's komen.",
    "summary.help": "Toon een korte samenvatting van de kennisbank (aantallen per soort en beroep).",
    "kb.argument": "Kennisbankmap; zonder waarde de kennisbank uit de configuratie.",
    "version.help": "Toon het versienummer en stop.",
    # --- CLI output -----------------------------------------------------------------------
    "cli.kb_used": "Kennisbank: {path} ({origin})",
    "cli.origin.argument": "opgegeven",
    "cli.origin.config": "uit {config}",
    "cli.origin.default": "./data",
    "cli.origin.packaged": "meegeleverd met wijkmodulen",
    "cli.no_kb": "Geen kennisbank gevonden: {path} bestaat niet.",
    "cli.bad_fail_level": "Onbekend niveau '{value}'; kies uit: {choices}.",
    "cli.path_missing": "Pad bestaat niet: {path}",
    "cli.schema_written": "{count} schema's geschreven naar {path}",
    "cli.config_error": "Configuratiefout in {path}: {detail}",
    "lint.summary.clean": "Geen bevindingen in {files} bestanden.",
    "lint.summary.found": "{errors} fouten, {warnings} waarschuwingen, {infos} meldingen in {files} bestanden.",
    "severity.error": "fout",
    "severity.warning": "waarschuwing",
    "severity.info": "melding",
    # --- KB summary -----------------------------------------------------------------------
    "summary.title": "Kennisbank {path}",
    "summary.modules": "Modulen: {count}",
    "summary.modules_per_beroep": "  {beroep}: {count} (waarvan {schakel} schakelmodulen)",
    "summary.scw_themas": "SCW-thema's: {count}",
    "summary.scw_competenties": "SCW-competenties: {count}",
    "summary.generieke_competenties": "Generieke competenties: {count}",
    "summary.kennisdomeinen": "Kennisdomeinen: {count}",
    "summary.doelgroepen": "Doelgroepen: {count}",
    "summary.inleiding": "Inleidende paragrafen: {count}",
    # --- Loading: syntax and encoding -----------------------------------------------------
    "load.encoding": "Bestand is geen geldige UTF-8 (byte 0x{byte:02x}); sla het op als UTF-8.",
    "load.nul": "Bestand bevat een NUL-teken; is het wel een tekstbestand?",
    "load.syntax": "YAML-syntaxfout: {detail}",
    "load.alias": "Ankers en aliassen (&/*) zijn niet toegestaan; schrijf de tekst voluit.",
    "load.tag": "Tag '{tag}' is niet toegestaan; alleen gewone YAML-waarden.",
    "load.duplicate_key": "Sleutel '{key}' komt dubbel voor (eerder op regel {line}).",
    "load.not_mapping": "Het bestand moet een YAML-mapping (sleutel: waarde) zijn, geen {kind}.",
    "load.empty": "Het bestand is leeg.",
    "load.too_deep": "Het bestand is te diep genest om veilig te lezen.",
    "load.unreadable": "Bestand kan niet gelezen worden: {detail}",
    "load.non_string_key": "Sleutels moeten tekst zijn, niet {kind}.",
    "kind.list": "lijst",
    "kind.scalar": "losse waarde",
    # --- Schema ---------------------------------------------------------------------------
    "schema.unknown_key": "Onbekende sleutel '{key}'.",
    "schema.unknown_key_hint": "Onbekende sleutel '{key}'; bedoel je '{suggestion}'?",
    "schema.missing": "Verplichte sleutel '{key}' ontbreekt.",
    "schema.invalid": "Ongeldige waarde bij '{where}': {detail}",
    "schema.unknown_soort": "Onbekende soort '{value}'; verwacht: {choices}.",
    "schema.missing_soort": "Sleutel 'soort' ontbreekt; verwacht: {choices}.",
    "schema.type.string_type": "verwacht tekst",
    "schema.type.int_type": "verwacht een geheel getal",
    "schema.type.int_parsing": "verwacht een geheel getal",
    "schema.type.bool_type": "verwacht true of false",
    "schema.type.bool_parsing": "verwacht true of false",
    "schema.type.list_type": "verwacht een lijst",
    "schema.type.dict_type": "verwacht een mapping (sleutel: waarde)",
    "schema.type.model_type": "verwacht een mapping (sleutel: waarde)",
    "schema.type.model_attributes_type": "verwacht een mapping (sleutel: waarde)",
    "schema.type.literal_error": "verwacht een van: {expected}",
    "schema.type.string_pattern_mismatch": "volgt het patroon {pattern} niet",
    "schema.type.too_short": "mag niet leeg zijn",
    "schema.type.string_too_short": "mag niet leeg zijn",
    "schema.type.greater_than_equal": "moet minstens {ge} zijn",
    "schema.type.union_tag_invalid": "onverwachte vorm",
    "schema.type.value_error": "{detail}",
    "schema.type.other": "ongeldige waarde ({type})",
    "schema.stray_file": "Bestand hoort niet in {folder}/: alleen .yaml-bestanden worden gelezen.",
    # --- Reference integrity --------------------------------------------------------------
    "ref.id_filename": "Id '{id}' past niet bij de bestandsnaam: die moet met '{id}' beginnen.",
    "ref.id_pattern": "Id '{id}' volgt het patroon niet: {pattern}.",
    "ref.duplicate_id": "Id '{id}' komt ook voor in {other}.",
    "ref.unknown": "Onbekend id '{id}' ({kind}).",
    "ref.unknown_hint": "Onbekend id '{id}' ({kind}); bedoel je '{suggestion}'?",
    "ref.duplicate_nummer": "Nummer {nummer} komt bij {beroep} ook voor in {other}.",
    "ref.prefix_beroep": "Id '{id}' hoort bij beroep {expected}, niet bij {beroep}.",
    "ref.nummer_id": "Nummer {nummer} past niet bij id '{id}'.",
    "ref.tegenhanger_not_mutual": "Tegenhanger '{other}' noemt '{id}' niet terug als tegenhanger.",
    "ref.tegenhanger_same_beroep": "Tegenhanger '{other}' hoort bij hetzelfde beroep; een tegenhanger is van het andere beroep.",
    "ref.tegenhanger_not_schakel": "Module heeft tegenhangers maar is geen schakelmodule.",
    "ref.schakel_without_counterpart": "Schakelmodule zonder tegenhanger; noem de tegenhanger of leg in 'tegenhangers_toelichting' uit waarom die ontbreekt.",
    "ref.specificatie_self": "Een module kan geen specificatie van zichzelf zijn.",
    "ref.specificatie_beroep": "'{other}' hoort bij een ander beroep; een specificatie blijft binnen het beroep.",
    "ref.specificatie_cycle": "Kringverwijzing in specificatie_van: {cycle}.",
    "ref.unknown_publicatie": "Onbekende publicatie '{value}'; zie data/bronnen.yaml.",
    "ref.thema_vakspecifiek": "Een SCW-competentie heeft óf een 'thema' óf 'vakspecifiek: true'.",
    "kind.module": "module",
    "kind.competentie": "competentie",
    "kind.scw_thema": "SCW-thema",
    "kind.kennisdomein": "kennisdomein",
    "kind.doelgroep": "doelgroep",
    # --- Rule engine ----------------------------------------------------------------------
    "rule.crashed": "Regel {code} ({name}) is vastgelopen: {detail}",
    # --- Rule summaries -------------------------------------------------------------------
    "rule.WM001": "Bestand is geldige UTF-8 en veilige YAML.",
    "rule.WM002": "Bestand volgt het schema van zijn soort.",
    "rule.WM101": "Id volgt het patroon en de bestandsnaam begint ermee.",
    "rule.WM102": "Elk id komt één keer voor.",
    "rule.WM103": "Verwijzingen wijzen naar bestaande ids.",
    "rule.WM104": "Elk modulenummer komt één keer voor per beroep.",
    "rule.WM105": "Tegenhangers zijn wederzijds en van het andere beroep.",
    "rule.WM106": "Een schakelmodule heeft een tegenhanger of een toelichting.",
    "rule.WM107": "specificatie_van blijft binnen het beroep en maakt geen kring.",
}

_ACTIVE = NL


def t(message_id: str, /, **fields: object) -> str:
    """The message ``message_id`` in the active catalogue, with ``fields`` filled in."""
    return _ACTIVE[message_id].format(**fields)
