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
    rf"(?<![\w/.,])(?P<v1>{_NUM})(?:(?:\s*%)?\s*[-–]\s*(?P<v2>{_NUM}))?\s*(?P<unit>{_UNIT_RE})(?!\w)"
)
_CONTEXT_RE = re.compile(
    r"(?P<period>(?:giai đoạn|(?:\d+\s+)?năm)\s+(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4}))"
    r"|(?P<until>(?:đến|vào|trong)?\s*năm\s+(?P<y>\d{4}))"
    r"|(?P<annual>(?<!quân )h[ằà]ng năm(?=\s*,))",
    re.IGNORECASE,
)
# Where an indicator starts: after a colon, "trong đó", or a leading time phrase.
_CUT_RE = re.compile(
    r":|\btrong đó\b|\b(?:bảo đảm|đảm bảo)\b|,\s*(?:nâng|đưa|giảm)\s+(?=tỷ lệ|tỷ trọng|tốc độ)|(?:giai đoạn\s+\d{4}\s*[-–]\s*\d{4}|đến năm\s+\d{4}|năm\s+\d{4})\s*,",
    re.IGNORECASE,
)
_LEAD_FILLER = re.compile(
    r"^(?:[-+•]\s*|[a-zđ]\)\s*|,\s*|(?:phấn đấu|phân đầu|phân đấu|có|và|bảo đảm|đảm bảo|đạt|chiếm|là|"
    r"trở lên|trở xuống|đến|vào|trong|hằng năm|hàng năm|tối thiểu|ít nhất|khoảng|trên|dưới|không quá)\b\s*,?\s*"
    r"|(?:đến |vào |trong )?năm \d{4}\s*[:,]?\s*|giai đoạn \d{4}\s*[-–]\s*\d{4}\s*[:,]?\s*)*",
    re.IGNORECASE,
)
_TRAIL_FILLER = re.compile(
    r"(?:\s+(?:đạt|chiếm|là|tăng|có|bình quân|khoảng|trở lên|tối thiểu|ít nhất|dưới|không quá|trên|từ|"
    r"gấp|tăng thêm|lên|hằng năm|hàng năm|mức|(?:\d+\s+)?năm \d{4}(?:\s*[-–]\s*\d{4})?|"
    r"giai đoạn \d{4}\s*[-–]\s*\d{4}|vào năm \d{4}|đến năm \d{4}))+\s*[:,]?\s*$",
    re.IGNORECASE,
)
# Units that measure (as opposed to counting things): a noun after them is not part of the unit.
_MEASURE_UNITS = {"%", "%/năm", "USD", "tỷ USD", "triệu USD", "tỷ đồng", "triệu đồng", "nghìn tỷ đồng",
                  "ha", "tấn", "lần"}
_INDICATOR_HEADS = ("tỷ", "tốc độ", "kim ngạch", "tổng", "giá trị", "thu ", "số ", "mật độ", "diện tích")


def _comparator(before: str, after: str) -> tuple[str, bool]:
    """">=", "<=", "<", ">" or "=", and whether the value is approximate."""
    b, a = before.lower(), after.lower()
    approximate = bool(re.search(r"khoảng\s*$", b))
    if re.match(r"^[^;]{0,60}?\btrở lên", a) or re.search(r"(?:tối thiểu|ít nhất)\s*$", b):
        return ">=", approximate
    if re.search(r"(?:không quá|tối đa)\s*$", b):
        return "<=", approximate
    if re.search(r"dưới\s*$", b):
        return "<", approximate
    if re.search(r"(?<!\w)trên\s*$", b):
        return ">", approximate
    return "=", approximate


def _clean(text: str) -> str:
    text = _LEAD_FILLER.sub("", text.strip(" ,;"))
    text = _TRAIL_FILLER.sub("", text)
    return _TRAIL_FILLER.sub("", text).strip(" ,:;")


def find_targets(lines: list[tuple[int, str]], scope: str = "province", scope_area: str = "tỉnh Thanh Hóa") -> list[Target]:
    """Find targets in goal paragraphs given as (line, text) pairs."""
    targets: list[Target] = []
    year: int | None = None
    period: tuple[int, int] | None = None
    section_year: int | None = None
    section_period: tuple[int, int] | None = None
    for line, text in lines:
        text = re.sub(r"^(?:[a-zđ]\)\s*)?nhiệm vụ chung\s*:?\s*", "", text, flags=re.IGNORECASE)
        if not _VALUE_RE.search(text):
            # a heading such as "2. Mục tiêu cụ thể đến năm 2030" sets the time of what follows
            section_year, section_period = _update_context(text, section_year, section_period)
            continue
        year, period = section_year, section_period
        for sentence in re.split(r"(?<=[.])\s+(?=[A-ZĐÀ-Ỹ])", text):
            header = ""
            previous: str | None = None
            for clause in re.split(r";\s*", sentence):
                head, colon, tail = clause.partition(":")
                if colon and not _VALUE_RE.search(head) and len(head.split()) <= 14:
                    year, period = _update_context(head, year, period)
                    cleaned = _clean(_CONTEXT_RE.sub(" ", head))
                    header = cleaned if len(cleaned.split()) > 1 else ""
                    clause = tail
                elif header and previous and not _short(clause):
                    header = ""
                previous_end = 0
                year, period = _sticky_context(clause, year, period)
                for match in _VALUE_RE.finditer(clause):
                    before = clause[previous_end: match.start()]
                    local_year, local_period = _update_context(before, None, None)
                    pieces = _CUT_RE.split(before)
                    indicator = _clean(pieces[-1])
                    if re.search(r"\btrong đó\b", before, re.IGNORECASE) and previous and indicator:
                        indicator = f"{previous}, trong đó {indicator}"
                    consumed = 0
                    if not re.search(r"[^\W\d]{2,}", indicator):
                        noun, consumed = _following_noun(clause[match.end():])
                        unit = match.group("unit")
                        if noun and unit not in _MEASURE_UNITS:
                            noun = f"{unit} {noun}"  # "60 doanh nghiệp khoa học công nghệ"
                        indicator = noun or previous or ""
                    elif header and not indicator.lower().startswith(header.lower()):
                        indicator = f"{header}: {indicator}"
                    previous_end = match.end() + consumed
                    own_year, own_period = _after_context(clause[match.end():])
                    if len(indicator) < 3:
                        continue
                    previous = indicator
                    v1 = parse_vn_number(match.group("v1"))
                    v2 = parse_vn_number(match.group("v2")) if match.group("v2") else None
                    if v1 is None:
                        continue
                    following = clause[match.end():]
                    next_value = _VALUE_RE.search(following)
                    comparator, approximate = _comparator(before, following[: next_value.start() if next_value else 80])
                    target = Target(
                        line=line,
                        indicator=indicator[0].lower() + indicator[1:] if not indicator[:2].isupper() else indicator,
                        value_text=match.group(0).strip(),
                        unit=match.group("unit"),
                        comparator=comparator,
                        approximate=approximate,
                        year=own_year or local_year or (year if not (period or own_period or local_period) else None),
                        period=own_period or local_period or (period if not (own_year or local_year) else None),
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


def _short(clause: str) -> bool:
    """A clause that continues a "heading: a 1%, b 2%" list: a short name and a number."""
    first = _VALUE_RE.search(clause)
    name = _clean(clause[: first.start()]) if first else clause
    return len(name.split()) <= 5 and not name.lower().startswith(_INDICATOR_HEADS)


def _following_noun(text: str) -> tuple[str, int]:
    """"100% đơn vị cấp huyện, ..." : the indicator follows the number.

    Returns the indicator and how many characters of ``text`` it used.
    """
    stop = re.search(rf",?\s*(?:và\s+)?(?={_NUM})|;|\.\s|\.$|\s+\(|\s+theo\s", text)
    end = stop.start() if stop else len(text)
    words = re.sub(r"^\s*(?:trở lên|trở xuống)\b", "", text[:end])
    words = re.sub(r"\s+trở lên\b", "", words)
    return _TRAIL_FILLER.sub("", words.strip(" ,;:")).strip(" ,;:"), end


def _after_context(text: str) -> tuple[int | None, tuple[int, int] | None]:
    """"... đạt 37,2% vào năm 2030": a time phrase right after the value, before the next one."""
    next_value = _VALUE_RE.search(text)
    span = text[: next_value.start() if next_value else len(text)]
    match = re.match(r"^\s*(?:trở lên\s*)?(?:vào|trong|đến)\s+năm\s+(\d{4})\b", span, re.IGNORECASE)
    if match:
        return int(match.group(1)), None
    return None, None


_STICKY_RE = re.compile(r"(?:^|:|\btrong đó\b)[\s,]*(?:[-+•]\s*)?(?:phấn đấu\s*|phân đầu\s*|phân đấu\s*)?$",
                        re.IGNORECASE)


def _sticky_context(clause: str, year, period):
    """A time phrase that opens a clause ("Đến năm 2025, ..."; "trong đó: Giai đoạn 2021 -
    2025, ...") holds for what follows; one inside a clause holds only for its targets."""
    for match in _CONTEXT_RE.finditer(clause):
        if _STICKY_RE.search(clause[: match.start()]):
            year, period = _update_context(match.group(0), year, period)
    return year, period


def _update_context(text: str, year: int | None, period: tuple[int, int] | None):
    """Move the time context to the last time phrase in ``text`` (not "so với năm ...")."""
    for match in _CONTEXT_RE.finditer(text):
        if re.search(r"so với\s*$", text[: match.start()], re.IGNORECASE):
            continue
        if match.group("period"):
            period, year = (int(match.group("y1")), int(match.group("y2"))), None
        elif match.group("annual"):
            period, year = None, None  # "phấn đấu hằng năm, ...": every year
        else:
            year, period = int(match.group("y")), None
    return year, period
