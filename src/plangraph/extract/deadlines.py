"""Vietnamese deadline phrases -> kind, first and last day.

``pg:deadline`` is the last day the text allows: "trước tháng 9/2021" (before September)
is 2021-08-31, "Quý IV/2022" is 2022-12-31, "giai đoạn 2021 - 2025" is 2025-12-31 with
2021-01-01 as its start. General-purpose date parsers misread these phrases, so they are
parsed here with explicit rules.

Example:
    >>> parse_deadline("Trước tháng 9/2021").end
    datetime.date(2021, 8, 31)
    >>> parse_deadline("trong Quý III năm 2022").kind
    'quarter'
    >>> parse_deadline("Trong quá trình thực hiện Nghị quyết").kind
    'ongoing'
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Deadline
from ..text import clean_line

__all__ = ["parse_deadline", "find_deadline_in_text", "KINDS"]

KINDS = ("by-date", "month", "quarter", "year", "period", "ongoing", "annual", "none")

_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# "trước trong tháng 5" (a slip met in the plans) reads as "trong": the "before" is dropped.
_BEFORE = (
    r"(?:(?P<before>trước|chậm nhất là|chậm nhất|muộn nhất)(?!\s+trong)\s*|(?:trước|chậm nhất)\s+(?=trong))?"
    r"(?:(?P<prep>trong|vào|đến|cuối)\s+)?"
)
_YEAR_SEP = r"\s*(?:/|-|năm)\s*"

class _Found:
    """A match of an optional lead-in (``prefix``) followed by a time expression (``core``)."""

    __slots__ = ("_text", "_start", "_core", "_lead")

    def __init__(self, text: str, start: int, core: re.Match[str], lead: re.Match[str] | None):
        self._text, self._start, self._core, self._lead = text, start, core, lead

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._core.end()

    def group(self, index: int = 0) -> str:
        assert index == 0
        return self._text[self._start:self._core.end()]

    def __getitem__(self, name: str) -> str | None:
        if name in self._core.re.groupindex:
            return self._core[name]
        if self._lead is not None and name in self._lead.re.groupindex:
            return self._lead[name]
        return None


class _LedBy:
    """``prefix?core`` as one pattern, found core first.

    An optional lead-in at the start of a pattern makes ``re`` try a match at every
    position of the text (14 times slower on the plans); the core's literal start lets it
    skip ahead. So the core is found first and the lead-in read back from the text before
    it: the earliest start whose text up to the core is a whole lead-in, which is the
    match ``re`` gives for ``prefix?core`` (a lead-in never holds a core's first word).
    """

    def __init__(self, prefix: str, core: str, reach: int = 40):
        self.core = re.compile(core, re.IGNORECASE)
        self.lead = re.compile(prefix, re.IGNORECASE)
        self.reach = reach

    def finditer(self, text: str):
        end = 0
        for core in self.core.finditer(text):
            if core.start() < end:
                continue
            start, lead = core.start(), None
            for at in range(max(end, core.start() - self.reach), core.start()):
                lead = self.lead.fullmatch(text, at, core.start())
                if lead is not None:
                    start = at
                    break
            end = core.end()
            yield _Found(text, start, core, lead)


_DATE_RE = _LedBy(_BEFORE, r"ngày\s+(?P<d>\d{1,2})\s*(?:/|tháng)\s*(?P<m>\d{1,2})" + _YEAR_SEP + r"(?P<y>\d{4})")
_MONTH_RE = _LedBy(_BEFORE, r"tháng\s+(?P<m>\d{1,2})" + _YEAR_SEP + r"(?P<y>\d{4})")
_QUARTER_RE = _LedBy(_BEFORE, r"quý\s+(?P<q>IV|III|II|I|[1-4])\b" + _YEAR_SEP + r"(?P<y>\d{4})")
_PERIOD_RE = _LedBy(r"(?P<before>trước\s+)?(?:trong\s+)?",
                    r"giai đoạn\s+(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4})")
_YEAR_RE = _LedBy(_BEFORE, r"năm\s+(?P<y>\d{4})\b")
# ranges: "Từ ngày 15/11/2025 đến ngày 15/12/2025", "Tháng 11 - 12/2025", "từ tháng 3/2026 đến tháng 6/2026"
_DATE_RANGE_RE = _LedBy(
    r"(?:từ\s+)?",
    r"ngày\s+(?P<d1>\d{1,2})\s*/\s*(?P<m1>\d{1,2})(?:\s*/\s*(?P<y1>\d{4}))?\s*(?:đến|-|–)\s*"
    r"(?:ngày\s+)?(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})\s*/\s*(?P<y2>\d{4})")
_MONTH_RANGE_RE = _LedBy(
    r"(?:từ\s+)?",
    r"tháng\s+(?P<m1>\d{1,2})(?:\s*/\s*(?P<y1>\d{4}))?\s*(?:đến|-|–)\s*(?:tháng\s+)?"
    r"(?P<m2>\d{1,2})\s*/\s*(?P<y2>\d{4})")
# a table cell that is only a time: "6/2025", "2026", "2026 - 2030" (never read in running text,
# where such numbers are counts, codes and parts of names)
_BARE_PERIOD_RE = re.compile(r"^(?:năm\s+)?(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4})(?!\d)", re.IGNORECASE)
_BARE_MONTH_RE = re.compile(r"^(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})(?!\d|\s*/)")  # not "10/2021/NĐ-CP"
_BARE_YEAR_RE = re.compile(r"^(?P<y>\d{4})(?![\d/\-–])")
_ONGOING_RE = re.compile(
    r"trong (?:quá trình|thời gian) (?:tổ chức )?(?:triển khai )?thực hiện(?: Nghị quyết| Kế hoạch| Chương trình)?(?=\W*$)"
    r"|trong (?:quá trình|thời gian) (?:tổ chức )?(?:triển khai )?thực hiện (?:Nghị quyết|Kế hoạch|Chương trình)\b"
    r"|thường xuyên|liên tục|định kỳ hằng tháng|hằng tháng|hằng quý",
    re.IGNORECASE,
)
_ANNUAL_RE = re.compile(r"(?:định k[ỳì]\s+)?(?:hằng|hàng) năm", re.IGNORECASE)  # "kì": a spelling in use
# a day, month or quarter of every year: "trước ngày 15 tháng 12 hằng năm", "trong quý IV hàng năm"
_ANNUAL_DATE_RE = _LedBy(
    r"(?:định k[ỳì]\s+)?" + _BEFORE,
    r"(?:ngày\s+\d{1,2}\s*(?:/|tháng)\s*\d{1,2}|tháng\s+\d{1,2}|quý\s+(?:IV|III|II|I|[1-4])\b)\s*,?\s+(?:hằng|hàng)\s+năm")
_ANY_DIGIT = re.compile(r"\d")  # the digits the dated patterns' \d can match


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass
class _Hit:
    start: int
    end: int
    deadline: Deadline
    before: bool


def _hits(text: str) -> list[_Hit]:
    """All time expressions in ``text`` with their spans (not overlapping)."""
    hits: list[_Hit] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(match: re.Match[str], deadline: Deadline, before: bool) -> None:
        start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
        if free(start, match.end()):
            taken.append((start, match.end()))
            hits.append(_Hit(start, match.end(), deadline, before))

    if _ANY_DIGIT.search(text):  # every dated form holds a digit; most texts of tasks hold none
        _dated_hits(text, add)
    for m in _ONGOING_RE.finditer(text):
        add(m, Deadline(m.group(0).strip(), "ongoing"), False)
    annual = list(_ANNUAL_RE.finditer(text))
    if annual:  # a day, month or quarter of every year first: its "hằng năm" is part of it
        for m in _ANNUAL_DATE_RE.finditer(text):
            add(m, Deadline(m.group(0).strip(), "annual"), bool(m["before"]))
    for m in annual:
        add(m, Deadline(m.group(0).strip(), "annual"), False)
    hits.sort(key=lambda h: h.start)
    return hits


def _dated_hits(text: str, add) -> None:
    """The time expressions of :func:`_hits` that hold a number (ranges first), each given to ``add``."""
    for m in _DATE_RANGE_RE.finditer(text):
        try:
            last = date(int(m["y2"]), int(m["m2"]), int(m["d2"]))
            first = date(int(m["y1"] or m["y2"]), int(m["m1"]), int(m["d1"]))
        except ValueError:
            continue
        if first <= last:
            add(m, Deadline(m.group(0).strip(), "period", last, first), False)
    for m in _MONTH_RANGE_RE.finditer(text):
        year2, month1, month2 = int(m["y2"]), int(m["m1"]), int(m["m2"])
        year1 = int(m["y1"] or year2)
        if 1 <= month1 <= 12 and 1 <= month2 <= 12 and (year1, month1) <= (year2, month2):
            add(m, Deadline(m.group(0).strip(), "period", _month_end(year2, month2), date(year1, month1, 1)), False)
    for m in _DATE_RE.finditer(text):
        try:
            day = date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            continue
        add(m, Deadline(m.group(0).strip(), "by-date", day), bool(m["before"]))
    for m in _MONTH_RE.finditer(text):
        year, month = int(m["y"]), int(m["m"])
        if not 1 <= month <= 12:
            continue
        if m["before"]:
            end = date(year, month, 1) - timedelta(days=1)
            add(m, Deadline(m.group(0).strip(), "by-date", end), True)
        else:
            add(m, Deadline(m.group(0).strip(), "month", _month_end(year, month), date(year, month, 1)), False)
    for m in _QUARTER_RE.finditer(text):
        year, quarter = int(m["y"]), _QUARTERS[m["q"].lower()]
        first = date(year, 3 * quarter - 2, 1)
        if m["before"]:
            add(m, Deadline(m.group(0).strip(), "by-date", first - timedelta(days=1)), True)
        else:
            add(m, Deadline(m.group(0).strip(), "quarter", _month_end(year, 3 * quarter), first), False)
    for m in _PERIOD_RE.finditer(text):
        y1, y2 = int(m["y1"]), int(m["y2"])
        if y2 < y1:
            continue
        if m["before"]:
            add(m, Deadline(m.group(0).strip(), "by-date", date(y1 - 1, 12, 31)), True)
        else:
            add(m, Deadline(m.group(0).strip(), "period", date(y2, 12, 31), date(y1, 1, 1)), False)
    for m in _YEAR_RE.finditer(text):
        year = int(m["y"])
        if (m["prep"] or "").lower() == "đến" or re.search(r"đến\s*$", text[: m.start()].lower()):
            continue  # "đến năm 2030" names a horizon, not a deadline
        if m["before"]:
            add(m, Deadline(m.group(0).strip(), "by-date", date(year - 1, 12, 31)), True)
        else:
            add(m, Deadline(m.group(0).strip(), "year", date(year, 12, 31), date(year, 1, 1)), False)


def parse_deadline(cell: str | None) -> Deadline:
    """Parse a deadline cell of an appendix table (the whole cell is the deadline).

    The first time expression wins; the text keeps the whole cell as printed.

    Example:
        >>> d = parse_deadline("Giai đoạn 2021 - 2025")
        >>> d.kind, d.start, d.end
        ('period', datetime.date(2021, 1, 1), datetime.date(2025, 12, 31))
        >>> parse_deadline("Báo cáo theo quy định").kind
        'none'
        >>> d = parse_deadline("Tháng 11 - 12/2025")
        >>> d.kind, d.start, d.end
        ('period', datetime.date(2025, 11, 1), datetime.date(2025, 12, 31))
        >>> parse_deadline("6/2025").end, parse_deadline("2026 - 2030").kind
        (datetime.date(2025, 6, 30), 'period')
    """
    text = clean_line(cell or "").strip()
    if not text:
        return Deadline("", "none")
    hits = _hits(text)
    bare = _bare(text)
    if bare is not None and (not hits or hits[0].start > 0):
        return Deadline(text, bare.kind, bare.end, bare.start)
    if not hits:
        return Deadline(text, "none")
    first = hits[0].deadline
    return Deadline(text, first.kind, first.end, first.start)


def _bare(text: str) -> Deadline | None:
    """A cell that opens with a bare time: "2026 - 2030", "6/2025", "2026"."""
    m = _BARE_PERIOD_RE.match(text)
    if m and int(m["y1"]) <= int(m["y2"]):
        return Deadline(m.group(0), "period", date(int(m["y2"]), 12, 31), date(int(m["y1"]), 1, 1))
    m = _BARE_MONTH_RE.match(text)
    if m and 1 <= int(m["m"]) <= 12:
        year, month = int(m["y"]), int(m["m"])
        return Deadline(m.group(0), "month", _month_end(year, month), date(year, month, 1))
    m = _BARE_YEAR_RE.match(text)
    if m and 1900 < int(m["y"]) < 2200:
        year = int(m["y"])
        return Deadline(m.group(0), "year", date(year, 12, 31), date(year, 1, 1))
    return None


_REPORT_RE = re.compile(r"(?:báo cáo|trình|gửi)\b[^;.]*$", re.IGNORECASE)
_CLAUSE_START_RE = re.compile(r"(?:^|[:;+]|trong đó:?)\s*$", re.IGNORECASE)


def find_deadline_in_text(text: str) -> Deadline:
    """Find the stated deadline of a task in running text.

    The appendix column these deadlines correspond to is "Thời gian báo cáo UBND tỉnh"
    (when to report to the provincial People's Committee), so an expression in a clause
    that reports, submits or sends ("báo cáo", "trình", "gửi") comes first. Otherwise the
    first explicit expression counts: a month, quarter or date preceded by "trước" /
    "trong" / "chậm nhất" or standing alone; a year or period only after "trong",
    "trước" or "chậm nhất", or opening a clause ("Giai đoạn 2022 - 2025, ..."), because a
    bare period is usually part of a name ("Chương trình ... giai đoạn 2021 - 2025") and
    "đến năm 2030" or "vào năm 2030" states a horizon. A date right after a document
    number ("Quyết định số 5519/QĐ-UBND ngày 30/12/2021") is a citation, not a deadline.

    Example:
        >>> find_deadline_in_text("Xây dựng Đề án X, báo cáo UBND tỉnh trước tháng 11 năm 2021.").text
        'trước tháng 11 năm 2021'
        >>> find_deadline_in_text("Triển khai Chương trình phát triển giai đoạn 2021 - 2025.").kind
        'none'
        >>> find_deadline_in_text("Thực hiện Quyết định số 5519/QĐ-UBND ngày 30/12/2021 của UBND tỉnh.").kind
        'none'
    """
    first: Deadline | None = None
    for hit in _hits(text):
        deadline = hit.deadline
        words = deadline.text.lower()
        before = text[: hit.start]
        if deadline.kind == "annual" and not words.startswith(("định kỳ", "định kì")):
            # "kế hoạch hằng năm", "bình quân hằng năm", "số liệu tháng 12 hằng năm": a noun's,
            # not the task's time; a day, month or quarter of every year is one after "trước",
            # "chậm nhất", "trong", "vào", "cuối", or opening a clause ("Tháng 12 hằng năm, ...")
            dated = _ANNUAL_DATE_RE.core.search(words)
            if not (dated and (hit.before or words.startswith(("trong", "vào", "cuối")) or _CLAUSE_START_RE.search(before))):
                continue
        if deadline.kind == "ongoing":
            if not words.startswith(("trong", "định kỳ", "hằng")):
                continue  # "thường xuyên" describes how the work is done; see the caller
        elif deadline.kind == "by-date" and words.startswith("ngày") or re.search(
            r"(?:[A-ZĐa-zđ0-9]+[-/][A-ZĐa-zđ0-9/-]+|số)\s*(?:tỉnh\s*)?$", before.rstrip()
        ):
            if not hit.before:
                continue  # a citation's date
        elif deadline.kind in ("year", "period") and not hit.before:
            opens_clause = _CLAUSE_START_RE.search(before) and re.match(r"\s*,", text[hit.end:])
            if not (words.startswith(("trong", "từ")) or opens_clause):
                continue
        if _REPORT_RE.search(before[max(before.rfind(";"), before.rfind(". ")) + 1:]):
            return deadline
        if first is None:
            first = deadline
    return first or Deadline("", "none")
