"""Quantitative targets: indicator, value, unit, comparator, year or period, scope.

Targets live in the goals ("Mục tiêu") and in the "Nhiệm vụ chung" paragraphs. One
sentence often sets several ("nông, lâm, thủy sản chiếm 5,9%, công nghiệp - xây dựng
chiếm 53,8% ..."): each number with a unit is one target, its indicator is the text
before it, prefixed by the group heading before a colon ("cơ cấu các ngành kinh tế trong
GRDP: ..."). The year or period comes from the nearest "Đến năm 2025", "Giai đoạn 2021 -
2025" or "năm 2025" before it.

Example:
    >>> ts = find_targets([(1, "Đến năm 2025, GRDP bình quân đầu người đạt 5.200 USD; tỷ lệ hộ nghèo dưới 1,1%.")])
    >>> [(t.indicator, t.value, t.unit, t.comparator, t.year) for t in ts]
    [('GRDP bình quân đầu người', Decimal('5200'), 'USD', '=', 2025), ('tỷ lệ hộ nghèo', Decimal('1.1'), '%', '<', 2025)]
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import Target
from ..text import parse_vn_number

__all__ = ["find_targets"]

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_UNITS = [
    "nghìn tỷ đồng", "tỷ đồng", "triệu đồng", "tỷ USD", "triệu USD", "USD", "%/năm", "%",
    "doanh nghiệp/1.000 dân", "doanh nghiệp", "bác sỹ", "nghìn người", "triệu người", "người",
    "lần", "ha", "tấn", "triệu hành khách/năm", "khu công nghiệp", "cụm công nghiệp", "đơn vị",
    "trường", "xã",
]
_UNIT_RE = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_VALUE_RE = re.compile(
    rf"(?<![\w/.,])(?P<v1>{_NUM})(?:\s*(?P<u1>%))?(?:\s*[-–]\s*(?P<v2>{_NUM}))?\s*(?P<unit>{_UNIT_RE})(?!\w)"
)
_CONTEXT_RE = re.compile(
    r"(?P<period>giai đoạn\s+(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4}))|(?P<until>(?:đến|vào|trong)?\s*năm\s+(?P<y>\d{4}))",
    re.IGNORECASE,
)
_LEAD_FILLER = re.compile(
    r"^(?:[-+•]\s*)?(?:trong đó\s*:?\s*|phấn đấu\s*|đến năm \d{4}\s*[:,]?\s*|giai đoạn \d{4}\s*[-–]\s*\d{4}\s*[:,]?\s*"
    r"|năm \d{4}\s*[:,]?\s*|có\s+|và\s+|,\s*)+",
    re.IGNORECASE,
)
_TRAIL_FILLER = re.compile(
    r"(?:\s+(?:đạt|chiếm|là|tăng|có|bình quân|khoảng|trở lên|tối thiểu|ít nhất|dưới|không quá|trên|từ|"
    r"gấp|tăng thêm|lên|hằng năm|hàng năm|mức|năm \d{4}|giai đoạn \d{4}\s*[-–]\s*\d{4}|vào năm \d{4}|đến năm \d{4}))+\s*[:,]?\s*$",
    re.IGNORECASE,
)


def _comparator(before: str, after: str) -> tuple[str, bool]:
    """">=", "<=", "<", ">" or "=", and whether the value is approximate."""
    b, a = before.lower(), after.lower()
    approximate = bool(re.search(r"khoảng\s*$", b))
    if re.match(r"^\s*trở lên", a) or re.search(r"(?:tối thiểu|ít nhất)\s*$", b):
        return ">=", approximate
    if re.search(r"(?:không quá|tối đa)\s*$", b):
        return "<=", approximate
    if re.search(r"dưới\s*$", b):
        return "<", approximate
    if re.search(r"(?<!\w)trên\s*$", b):
        return ">", approximate
    return "=", approximate


def find_targets(lines: list[tuple[int, str]], scope: str = "province", scope_area: str = "tỉnh Thanh Hóa") -> list[Target]:
    """Find targets in goal paragraphs given as (line, text) pairs."""
    targets: list[Target] = []
    year: int | None = None
    period: tuple[int, int] | None = None
    for line, text in lines:
        for sentence in re.split(r"(?<=[.])\s+(?=[A-ZĐÀ-Ỹ])", text):
            header = ""
            for clause in re.split(r";\s*", sentence):
                if ":" in clause:
                    head, _, tail = clause.partition(":")
                    head_context = _CONTEXT_RE.search(head)
                    head_words = _LEAD_FILLER.sub("", head).strip()
                    if head_context and len(head_words.split()) <= 1:
                        pass  # "Giai đoạn 2021 - 2025:" is a time context, not a heading
                    elif not _VALUE_RE.search(head) and len(head.split()) <= 14:
                        header = _TRAIL_FILLER.sub("", _LEAD_FILLER.sub("", head)).strip()
                        clause = tail
                year, period = _update_context(clause, year, period, until=None)
                previous_end = 0
                for match in _VALUE_RE.finditer(clause):
                    before = clause[previous_end: match.start()]
                    context_year, context_period = _update_context(before, year, period, until=None)
                    year, period = context_year, context_period
                    indicator = _TRAIL_FILLER.sub("", _LEAD_FILLER.sub("", before.strip(" ,"))).strip(" ,:")
                    indicator = re.sub(r"\s*(?:năm|giai đoạn)\s+\d{4}(?:\s*[-–]\s*\d{4})?\s*$", "", indicator)
                    indicator = _TRAIL_FILLER.sub("", indicator).strip(" ,:")
                    if header and indicator and not indicator.lower().startswith(header.lower()):
                        indicator = f"{header}: {indicator}"
                    previous_end = match.end()
                    if not indicator or len(indicator) < 4 or not re.search(r"[^\W\d]", indicator):
                        continue
                    v1 = parse_vn_number(match.group("v1"))
                    v2 = parse_vn_number(match.group("v2")) if match.group("v2") else None
                    if v1 is None:
                        continue
                    after = clause[match.end(): match.end() + 20]
                    comparator, approximate = _comparator(before, after)
                    unit = match.group("unit")
                    target = Target(
                        line=line,
                        indicator=indicator[0].lower() + indicator[1:] if indicator[:2] != indicator[:2].upper() else indicator,
                        value_text=match.group(0).strip(),
                        unit=unit,
                        comparator=comparator,
                        approximate=approximate,
                        year=None if period and _later(period, year) else year,
                        period=period if period and _later(period, year) else None,
                        scope=scope,
                        scope_area=scope_area,
                        sentence=sentence.strip(),
                    )
                    if v2 is not None:
                        target.min_value, target.max_value = v1, v2
                    else:
                        target.value = v1
                    targets.append(target)
    return targets


_LAST_KIND: dict[int, str] = {}


def _update_context(text: str, year: int | None, period: tuple[int, int] | None, until: None):
    """Move the time context to the last time phrase in ``text`` (not "so với năm ...")."""
    for match in _CONTEXT_RE.finditer(text):
        if re.search(r"so với\s*$", text[: match.start()], re.IGNORECASE):
            continue
        if match.group("period"):
            period, year = (int(match.group("y1")), int(match.group("y2"))), None
        else:
            year, period = int(match.group("y")), None
    return year, period


def _later(period: tuple[int, int] | None, year: int | None) -> bool:
    return period is not None and year is None


def _decimal(value: Decimal | None) -> Decimal | None:  # pragma: no cover - kept for symmetry
    return value
