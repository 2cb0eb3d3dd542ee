"""Keeping Python's cyclic garbage collector out of the way of bulk loading.

Loading a KB creates millions of objects that live until the process ends (data, models,
strings) and next to no garbage cycles. Each time enough objects have been allocated, the
collector walks the generations; over a large KB that adds up to a sixth of a lint. Paused
while loading and with the loaded objects frozen (left out of later collections), it costs
nothing; reference counting still frees everything that is not in a cycle.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector's state is restored afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def frozen() -> Iterator[None]:
    """The objects alive at the start of the block are left out of collections within it."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
