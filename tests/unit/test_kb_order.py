"""The modules in publication order, kept between calls while the modules stay the same."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from wijkmodulen.load.kb import load_knowledge_base


def _ids(entries: list) -> list[str]:  # type: ignore[type-arg]
    return [entry.model.id for entry in entries]


def test_the_order_follows_the_modules_when_they_change(minimal_kb: Path) -> None:
    kb = load_knowledge_base(minimal_kb)
    first = kb.modules_in_order()
    assert _ids(first) == sorted(_ids(first), key=lambda i: (i.split("-")[0] != "wmw", int(i.split("-")[1])))
    first.reverse()  # a caller's list is its own: the kept order is not changed by it
    assert _ids(kb.modules_in_order()) == _ids(first[::-1])
    # the same id with another number: the order is made again
    first_wmw = kb.modules_in_order()[0]
    kb.modules[first_wmw.model.id] = replace(first_wmw, model=first_wmw.model.model_copy(update={"nummer": 999}))
    wmw = [i for i in _ids(kb.modules_in_order()) if i.startswith("wmw-")]
    assert wmw[-1] == first_wmw.model.id
    removed = kb.modules_in_order()[0].model.id
    del kb.modules[removed]
    assert removed not in _ids(kb.modules_in_order())


def test_a_focus_narrows_the_order(minimal_kb: Path) -> None:
    kb = load_knowledge_base(minimal_kb)
    every = _ids(kb.modules_in_order())
    kb.focus = {every[-1], every[0]}
    assert _ids(kb.modules_in_order()) == [every[0], every[-1]]
    kb.focus = None
    assert _ids(kb.modules_in_order()) == every
