"""Word diffs and content-based matching of section items."""

from __future__ import annotations

from wijkmodulen.diff.lists import diff_items
from wijkmodulen.diff.model import ListItemChange, Segment
from wijkmodulen.diff.words import similarity, word_diff

GOALS = [
    "De wijkbewoner is bekend bij de wijkmaatschappelijk werker.",
    "Het signaal is onderzocht.",
    "De wijkbewoner weet waar hij terecht kan.",
    "De wijkbewoner heeft een plan voor de komende weken.",
]


def test_word_diff_marks_only_the_changed_word() -> None:
    assert word_diff("bespreekt zonder te veroordelen het gedrag", "bespreekt zonder te oordelen het gedrag") == (
        Segment("=", "bespreekt zonder te "), Segment("-", "veroordelen"), Segment("+", "oordelen"),
        Segment("=", " het gedrag"),
    )


def test_word_diff_keeps_a_changed_phrase_together() -> None:
    # The space between two changed words is not shown as kept.
    assert word_diff("de grote wijk", "het kleine wijk") == (
        Segment("-", "de grote"), Segment("+", "het kleine"), Segment("=", " wijk"),
    )


def test_word_diff_separates_punctuation_from_words() -> None:
    assert word_diff("koppelt terug;", "koppelt terug.") == (
        Segment("=", "koppelt terug"), Segment("-", ";"), Segment("+", "."),
    )


def test_word_diff_of_equal_texts_is_one_kept_run() -> None:
    assert word_diff("zelfde tekst", "zelfde tekst") == (Segment("=", "zelfde tekst"),)


def test_similarity() -> None:
    assert similarity("a b c d", "a b c d") == 1.0
    assert similarity("a b c d", "a b x d") == 0.75
    assert similarity("", "") == 1.0


def test_inserted_goal_changes_nothing_after_it() -> None:
    new = [GOALS[0], "De vraag van de wijkbewoner is helder.", *GOALS[1:]]
    assert diff_items(GOALS, new) == [
        ListItemChange("added", None, 2, None, "De vraag van de wijkbewoner is helder.", (), False)
    ]


def test_removed_goal_is_shown_where_it_was() -> None:
    new = [GOALS[0], GOALS[2], GOALS[3]]
    assert diff_items(GOALS, new) == [ListItemChange("removed", 2, None, GOALS[1], None, (), False)]


def test_removed_first_item_comes_first() -> None:
    assert [c.change for c in diff_items(["a b", "c d", "e f"], ["c d", "e f", "g h"])] == ["removed", "added"]


def test_reworded_item_is_changed_not_removed_and_added() -> None:
    new = [*GOALS[:2], "De wijkbewoner weet precies waar hij terecht kan.", GOALS[3]]
    [change] = diff_items(GOALS, new)
    assert (change.change, change.old_position, change.new_position, change.moved) == ("changed", 3, 3, False)
    assert change.words == (
        Segment("=", "De wijkbewoner weet"), Segment("+", " precies"), Segment("=", " waar hij terecht kan."),
    )


def test_unrelated_replacement_is_removed_and_added() -> None:
    # Old before new, as in any diff.
    new = [*GOALS[:2], "Er is een huisbezoek gepland.", GOALS[3]]
    assert [(c.change, c.old_position, c.new_position) for c in diff_items(GOALS, new)] == [
        ("removed", 3, None), ("added", None, 3),
    ]


def test_moved_item_is_the_one_that_left_its_place() -> None:
    new = [GOALS[3], GOALS[0], GOALS[1], GOALS[2]]
    assert diff_items(GOALS, new) == [ListItemChange("moved", 4, 1, GOALS[3], GOALS[3], (), True)]


def test_moved_and_reworded() -> None:
    reworded = "De wijkbewoner heeft een plan voor de komende maanden."
    [change] = diff_items(GOALS, [reworded, *GOALS[:3]])
    assert (change.change, change.old_position, change.new_position, change.moved) == ("changed", 4, 1, True)


def test_duplicates_pair_in_order() -> None:
    assert diff_items(["x y", "x y"], ["x y", "z w", "x y"]) == [
        ListItemChange("added", None, 2, None, "z w", (), False)
    ]


def test_best_match_wins_over_first_match() -> None:
    old = ["de bewoner krijgt hulp bij de administratie", "de bewoner krijgt hulp bij het zoeken van werk"]
    new = ["de bewoner krijgt hulp bij het zoeken naar werk"]
    changes = diff_items(old, new)
    assert [(c.change, c.old_position, c.new_position) for c in changes] == [("removed", 1, None), ("changed", 2, 1)]
