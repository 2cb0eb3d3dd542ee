"""The formats `xref --gaps` and the lookups (``--competentie``, ``--kennisdomein``, ``--doelgroep``)
share: each result type writes itself; these choose by the result."""

from __future__ import annotations

from wijkmodulen.xref.gaps import Gaps, gaps_json, gaps_markdown, gaps_text
from wijkmodulen.xref.lookup import Lookup, lookup_json, lookup_markdown, lookup_text


def report_table(result: Gaps | Lookup) -> str:
    return (gaps_text(result) if isinstance(result, Gaps) else lookup_text(result)) + "\n"


def report_markdown(result: Gaps | Lookup) -> str:
    return gaps_markdown(result) if isinstance(result, Gaps) else lookup_markdown(result)


def report_json(result: Gaps | Lookup) -> str:
    return gaps_json(result) if isinstance(result, Gaps) else lookup_json(result)
