"""Cross-references: which module exercises which competence, knowledge domain or target group.

One result object per question, built from a ``KnowledgeBase``; formatter functions turn it into
text. The API for other parts of wijkmodulen (e.g. the handbook renderer):

``build_matrix(kb, by="scw", beroep=None) -> Matrix``
    ``by`` is ``"scw"`` (4A-4T), ``"gk"`` (gk-1..), ``"kennisdomein"`` or ``"doelgroep"``;
    ``beroep`` (``"wijkmaatschappelijk-werk"`` / ``"individueel-opbouwwerk"``) keeps one profession.
    ``Matrix`` is frozen: ``columns`` (``Column``: id, titel, afkorting), ``rows`` (``Row``: id,
    titel, beroep, ``cells`` one bool per column, ``totaal``), ``column_totals``, ``totaal``.
``matrix_html(matrix) -> str``
    An escaped ``<table class="xref-matrix">`` fragment with ``<caption>``, ``<th scope>`` headers,
    a ``<tfoot>`` of column totals and ``<abbr>`` titles on the column ids; no styles, no script.

The other results: ``find_gaps`` (gaps.py), ``lookup`` (lookup.py), ``describe`` (show.py),
``build_graph`` (graph.py) and ``compare_modules`` (compare.py), each with its formatters.
"""

from __future__ import annotations

from wijkmodulen.xref.matrix import DIMENSIONS, Column, Dimension, Matrix, Row, build_matrix
from wijkmodulen.xref.matrix_formats import (
    matrix_csv,
    matrix_html,
    matrix_json,
    matrix_markdown,
    matrix_table,
)

__all__ = [
    "DIMENSIONS",
    "Column",
    "Dimension",
    "Matrix",
    "Row",
    "build_matrix",
    "matrix_csv",
    "matrix_html",
    "matrix_json",
    "matrix_markdown",
    "matrix_table",
]
