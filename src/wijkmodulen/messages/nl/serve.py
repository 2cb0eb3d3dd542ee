"""Dutch messages of `wijkmodulen serve`: the terminal lines and the words of the preview panel."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "serve.help": (
        "Toon het handboek live in de browser: bij elke wijziging in de kennisbank of de sjablonen "
        "wordt het opnieuw opgebouwd, met de lint-bevindingen erbij."
    ),
    "serve.port": "Poort op 127.0.0.1; bezet, dan de eerstvolgende vrije. 0 kiest zelf een vrije poort.",
    "serve.bad_port": "Ongeldige poort {port}; kies 0 tot en met 65535.",
    "serve.port_busy": "Poort {port} is bezet; ik gebruik poort {chosen}.",
    "serve.no_free_port": "Geen vrije poort gevonden van {first} tot en met {last}.",
    "serve.cannot_bind": "Kan niet luisteren op 127.0.0.1:{port}: {detail}",
    "serve.listening": "Voorbeeld op {url}",
    "serve.how_to_stop": "Het handboek volgt de bestanden; stop met Ctrl-C.",
    "serve.built": "Opgebouwd in {seconds} s: {modules} modulen; {summary}",
    "serve.render_failed": "Opgebouwd in {seconds} s, maar het handboek kon niet worden gemaakt: {detail}",
    "serve.stopped": "Voorbeeld gestopt.",
    "serve.wrong_host": "Dit voorbeeld antwoordt alleen op {url} (en localhost of [::1] op dezelfde poort).",
    "serve.too_many": "Te veel open verbindingen met het voorbeeld; probeer het zo weer.",
    "serve.request_failed": "Een verzoek aan het voorbeeld mislukte: {detail}",
    "serve.watch_limited": (
        "Let op: {folder} bevat te veel bestanden of mappen om te volgen; alleen de eerste {files} bestanden "
        "(tot {depth} mappen diep) worden gevolgd. Kies een kleinere map voor de sjablonen of de kennisbank."
    ),
    # --- the panel in the page ------------------------------------------------------------------
    "serve.panel.label": "Voorbeeld en bevindingen",
    "serve.panel.title": "Voorbeeld – bijgewerkt om {time}",
    "serve.panel.broken": "Deze bestanden ontbreken in het voorbeeld tot hun fout hersteld is.",
    "serve.panel.broken_title": "Niet geladen ({count})",
    "serve.panel.findings_title": "Bevindingen",
    "serve.panel.render_failed": "Het handboek kon niet worden gemaakt.",
    "serve.panel.module_label": "Bevindingen bij module {id}",
    "serve.panel.to_module": "naar de module",
}
