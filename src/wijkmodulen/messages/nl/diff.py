"""Dutch messages of `wijkmodulen diff`."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- CLI help -------------------------------------------------------------------------
    "diff.help": (
        "Vergelijk de kennisbank tussen twee git-revisies (of mappen) inhoudelijk: modulen, competenties, "
        "kennisbouwstenen en inleiding toegevoegd, verwijderd, hernoemd of gewijzigd, per sectie en per item."
    ),
    "diff.old": "Oude kant: een git-revisie (HEAD~1, main, een commit) of een kennisbankmap.",
    "diff.new": "Nieuwe kant: een git-revisie of een kennisbankmap; zonder waarde de werkmap.",
    "diff.kb": "De kennisbankmap in de repository; zonder waarde die uit de configuratie.",
    "diff.stat": "Eén regel per gewijzigd item.",
    "diff.exit_code": "Exit-code 1 als er wijzigingen zijn (zoals git diff --exit-code).",
    "diff.stat_json": "--stat kan niet samen met --format json; json bevat de aantallen al.",
    # --- Output ---------------------------------------------------------------------------
    "diff.worktree": "werkmap",
    "diff.title": "Inhoudelijke wijzigingen {old} → {new}",
    "diff.none": "Geen inhoudelijke wijzigingen.",
    "diff.summary": (
        "{total} verschillen: {added} toegevoegd, {removed} verwijderd, {renamed} hernoemd, {changed} gewijzigd."
    ),
    "diff.summary_one": (
        "1 verschil: {added} toegevoegd, {removed} verwijderd, {renamed} hernoemd, {changed} gewijzigd."
    ),
    "diff.problems": "Problemen in {side} (deze bestanden zijn niet vergeleken):",
    "diff.renamed_id": "id {old} → {new}",
    "diff.renamed_file": "bestand {old} → {new}",
    "diff.structure": "zelfde tekst, andere vorm",
    "diff.group": "soort",
    "diff.status.added": "toegevoegd",
    "diff.status.removed": "verwijderd",
    "diff.status.renamed": "hernoemd",
    "diff.status.changed": "gewijzigd",
    "diff.change.added": "toegevoegd",
    "diff.change.removed": "verwijderd",
    "diff.change.changed": "gewijzigd",
    "diff.change.moved": "verplaatst",
}
