"""Dutch messages of `wijkmodulen lsp`, the editor server: its help, log lines and code actions."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "editor.help": (
        "Start de taalserver voor editors (VS Code, Neovim, Helix): bevindingen terwijl je typt, "
        "aanvullen van ids en sleutels, springen naar definities en hernoemen. Spreekt LSP over stdin/stdout."
    ),
    "editor.kb": "De kennisbank; zonder deze optie die van de map die de editor opent.",
    "editor.missing_extra": (
        "De taalserver heeft pygls nodig: installeer met pip install 'wijkmodulen[lsp]'."
    ),
    "editor.started": "wijkmodulen lsp: kennisbank {root} geladen, {files} bestanden, {problems} bevindingen.",
    "editor.outside_kb": "wijkmodulen lsp: {path} hoort niet bij een kennisbank; geen bevindingen.",
    "editor.not_open": "Onbekend document: {uri} is niet geopend.",
    "editor.failed": "wijkmodulen lsp: {method} mislukt: {detail}",
    "editor.cannot_open": "wijkmodulen lsp: kennisbank niet te openen: {detail}",
    "editor.rename_no_id": "Hier staat geen id van de kennisbank om te hernoemen.",
    "editor.rename_bad_id": "‘{id}’ is geen geldig id hier (patroon {pattern}).",
    "editor.rename_taken": "Het id ‘{id}’ bestaat al.",
    "editor.action_fix": "Herstel automatisch ({code} {name})",
    "editor.action_did_you_mean": "Bedoel je ‘{name}’?",
    "editor.action_suppress": "Onderdruk {code} op deze regel, met een reden",
    "editor.suppress_reason": "reden",
    "editor.proces": "Proces:",
    "editor.resultaat": "Resultaat:",
}
