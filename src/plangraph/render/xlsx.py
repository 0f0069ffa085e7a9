"""``-f xlsx``: an Excel workbook for the people who live in Excel (openpyxl).

One sheet, the same columns and headers as the CSV; the header row frozen and filtered,
columns as wide as their text (up to a limit, long text wrapped), dates as Excel dates and
line numbers as numbers, so that sorting and filtering work as people expect.

The same answer gives the same bytes: openpyxl stamps the workbook's created and modified
times and each zip entry with the time of writing, so the times are fixed here
(:data:`FIXED_TIME`), as the graph is byte-identical for the same sources.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

__all__ = ["workbook_bytes", "FIXED_TIME"]

FIXED_TIME = datetime(2000, 1, 1)  # the workbook's created and modified, and every zip entry's time

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


class _FixedTimeZip(zipfile.ZipFile):
    """A zip whose entries all carry :data:`FIXED_TIME` (``writestr`` stamps them with now,
    ``write`` with the time of the file: openpyxl writes each sheet to a temporary file)."""

    def writestr(self, name, data, *args, **kwargs):
        if not isinstance(name, zipfile.ZipInfo):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = self.compression
            info.external_attr = 0o600 << 16  # what writestr gives an entry named by a string
            name = info
        super().writestr(name, data, *args, **kwargs)

    def write(self, filename, arcname=None):  # (openpyxl passes no more)
        with open(filename, "rb") as handle:
            self.writestr(arcname or str(filename), handle.read())


def _save(book) -> bytes:
    """``book`` as xlsx bytes, the same for the same content (``Workbook.save`` would set
    its modified time to now)."""
    from openpyxl.writer.excel import ExcelWriter

    book.properties.created = book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    ExcelWriter(book, _FixedTimeZip(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return buffer.getvalue()


def workbook_bytes(result, name: str | None, all_rows: bool = False,
                   notes: list[str] | None = None) -> tuple[bytes, int]:
    """The workbook of ``result`` as people read it (:mod:`plangraph.render.present`), and its
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
    return _save(book), len(rows)
