"""Tables of targets: "Phụ lục: Các chỉ tiêu ...", a "Chỉ tiêu" column with values by year.

Two shapes are met:

* a value per year column: ``TT | Chỉ tiêu | ĐVT | ƯTH năm 2025 | Năm 2026 | ... | Năm 2030``:
  each number under a planned year is one target (indicator from the row, unit from the
  "ĐVT" column, the year from the header); columns of what was done or is estimated
  ("ƯTH", "Thực hiện", "Ước") are not targets;
* a sentence per row: ``TT | Chỉ tiêu | Chủ trì``, the cell stating the goal ("Tỷ lệ ... đạt
  80% vào năm 2030"), read as goal text.

Example:
    >>> from plangraph.read.tables import Cell, Row
    >>> rows = [Row([Cell(t, 1, 1) for t in ["TT", "Chỉ tiêu", "ĐVT", "ƯTH Năm 2025", "Năm 2026", "Năm 2030"]]),
    ...         Row([Cell(t, 2, 2) for t in ["1", "Kim ngạch xuất khẩu", "Triệu USD", "300", "320", "400"]])]
    >>> [(t.indicator, t.value, t.unit, t.year) for t in read_target_table(rows, "tỉnh Sơn La")]
    [('Kim ngạch xuất khẩu', Decimal('320'), 'Triệu USD', 2026), ('Kim ngạch xuất khẩu', Decimal('400'), 'Triệu USD', 2030)]
"""

from __future__ import annotations

import re

from ..extract.targets import find_targets
from ..model import Target
from ..text import fold, parse_vn_number
from .tables import Row

__all__ = ["read_target_table"]

_INDICATOR = re.compile(r"^(?:chi tieu|ten chi tieu|noi dung chi tieu)$")
_UNIT = re.compile(r"^(?:dvt|don vi tinh|don vi)$")
_YEAR = re.compile(r"(?:^|\bnam\s+)(\d{4})$")  # "Năm 2030", "2030" (not "giai đoạn 2026 - 2030")
_DONE = re.compile(r"\b(?:uth|uoc|thuc hien|th|uoc thuc hien)\b")
_NUMBER = re.compile(r"^[<>≥≤]?\s*(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*%?$")


def read_target_table(rows: list[Row], scope_area: str, scope: str = "province", caption: str = "") -> list[Target]:
    """The targets of a table, or [] when it is not a table of targets; ``caption`` is the
    text printed above it ("CÁC CHỈ TIÊU ... ĐẾN NĂM 2030"), which may give their year."""
    for index, row in enumerate(rows[:4]):
        keys = [re.sub(r"[^a-z0-9 ]", " ", fold(cell.text)).strip() for cell in row.cells]
        keys = [re.sub(r"\s+", " ", k) for k in keys]
        indicator = next((i for i, k in enumerate(keys) if _INDICATOR.match(k)), None)
        if indicator is None:
            continue
        unit = next((i for i, k in enumerate(keys) if _UNIT.match(k)), None)
        years = {i: int(m.group(1)) for i, k in enumerate(keys)
                 if (m := _YEAR.search(k)) and not _DONE.search(k) and 1990 < int(m.group(1)) < 2100}
        body = rows[index + 1:]
        # a header on two rows: "GIAI ĐOẠN 2026 - 2030" over "Năm 2026 | ... | Năm 2030"
        span = next((i for i, k in enumerate(keys) if re.search(r"\d{4}\s+\d{4}$", k)), None)
        below = [fold(c.text).strip() for c in body[0].cells if c.text.strip()] if body else []
        if span is not None and below and all(_YEAR.search(k) for k in below):
            years = {i: y for i, y in years.items() if i < span}
            years.update({span + n: int(_YEAR.search(k).group(1)) for n, k in enumerate(below)})
            body = body[1:]
        if years:
            return _by_year(body, indicator, unit, years, scope, scope_area)
        return _sentences(body, indicator, scope, scope_area, caption)
    return []


def _by_year(rows: list[Row], indicator: int, unit: int | None, years: dict[int, int], scope: str,
             scope_area: str) -> list[Target]:
    found: list[Target] = []
    group = ""
    for row in rows:
        cells = row.cells
        if indicator >= len(cells) or not cells[indicator].text.strip():
            continue
        name = cells[indicator].text.strip(" :")
        if not any(column < len(cells) and _NUMBER.match(cells[column].text.strip()) for column in years):
            group = name  # "Cà phê": the rows below measure it ("Diện tích", "Sản lượng")
            continue
        if group and len(name.split()) <= 4:
            name = f"{group}: {name}"
        measure = cells[unit].text.strip() if unit is not None and unit < len(cells) else ""
        for column, year in sorted(years.items()):
            if column >= len(cells):
                continue
            text = cells[column].text.strip()
            match = _NUMBER.match(text)
            value = parse_vn_number(match.group(1)) if match else None
            if value is None:
                continue
            comparator = {">": ">", "<": "<", "≥": ">=", "≤": "<="}.get(text[:1], "=")
            found.append(Target(line=cells[column].line, indicator=name, value_text=text, unit=measure or
                                ("%" if text.endswith("%") else ""), comparator=comparator, value=value, year=year,
                                scope=scope, scope_area=scope_area, sentence=f"{name}: {text}"))
    return found


def _sentences(rows: list[Row], indicator: int, scope: str, scope_area: str, caption: str) -> list[Target]:
    lines = [(row.cells[indicator].line, row.cells[indicator].text) for row in rows
             if indicator < len(row.cells) and row.cells[indicator].text.strip()]
    # the caption, a line with no value, sets the time of the rows ("... ĐẾN NĂM 2030")
    return find_targets([(0, caption.lower())] + lines if caption else lines, scope, scope_area)
