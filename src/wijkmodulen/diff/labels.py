"""Words and numbers every diff format shows the same way."""

from __future__ import annotations

from wijkmodulen.diff.model import STATUSES, ItemChange, KbDiff, ListItemChange, Side
from wijkmodulen.messages import t
from wijkmodulen.model import kinds


def side_label(side: Side) -> str:
    if side.kind == "worktree":
        return t("diff.worktree")
    if side.commit:
        short = side.commit[:7]
        # A commit id given as such is shown once, shortened.
        return short if side.commit.startswith(side.label.lower()) else f"{side.label} ({short})"
    return side.label


def title(diff: KbDiff) -> str:
    return t("diff.title", old=side_label(diff.old), new=side_label(diff.new))


def summary(diff: KbDiff) -> str:
    if not diff.has_changes:
        return t("diff.none")
    totals = dict.fromkeys(STATUSES, 0)
    for item in diff.items:
        totals[item.status] += 1
    if len(diff.items) == 1:
        return t("diff.summary_one", **totals)
    return t("diff.summary", total=len(diff.items), **totals)


def kind_label(item: ItemChange) -> str:
    return t(kinds.index_named(item.kind).label)


def status_label(item: ItemChange) -> str:
    return t(f"diff.status.{item.status}")


def change_label(change: ListItemChange) -> str:
    return t(f"diff.change.{change.change}")


def position(change: ListItemChange) -> str:
    """Where the item stands: its new place, its old place when removed, both when it moved."""
    if change.new_position is None:
        return str(change.old_position)
    if change.moved and change.old_position is not None:
        return f"{change.old_position}→{change.new_position}"
    return str(change.new_position)


def renames(item: ItemChange) -> list[str]:
    """What "renamed" means for this item: a new id, a new file, or both."""
    found: list[str] = []
    if item.status != "renamed":
        return found
    if item.old_id != item.new_id:
        found.append(t("diff.renamed_id", old=item.old_id, new=item.new_id))
    if item.old_file != item.new_file:
        found.append(t("diff.renamed_file", old=item.old_file, new=item.new_file))
    return found


def one_line(text: str | None) -> str:
    return " ".join((text or "").split("\n"))


def outer_spaces(text: str) -> tuple[str, str, str]:
    """``text`` as (leading white space, core, trailing white space): markers go around the core."""
    core = text.strip()
    if not core:
        return text, "", ""
    lead = text[: len(text) - len(text.lstrip())]
    return lead, core, text[len(lead) + len(core):]


def problems_heading(side: Side) -> str:
    return t("diff.problems", side=side_label(side))


def structure_note() -> str:
    return t("diff.structure")
