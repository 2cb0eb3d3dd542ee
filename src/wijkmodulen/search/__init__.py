"""Searching the KB: documents gathered from the loaded KB, one index, one ranking.

The index (``index.py``) is plain data: the CLI ranks with it and the HTML handbook carries the same
data inline, so that the page's script only looks terms up and adds their precomputed points
(``query.py`` describes the one procedure both follow).
"""
