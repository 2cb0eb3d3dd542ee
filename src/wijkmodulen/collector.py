"""Keeping Python's cyclic garbage collector out of the way of bulk loading.

Loading a KB creates millions of objects that live until the process ends (data, models,
strings) and next to no garbage cycles. Each time enough objects have been allocated, the
collector walks the generations; over a large KB that adds up to a sixth of a lint. Paused
while loading, with what was loaded frozen afterwards (left out of collections), it costs
nothing; reference counting still frees everything that is not in a cycle.

    with collector.frozen():
        with collector.loading():
            kb = load_knowledge_base(root)
        ...  # work on kb; collections skip it
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def loading() -> Iterator[None]:
    """No cyclic collection inside the block; at its end the objects alive are frozen (else the
    first collection afterwards would walk all of them) and the collector's state is restored."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


@contextmanager
def frozen() -> Iterator[None]:
    """Objects frozen inside the block are collectable again after it."""
    try:
        yield
    finally:
        gc.unfreeze()
