"""Messages of the guarded reader, the safe writer and the template sandbox."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "files.link_outside": "Symbolische koppeling naar {target} wijst buiten de repository; niet gelezen.",
    "files.out_link": "{path} is een symbolische koppeling; er wordt nooit via een koppeling geschreven.",
    "files.out_blocked": "{path} is geen gewoon bestand of map; daar wordt niet geschreven.",
    "files.out_outside": "{path} ligt buiten de uitvoermap {root}; niet geschreven.",
    "files.template_unsafe": (
        "Sjabloon {name}, regel {line}: dit mag een sjabloon niet ({detail}). "
        "Sjablonen draaien afgeschermd: ze kunnen geen bestanden, programma's of interne gegevens bereiken."
    ),
    "files.config_outside": "{setting} = {value} wijst buiten de map van de configuratie ({folder}); niet gebruikt.",
    "render.bad_logo_file": "Logo {path} niet gelezen: {detail}",
    "lint.summary_unwritable": "Samenvatting voor GitHub niet geschreven naar {path}: {detail}",
    "files.template_unreadable": "Sjabloon {name} kan niet gelezen worden: {detail}",
}
