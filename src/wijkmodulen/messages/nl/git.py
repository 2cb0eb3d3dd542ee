"""Dutch messages about git: reading revisions and changed files."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "git.missing": "git is niet gevonden; installeer git of zet het op het PATH.",
    "git.not_repository": "{path} ligt niet in een git-repository.",
    "git.unknown_revision": "Onbekende revisie '{revision}'.",
    "git.unsafe_repository": (
        "De git-repository bij {path} is van een andere gebruiker; git weigert die (safe.directory). "
        "Controleer de eigenaar en voeg de map toe met: git config --global --add safe.directory <map>"
    ),
    "git.failed": "git {command} mislukte: {detail}",
}
