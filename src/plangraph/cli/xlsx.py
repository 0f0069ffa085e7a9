"""``-f xlsx``: an Excel workbook for the people who live in Excel (openpyxl).

One sheet, the same columns and headers as the CSV; the header row frozen and filtered,
columns as wide as their text (up to a limit, long text wrapped), dates as Excel dates and
line numbers as numbers, so that sorting and filtering work as people expect.
"""

from __future__ import annotations

import io
from datetime import date

__all__ = ["workbook_bytes"]

MAX_WIDTH = 60
_DATES = {"deadline", "date"}


def _cell(variable: str, text: str):
    if variable in _DATES and len(text) == 10:
        try:
            return date.fromisoformat(text)
        except ValueError:
            return text
    if variable in ("line", "total", "lead", "coordinating") and text.isdigit():
        return int(text)
    return text


def workbook_bytes(result, name: str | None, all_rows: bool = False,
                   notes: list[str] | None = None) -> tuple[bytes, int]:
    """The workbook of ``result`` as people read it (:mod:`plangraph.cli.present`), and its
    number of rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from .output import every_column

    headers, rows, variables, folded = every_column(result, name, all_rows)
    if folded and notes is not None:
        from .present import folded_note

        notes.append(folded_note(folded))
    book = Workbook()
    sheet = book.active
    sheet.title = (name or "plangraph")[:31]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(v, text) for v, text in zip(variables, row)])
    for index, variable in enumerate(variables, start=1):
        letter = get_column_letter(index)
        longest = max([len(headers[index - 1])] + [len(row[index - 1]) for row in rows])
        sheet.column_dimensions[letter].width = min(max(longest, 6) + 2, MAX_WIDTH)
        if variable in _DATES:
            for cell in sheet[letter][1:]:
                cell.number_format = "yyyy-mm-dd"
        if longest > MAX_WIDTH:
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), len(rows)
