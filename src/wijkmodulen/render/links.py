"""A link in the handbook: where it points and whether the target is in this handbook."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    label: str
    anchor: str  # the id of the target element in the HTML handbook
    page: str  # the Markdown page it is on
    present: bool = True  # False: the target is not in this handbook, print the label as text
    page_top: bool = False  # the target is a whole Markdown page: no fragment needed there
    extern: bool = False  # a module outside the knowledge base (specificatie_van: {extern: ...})
