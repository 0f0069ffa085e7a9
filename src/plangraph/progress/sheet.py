"""The report sheet: its columns, the template plangraph writes, and reading a filled one.

One row per task. The first six columns say which task it is (and are not read back but
the task key and the reporting agency); the last five are the agency's to fill in:

====  =====================  ============================================================
col   header                 what
====  =====================  ============================================================
A     Mã nhiệm vụ            the task key, FILE:LINE of the plan (``004_86eb….txt:97``)
B     Kế hoạch               the plan's decision (``913/QĐ-UBND``)
C     Nội dung nhiệm vụ      the task as printed
D     Thời hạn               the deadline as printed
E     Hạn chót               the deadline as a date
F     Cơ quan báo cáo        the reporting agency (its name, with its province if needed)
G     Ngày báo cáo           the report's date (the template's --as-of)
H     Tình trạng             drop-down: Đã hoàn thành, Đang thực hiện, Chưa thực hiện, ...
I     Ngày hoàn thành        the completion date, when done
J     Ghi chú                a note
K     Văn bản chứng minh     the document that shows it ("Báo cáo số 123/BC-SYT")
====  =====================  ============================================================

A CSV file with the same header (comma, semicolon or tab separated, UTF-8 with or without
a byte order mark) is read the same way; its sheet is named after the file.

Example:
    >>> [c.letter for c in COLUMNS][:3], COLUMNS[7].header
    (['A', 'B', 'C'], 'Tình trạng')
    >>> parse_day("31/12/2022"), parse_day("2022-12-31"), parse_day("31-12-2022")
    (datetime.date(2022, 12, 31), datetime.date(2022, 12, 31), datetime.date(2022, 12, 31))
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..catalogue import t
from ..text import nfc
from . import STATUSES, Problem, ProgressError

__all__ = ["Column", "COLUMNS", "SHEET", "RawRow", "read_sheet", "write_template", "parse_day"]

SHEET = "Báo cáo"
GUIDE_SHEET = "Hướng dẫn"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int
    letter: str = ""


COLUMNS = tuple(Column(key, header, width, chr(ord("A") + index)) for index, (key, header, width) in enumerate((
    ("task", "Mã nhiệm vụ", 30),
    ("plan", "Kế hoạch", 16),
    ("text", "Nội dung nhiệm vụ", 70),
    ("deadline_text", "Thời hạn", 22),
    ("deadline", "Hạn chót", 12),
    ("reporter", "Cơ quan báo cáo", 28),
    ("report_date", "Ngày báo cáo", 13),
    ("status", "Tình trạng", 18),
    ("completed", "Ngày hoàn thành", 15),
    ("note", "Ghi chú", 40),
    ("evidence", "Văn bản chứng minh", 28),
)))
BY_KEY = {column.key: column for column in COLUMNS}


@dataclass
class RawRow:
    """One row of a report file: its number, and each column's value (text, a date, or None)."""

    number: int
    cells: dict[str, object] = field(default_factory=dict)

    def text(self, key: str) -> str:
        value = self.cells.get(key)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return " ".join(nfc(str(value)).split())

    def blank(self, *keys: str) -> bool:
        return not any(self.text(key) for key in keys or BY_KEY)


_DAY_FORMATS = (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"))


def parse_day(value) -> dt.date | None:
    """A date from a cell: an Excel date, ``YYYY-MM-DD`` or ``DD/MM/YYYY`` (also with - or .);
    None when it is none of these or not a real day."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for index, pattern in enumerate(_DAY_FORMATS):
        match = pattern.fullmatch(text)
        if match:
            numbers = [int(part) for part in match.groups()]
            year, month, day = numbers if index == 0 else numbers[::-1]
            try:
                return dt.date(year, month, day)
            except ValueError:
                return None
    return None


def _header_problems(file: str, sheet: str, header: list) -> list[Problem]:
    """The header must be the template's, column for column (a moved or renamed column would
    put the agency's answers under the wrong name)."""
    problems = []
    for index, column in enumerate(COLUMNS):
        found = " ".join(nfc(str(header[index])).split()) if index < len(header) and header[index] is not None else ""
        if found.casefold() != column.header.casefold():
            shown = f"{found!r}" if found else t("progress.nothing")
            problems.append(Problem(file, sheet, 1, column.letter, column.header,
                                    t("progress.moved_column", expected=column.header, found=shown)))
    return problems


def _rows(file: str, sheet: str, rows) -> tuple[list[RawRow], list[Problem]]:
    iterator = iter(rows)
    header = list(next(iterator, []))
    problems = _header_problems(file, sheet, header)
    if problems:
        return [], problems
    out = []
    for number, values in enumerate(iterator, start=2):
        values = list(values)
        row = RawRow(number, {column.key: values[index] if index < len(values) else None
                              for index, column in enumerate(COLUMNS)})
        if not row.blank():
            out.append(row)
    return out, []


def read_sheet(path: Path, name: str | None = None) -> tuple[str, list[RawRow], list[Problem]]:
    """The sheet's name, its rows that are not blank, and the problems of its header.

    An xlsx file is read from its sheet "Báo cáo" (else its first sheet); a CSV file is one
    sheet named after the file. ``name`` is the file's name in messages.

    Raises:
        ProgressError: a file that is neither a workbook nor UTF-8 CSV.
    """
    name = name or path.name
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx(path, name)
    if path.suffix.lower() == ".csv":
        return _read_csv(path, name)
    raise ProgressError(t("progress.file_kind"), path=name)


def _read_xlsx(path: Path, name: str):
    import zipfile

    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ProgressError(t("progress.not_xlsx", error=error), path=name) from None
    try:
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        rows, problems = _rows(name, sheet.title, sheet.iter_rows(values_only=True))
        return sheet.title, rows, problems
    finally:
        book.close()


def _read_csv(path: Path, name: str):
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ProgressError(t("progress.not_utf8", byte=data[error.start]), path=name, line=line) from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    sheet = Path(name).stem
    rows, problems = _rows(name, sheet, csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    for row in rows:  # a CSV has text only: dates stay text and are parsed where they are checked
        row.cells = {key: (value if value not in ("",) else None) for key, value in row.cells.items()}
    return sheet, rows, problems


# -- the template ---------------------------------------------------------------------

GUIDE = (
    ("Báo cáo tiến độ thực hiện nhiệm vụ", ""),
    ("", ""),
    ("Mỗi dòng của trang «Báo cáo» là một nhiệm vụ cơ quan đang chủ trì. Điền các cột H–K cho nhiệm vụ "
     "cần báo cáo; để trống cột Tình trạng nếu chưa báo cáo nhiệm vụ đó.", ""),
    ("Không đổi tên, không di chuyển các cột, không sửa cột Mã nhiệm vụ: tệp có cột bị đổi sẽ bị từ chối "
     "toàn bộ.", ""),
    ("", ""),
    ("Cột", "Cách điền"),
    ("Ngày báo cáo", "Ngày của báo cáo (ngày/tháng/năm). Báo cáo mới hơn về cùng nhiệm vụ thay thế báo cáo cũ "
                     "từ ngày của nó; báo cáo cũ vẫn được lưu."),
    ("Tình trạng", "Chọn trong danh sách: " + "; ".join(s.label for s in STATUSES) + "."),
    ("Ngày hoàn thành", "Bắt buộc khi Đã hoàn thành; không sớm hơn ngày ban hành kế hoạch, không muộn hơn "
                        "ngày báo cáo. Để trống với các tình trạng khác."),
    ("Ghi chú", "Kết quả, khó khăn, kiến nghị."),
    ("Văn bản chứng minh", "Số, ký hiệu văn bản, ví dụ «Báo cáo số 123/BC-SYT»; bắt buộc khi Được thay thế "
                           "(văn bản thay thế)."),
)


def write_template(rows: list[dict[str, object]], title: str) -> bytes:
    """The workbook for one agency: its tasks, a status drop-down, the header frozen.

    ``rows`` map column keys to values (dates as :class:`datetime.date`).
    """
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([column.header for column in COLUMNS])
    for row in rows:
        sheet.append([row.get(column.key) for column in COLUMNS])
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    editable = PatternFill("solid", fgColor="FFF2CC")
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for column in COLUMNS:
        sheet.column_dimensions[column.letter].width = column.width
    last = max(len(rows) + 1, 2)
    for number in range(2, last + 1):
        sheet[f"C{number}"].alignment = Alignment(wrap_text=True, vertical="top")
        for key in ("deadline", "report_date", "completed"):
            sheet[f"{BY_KEY[key].letter}{number}"].number_format = "DD/MM/YYYY"
        for key in ("report_date", "status", "completed", "note", "evidence"):
            sheet[f"{BY_KEY[key].letter}{number}"].fill = editable
    sheet.freeze_panes = "B2"  # the header and the task key stay in view
    sheet.auto_filter.ref = f"A1:{COLUMNS[-1].letter}{last}"
    status = DataValidation(type="list", formula1='"' + ",".join(s.label for s in STATUSES) + '"',
                            allow_blank=True, showErrorMessage=True, errorTitle="Tình trạng",
                            error="Chọn một tình trạng trong danh sách.")
    status.add(f"{BY_KEY['status'].letter}2:{BY_KEY['status'].letter}{last}")
    days = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True,
                          showErrorMessage=True, errorTitle="Ngày", error="Nhập ngày (ngày/tháng/năm).")
    for key in ("report_date", "completed"):
        days.add(f"{BY_KEY[key].letter}2:{BY_KEY[key].letter}{last}")
    sheet.add_data_validation(status)
    sheet.add_data_validation(days)
    guide = book.create_sheet(GUIDE_SHEET)
    for line in GUIDE:
        guide.append(list(line))
    guide["A1"] = title
    guide["A1"].font = Font(bold=True, size=13)
    guide["A6"].font = guide["B6"].font = bold
    guide.column_dimensions["A"].width = 22
    guide.column_dimensions["B"].width = 100
    book.properties.creator = "plangraph"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
