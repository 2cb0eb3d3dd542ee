"""Every user-facing string, in one catalogue (Dutch), so that another language can follow.

The catalogue lives in ``messages/nl/``, one file per area of the tool; an English catalogue
would be a sibling ``messages/en/`` with the same keys. Code elsewhere calls
``t("key", **fields)``; a test fails on user-facing literals outside this package, on keys used
but missing, and on a key defined in two parts.
"""

from __future__ import annotations

from pathlib import PurePath

from wijkmodulen.messages.nl import CATALOGUE as NL

_ACTIVE = NL


def _field(value: object) -> object:
    # Paths read the same on every platform (data/modules/..., also on Windows), as in the docs.
    return value.as_posix() if isinstance(value, PurePath) else value


def t(message_id: str, /, **fields: object) -> str:
    """The message ``message_id`` in the active catalogue, with ``fields`` filled in."""
    return _ACTIVE[message_id].format(**{name: _field(value) for name, value in fields.items()})
