"""Dutch messages about git: reading revisions and changed files."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "git.missing": "git is niet gevonden; installeer git of zet het op het PATH.",
    "git.not_repository": "{path} ligt niet in een git-repository.",
    "git.unknown_revision": "Onbekende revisie '{revision}'.",
    "git.failed": "git {command} mislukte: {detail}",
}
