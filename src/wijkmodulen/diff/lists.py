"""Matching the paragraphs and items of a section by content rather than by position.

Equal texts pair first; the rest pair by word similarity (difflib ratio), best pairs first (a
greedy assignment, which is what a reader would do). An item counts as moved only when it leaves
the longest run of pairs that kept their order, so inserting one goal moves nothing.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Sequence
from difflib import SequenceMatcher

from wijkmodulen.diff.model import ListItemChange
from wijkmodulen.diff.words import word_diff

# Below this word similarity two items are a removal and an addition, not one changed item.
CHANGED_THRESHOLD = 0.5


def diff_items(old: Sequence[str], new: Sequence[str]) -> list[ListItemChange]:
    pairs = _pair_equal(old, new)
    pairs.update(_pair_similar(old, new, pairs))
    in_order = _longest_ordered_run(pairs)
    changes: list[tuple[float, int, ListItemChange]] = []
    for i, j in pairs.items():
        moved = i not in in_order
        if old[i] == new[j]:
            if moved:
                changes.append((j, 0, ListItemChange("moved", i + 1, j + 1, old[i], new[j], (), True)))
            continue
        change = ListItemChange("changed", i + 1, j + 1, old[i], new[j], word_diff(old[i], new[j]), moved)
        changes.append((j, 0, change))
    matched_new = set(pairs.values())
    for j, text in enumerate(new):
        if j not in matched_new:
            changes.append((j, 0, ListItemChange("added", None, j + 1, None, text, (), False)))
    for i, text in enumerate(old):
        if i not in pairs:
            # Shown right after the new item that took the place of its nearest kept predecessor.
            anchor = max((pairs[k] for k in pairs if k < i), default=-1)
            changes.append((anchor + 0.5, i, ListItemChange("removed", i + 1, None, text, None, (), False)))
    changes.sort(key=lambda c: (c[0], c[1]))
    return [change for _, _, change in changes]


def _pair_equal(old: Sequence[str], new: Sequence[str]) -> dict[int, int]:
    waiting: defaultdict[str, deque[int]] = defaultdict(deque)
    for i, text in enumerate(old):
        waiting[text].append(i)
    pairs: dict[int, int] = {}
    for j, text in enumerate(new):
        if waiting[text]:
            pairs[waiting[text].popleft()] = j
    return pairs


def _pair_similar(old: Sequence[str], new: Sequence[str], taken: dict[int, int]) -> dict[int, int]:
    free_old = [i for i in range(len(old)) if i not in taken]
    taken_new = set(taken.values())
    free_new = [j for j in range(len(new)) if j not in taken_new]
    candidates: list[tuple[float, int, int, int]] = []
    words_new = {j: new[j].split() for j in free_new}
    for i in free_old:
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(old[i].split())
        for j in free_new:
            matcher.set_seq1(words_new[j])
            if matcher.real_quick_ratio() < CHANGED_THRESHOLD or matcher.quick_ratio() < CHANGED_THRESHOLD:
                continue
            ratio = matcher.ratio()
            if ratio >= CHANGED_THRESHOLD:
                candidates.append((-ratio, abs(i - j), i, j))
    pairs: dict[int, int] = {}
    used_new: set[int] = set()
    for _, _, i, j in sorted(candidates):
        if i not in pairs and j not in used_new:
            pairs[i] = j
            used_new.add(j)
    return pairs


def _longest_ordered_run(pairs: dict[int, int]) -> set[int]:
    """The old indices of a longest subsequence of pairs whose new indices increase with the old."""
    ordered = sorted(pairs.items())
    tails: list[int] = []  # smallest new index ending a run of each length
    tail_at: list[int] = []  # position in ``ordered`` of that tail
    previous: list[int] = [-1] * len(ordered)
    for position, (_, j) in enumerate(ordered):
        length = bisect_left(tails, j)
        if length == len(tails):
            tails.append(j)
            tail_at.append(position)
        else:
            tails[length] = j
            tail_at[length] = position
        previous[position] = tail_at[length - 1] if length else -1
    kept: set[int] = set()
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        kept.add(ordered[position][0])
        position = previous[position]
    return kept
