"""Formatters for a ``Matrix``: rich table, CSV (plain and Excel), Markdown, JSON and HTML."""

from __future__ import annotations

import csv
import io
import json
from html import escape

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from wijkmodulen.messages import t
from wijkmodulen.model.module import BEROEP_LABELS
from wijkmodulen.xref.ids import display_name
from wijkmodulen.xref.matrix import Column, Matrix

MARK = "●"
MARKDOWN_MARK = "x"
EXCEL_BOM = "\ufeff"
TARGET_WIDTH = 100  # the terminal table must stay readable in 100 columns
MIN_TITLE = 16
LEGEND_ONE_COLUMN = 8


def caption(matrix: Matrix) -> str:
    dimension = t(f"xref.dim.{matrix.by}")
    if matrix.beroep is None:
        return t("xref.caption", dimension=dimension)
    return t("xref.caption_beroep", dimension=dimension, beroep=BEROEP_LABELS[matrix.beroep])


def csv_header(column: Column) -> str:
    """The id, then the title unless the title only repeats the id (``inkomen``)."""
    return display_name(column.id, column.titel)


def _header(column: Column) -> str:
    """Markdown and HTML headers: the id where it is short, else the title itself."""
    return column.id if column.afkorting == column.id else column.titel


def matrix_table(matrix: Matrix) -> RenderableType:
    """A terminal table that fits 100 columns for 4A-4T: abbreviated headers, legend below."""
    table = Table(
        title=caption(matrix), box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 0),
        show_footer=True, title_justify="left",
    )
    id_width = max([len(t("xref.col.totaal")), *(len(r.id) for r in matrix.rows)])
    # Every column but the title has a fixed width; the title gets what is left of TARGET_WIDTH.
    widths = [max(len(c.afkorting), len(str(n))) for c, n in zip(matrix.columns, matrix.column_totals, strict=True)]
    total_width = max(1, len(str(matrix.totaal)))
    fixed = id_width + sum(w + 1 for w in widths) + total_width + 1
    table.add_column(t("xref.col.id"), footer=t("xref.col.totaal"), no_wrap=True, min_width=id_width)
    table.add_column(
        t("xref.col.titel"), overflow="ellipsis", no_wrap=True, max_width=max(MIN_TITLE, TARGET_WIDTH - fixed - 4)
    )
    for column, total, width in zip(matrix.columns, matrix.column_totals, widths, strict=True):
        table.add_column(column.afkorting, footer=str(total), justify="center", no_wrap=True, min_width=width)
    table.add_column("Σ", footer=str(matrix.totaal), justify="right", no_wrap=True, min_width=total_width)
    for index, row in enumerate(matrix.rows):
        last_of_beroep = index + 1 < len(matrix.rows) and matrix.rows[index + 1].beroep != row.beroep
        cells = [MARK if cell else "" for cell in row.cells]
        table.add_row(row.id, row.titel, *cells, str(row.totaal), end_section=last_of_beroep)
    # Two pairs per line keeps the 20-line SCW legend short.
    pairs = 2 if len(matrix.columns) > LEGEND_ONE_COLUMN else 1
    legend = Table.grid(padding=(0, 1))
    for _ in range(pairs):
        legend.add_column(no_wrap=True, style="bold")
        legend.add_column(overflow="ellipsis", no_wrap=True, max_width=TARGET_WIDTH // pairs - 6)
    per_column = -(-len(matrix.columns) // pairs)
    for line in range(per_column):
        legend_cells: list[str] = []
        for part in range(pairs):
            index = part * per_column + line
            if index < len(matrix.columns):
                legend_cells += [matrix.columns[index].afkorting, matrix.columns[index].titel]
        legend.add_row(*legend_cells)
    legend_title = Text(t("xref.legend", mark=MARK))
    return Group(table, legend_title, legend)


def matrix_csv(matrix: Matrix, excel: bool = False) -> bytes:
    """UTF-8 CSV with a header row and a totals row.

    ``excel``: what Dutch Excel opens correctly by double-click: ``;`` as separator (the comma is
    the decimal sign there), a byte-order mark so it reads UTF-8, and CRLF line ends.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n")
    writer.writerow(
        [t("xref.col.id"), t("xref.col.titel"), t("xref.col.beroep"), *map(csv_header, matrix.columns),
         t("xref.col.totaal")]
    )
    for row in matrix.rows:
        writer.writerow([row.id, row.titel, row.beroep, *("1" if c else "" for c in row.cells), row.totaal])
    writer.writerow([t("xref.col.totaal"), "", "", *matrix.column_totals, matrix.totaal])
    text = buffer.getvalue()
    return (EXCEL_BOM + text).encode("utf-8") if excel else text.encode("utf-8")


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def matrix_markdown(matrix: Matrix) -> str:
    headers = [t("xref.col.id"), t("xref.col.titel"), *(_md_cell(_header(c)) for c in matrix.columns),
               t("xref.col.totaal")]
    lines = [
        f"**{_md_cell(caption(matrix))}**",
        "",
        "| " + " | ".join(headers) + " |",
        "|" + "---|---|" + ":-:|" * len(matrix.columns) + "--:|",
    ]
    for row in matrix.rows:
        cells = [MARKDOWN_MARK if cell else " " for cell in row.cells]
        lines.append(f"| {row.id} | {_md_cell(row.titel)} | " + " | ".join([*cells, str(row.totaal)]) + " |")
    totals = [str(total) for total in matrix.column_totals]
    lines.append(f"| **{t('xref.col.totaal')}** |  | " + " | ".join([*totals, str(matrix.totaal)]) + " |")
    abbreviated = [c for c in matrix.columns if _header(c) != c.titel]
    if abbreviated:
        lines.append("")
        lines += [f"- **{c.id}** {_md_cell(c.titel)}" for c in abbreviated]
    return "\n".join(lines) + "\n"


def matrix_json(matrix: Matrix) -> str:
    data = {
        "by": matrix.by,
        "beroep": matrix.beroep,
        "kolommen": [
            {"id": c.id, "titel": c.titel, "totaal": total}
            for c, total in zip(matrix.columns, matrix.column_totals, strict=True)
        ],
        "rijen": [
            {
                "id": r.id,
                "titel": r.titel,
                "beroep": r.beroep,
                "koppelingen": [c.id for c, cell in zip(matrix.columns, r.cells, strict=True) if cell],
                "totaal": r.totaal,
            }
            for r in matrix.rows
        ],
        "totaal": matrix.totaal,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def matrix_html(matrix: Matrix) -> str:
    """An escaped ``<table>`` fragment for a page (the handbook's appendix); no styles or scripts."""
    head = [f'<th scope="col">{escape(t("xref.col.id"))}</th>', f'<th scope="col">{escape(t("xref.col.titel"))}</th>']
    for column in matrix.columns:
        label = escape(_header(column))
        if label != escape(column.titel):
            label = f'<abbr title="{escape(column.titel)}">{label}</abbr>'
        head.append(f'<th scope="col">{label}</th>')
    head.append(f'<th scope="col">{escape(t("xref.col.totaal"))}</th>')
    lines = [
        '<table class="xref-matrix">',
        f"<caption>{escape(caption(matrix))}</caption>",
        "<thead>",
        "<tr>" + "".join(head) + "</tr>",
        "</thead>",
        "<tbody>",
    ]
    for row in matrix.rows:
        cells = "".join(
            f'<td class="link">{MARK}</td>' if cell else "<td></td>" for cell in row.cells
        )
        lines.append(
            f'<tr class="{escape(row.beroep)}"><th scope="row">{escape(row.id)}</th>'
            f"<td>{escape(row.titel)}</td>{cells}<td>{row.totaal}</td></tr>"
        )
    totals = "".join(f"<td>{total}</td>" for total in matrix.column_totals)
    lines += [
        "</tbody>",
        "<tfoot>",
        f'<tr><th scope="row" colspan="2">{escape(t("xref.col.totaal"))}</th>{totals}<td>{matrix.totaal}</td></tr>',
        "</tfoot>",
        "</table>",
    ]
    return "\n".join(lines) + "\n"
