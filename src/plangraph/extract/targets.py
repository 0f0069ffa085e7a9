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
from dataclasses import dataclass
from decimal import Decimal

from ..model import Target
from ..text import UPPER, parse_vn_number

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
    rf"(?<![\w/.,])(?P<v1>{_NUM})(?:(?:\s*%)?\s*[-–]\s*(?P<v2>{_NUM}))?\s*(?P<unit>{_UNIT_RE})"
    # a rate: "13 bác sỹ/1 vạn dân", "45 giường bệnh/vạn dân", "2,5 tấn/ha"
    r"(?P<per>\s*/\s*(?:1\s+|1\.000\s+|10\.000\s+|100\.000\s+)?(?:vạn dân|nghìn dân|người dân|dân|năm|ha|km2|km))?"
    r"(?!\w)"
)
# a rank: "đứng trong nhóm 10 tỉnh, thành phố dẫn đầu cả nước", "trong top 5 địa phương dẫn đầu"
_RANK_RE = re.compile(
    r"(?:đứng\s+|xếp\s+|nằm\s+)?trong\s+(?:nhóm|top)\s+(?P<n>\d{1,3})\s+(?P<what>[^;.]{0,60}?)\s*"
    r"(?:dẫn đầu|đứng đầu|cao nhất|tốt nhất)(?:\s+(?P<among>cả nước|toàn quốc|khu vực[^,;.]{0,40}|cả tỉnh|toàn tỉnh))?",
    re.IGNORECASE)
# what a share is of, printed right after it: "0,3% GRDP", "30% trở lên trong GRDP của tỉnh"
_BASE_RE = re.compile(r"^\s*(?:trở lên\s+|trở xuống\s+)?(?:trong\s+|của\s+|so với\s+)?(?P<base>GRDP\b|tổng sản phẩm trên địa bàn)",
                      re.IGNORECASE)
_BASE_YEAR_RE = re.compile(r"so với\s+(?:cùng kỳ\s+)?năm\s+(?P<y>\d{4})", re.IGNORECASE)
# totals over a period ("tổng số doanh nghiệp thành lập mới đạt 6.500"): under "Giai đoạn
# 2021 - 2025: Đến năm 2025, ..." they hold for the period, not its last year
_CUMULATIVE_RE = re.compile(r"^(?:tổng|huy động|lũy kế|luỹ kế|cộng dồn)\b|thành lập mới|tăng thêm|xây dựng mới",
                            re.IGNORECASE)
# in a task's text, a number is a target only when the words say so (a count of works or
# a budget is not): "tỷ lệ đô thị hóa đạt trên 40%", "nâng công suất lên 5 triệu hành khách/năm"
_TASK_TARGET_RE = re.compile(
    r"(?:\b(?:đạt|chiếm|lên|xuống|tăng|giảm|tối thiểu|ít nhất|không quá|trên|dưới)(?:\s+(?:trên|dưới|khoảng|tối thiểu|ít nhất))?"
    r"|\bphấn đấu\b(?:\s+\S+){0,6})\s*$", re.IGNORECASE)
# where the indicator of a number in a task's text starts: after a clause boundary or a lead-in
_TASK_CUT_RE = re.compile(
    r"[,;:(]|\b(?:bảo đảm|đảm bảo|phấn đấu|nhằm|để|trong đó)\b|(?:đến|vào|trong)\s+năm\s+\d{4}|giai đoạn\s+\d{4}\s*[-–]\s*\d{4}",
    re.IGNORECASE)
_TASK_VERB_RE = re.compile(r"\s*\b(?:đạt|chiếm|lên|xuống|tăng|giảm|tối thiểu|ít nhất|không quá|trên|dưới|khoảng)\b.*$",
                           re.IGNORECASE)
_BUDGET_RE = re.compile(r"\b(?:kinh phí|vốn|bố trí|tổng mức đầu tư|dự toán|ngân sách|hỗ trợ|chi phí)\b[^;]{0,40}$",
                        re.IGNORECASE)
_MONEY_UNITS = {"nghìn tỷ đồng", "tỷ đồng", "triệu đồng", "tỷ USD", "triệu USD", "USD"}
_CONTEXT_RE = re.compile(
    r"(?P<onwards>từ\s+năm\s+(?P<y0>\d{4})\s+trở\s+đi)"
    r"|(?P<period>(?:giai đoạn|(?:\d+\s+)?năm)\s+(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4}))"
    r"|(?P<until>(?:đến|vào|trong)?\s*năm\s+(?P<y>\d{4}))"
    r"|(?P<annual>(?<!quân )h[ằà]ng năm(?=\s*,))",
    re.IGNORECASE,
)
# Where an indicator starts: after a colon, "trong đó", or a leading time phrase.
_CUT_RE = re.compile(
    r":|\btrong đó\b|từ năm \d{4} trở đi\s*,|\b(?:bảo đảm|đảm bảo)\b|,\s*(?:nâng|đưa|giảm)\s+(?=tỷ lệ|tỷ trọng|tốc độ)|(?:giai đoạn\s+\d{4}\s*[-–]\s*\d{4}|đến năm\s+\d{4}|năm\s+\d{4})\s*,",
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


# Both patterns need a digit, and a rank "trong nhóm/top <n>": most lines of a plan have neither,
# and the patterns, which open with a look-behind or an optional word, are tried at every position.
_ANY_DIGIT = re.compile(r"\d")
_RANK_HINT = re.compile(r"trong\s+(?:nhóm|top)\s+\d", re.IGNORECASE)


def _has_value(text: str) -> bool:
    """Whether :data:`_VALUE_RE` finds a value in ``text``."""
    return _ANY_DIGIT.search(text) is not None and _VALUE_RE.search(text) is not None


def _holds_value(text: str) -> bool:
    """Whether ``text`` holds a value or a rank (:data:`_VALUE_RE`, :data:`_RANK_RE`)."""
    return _has_value(text) or (_RANK_HINT.search(text) is not None and _RANK_RE.search(text) is not None)


def _clean(text: str) -> str:
    text = re.sub(r"^\s*chỉ tiêu\s+\d+\s*:\s*", "", text.strip(" ,;"), flags=re.IGNORECASE)  # "Chỉ tiêu 2: ..."
    text = re.sub(r"^(?:tăng|giảm|nâng)\s+(?=tỷ lệ|tỷ trọng|số\b)", "", text, flags=re.IGNORECASE)
    text = _LEAD_FILLER.sub("", text)
    text = _TRAIL_FILLER.sub("", text)
    return _TRAIL_FILLER.sub("", text).strip(" ,:;")


# compiled once, not formatted and looked up for every line of a build
_GENERAL_LABEL = re.compile(r"^(?:[a-zđ]\)\s*)?nhiệm vụ chung\s*:?\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(rf"(?<=[.])\s+(?=[{UPPER}])")


def find_targets(lines: list[tuple[int, str]], scope: str = "province", scope_area: str = "tỉnh Thanh Hóa",
                 strict: bool = False) -> list[Target]:
    """Find targets in goal paragraphs given as (line, text) pairs.

    With ``strict`` (the text of a task), a number is a target only when the words before it
    say it is one ("đạt", "tăng", "nâng ... lên", "tỷ lệ", "trên", ...) and it is not a sum of
    money to spend ("bố trí vốn 500 tỷ đồng").
    """
    targets: list[Target] = []
    section = _Time()
    for line, text in lines:
        text = _GENERAL_LABEL.sub("", text)
        if not _holds_value(text):
            # a heading such as "2. Mục tiêu cụ thể đến năm 2030" sets the time of what follows
            section = section.moved(text)
            continue
        time = section  # the time of one sentence holds for the next ones of the line
        for sentence in _SENTENCE_END.split(text):
            found, time = _sentence_targets(line, sentence, time, scope, scope_area, strict)
            if targets and re.match(r"\s*trong đó\b", sentence, re.IGNORECASE):
                # "Trong đó: Giá trị ... đạt 395 triệu USD": parts of the total above, for its time
                parent = next((t for t in reversed(targets) if t.year or t.period), targets[-1])
                for part in found:
                    if part.year is None and part.period is None and not part.annual:
                        part.year, part.period = parent.year, parent.period
            targets.extend(found)
    return targets


@dataclass(frozen=True)
class _Time:
    """The time a target is for: a year, a period, or every year; ``frame`` is the period of
    the heading or lead-in it is under ("Giai đoạn 2021 - 2025:")."""

    year: int | None = None
    period: tuple[int, int] | None = None
    annual: bool = False
    frame: tuple[int, int] | None = None

    def moved(self, text: str, frame: bool = False) -> "_Time":
        """The time after the last time phrase in ``text`` (not "so với năm ...")."""
        time = self
        low = text.lower()
        if "năm" not in low and "giai đoạn" not in low:
            return time  # every time phrase holds one of them; most clauses have none
        for match in _CONTEXT_RE.finditer(text):
            if _follows_so_voi(text, match.start()):
                continue
            if match.group("onwards"):
                time = _Time(None, None, True, time.frame)  # "Từ năm 2025 trở đi, 100% ...": every year from then
            elif match.group("period"):
                period = (int(match.group("y1")), int(match.group("y2")))
                time = _Time(None, period, False, period if frame else time.frame)
            elif match.group("annual"):
                time = _Time(None, None, True, time.frame)  # "phấn đấu hằng năm, ...": every year
            else:
                time = _Time(int(match.group("y")), None, False, time.frame)
        return time


def _follows_so_voi(text: str, end: int) -> bool:
    """``text[:end].rstrip().lower().endswith("so với")``, without lower-casing all before."""
    while end and text[end - 1].isspace():
        end -= 1
    return text[max(0, end - 6):end].lower().endswith("so với")


def _sentence_targets(line: int, sentence: str, time: _Time, scope: str, scope_area: str,
                      strict: bool) -> tuple[list[Target], _Time]:
    targets: list[Target] = []
    header = ""
    previous: str | None = None
    for clause in re.split(r";\s*", sentence):
        head, colon, tail = clause.partition(":")
        if colon and not strict and not _has_value(head) and len(head.split()) <= 14:
            time = time.moved(head, frame=True)
            cleaned = _clean(_CONTEXT_RE.sub(" ", head))
            label = re.fullmatch(r"(?:chỉ tiêu|mục tiêu)\s*\d*|trong đó", cleaned, re.IGNORECASE)
            header = cleaned if len(cleaned.split()) > 1 and not label else ""
            clause = tail
        elif header and previous and not _short(clause):
            header = ""
        time = _sticky(clause, time)
        found: list[tuple[Target, bool]] = []  # each target, and whether its indicator follows its number
        previous_end = 0
        for match in _VALUE_RE.finditer(clause):
            before = clause[previous_end: match.start()]
            local = _Time().moved(before)
            joined = bool(found) and bool(re.fullmatch(r"\s*(?:,|và|,\s*và)\s*", before))
            if strict and not joined and (not _TASK_TARGET_RE.search(clause[:match.start()][-90:]) or (
                    match.group("unit") in _MONEY_UNITS and _BUDGET_RE.search(clause[:match.start()]))):
                previous_end = match.end()
                continue
            indicator = _task_indicator(before) if strict else _clean(_CUT_RE.split(before)[-1])
            if re.search(r"\btrong đó\b", before, re.IGNORECASE) and previous and indicator:
                indicator = f"{previous}, trong đó {indicator}"
            consumed = 0
            follows = False
            if not re.search(r"[^\W\d]{2,}", indicator):
                noun, consumed = _following_noun(clause[match.end():], strict)
                unit = match.group("unit")
                if noun and unit not in _MEASURE_UNITS:
                    noun = f"{unit} {noun}"  # "60 doanh nghiệp khoa học công nghệ"
                follows = bool(noun)
                indicator = noun or previous or ""
            elif header and not indicator.lower().startswith(header.lower()):
                indicator = f"{header}: {indicator}"
            previous_end = match.end() + consumed
            own_year = _after_year(clause[match.end():])
            if len(indicator) < 3:
                continue
            previous = indicator
            v1 = parse_vn_number(match.group("v1"))
            v2 = parse_vn_number(match.group("v2")) if match.group("v2") else None
            if v1 is None:
                continue
            following = clause[match.end():]
            next_value = _VALUE_RE.search(following)
            until_next = following[: next_value.start() if next_value else len(following)]
            comparator, approximate = _comparator(before, following[: next_value.start() if next_value else 80])
            year = own_year or local.year or (time.year if not (time.period or local.period) else None)
            period = local.period or (time.period if not (own_year or local.year) else None)
            annual = time.annual and not (own_year or local.year or local.period)
            if year and not period and time.frame and year == time.frame[1] and _CUMULATIVE_RE.search(indicator):
                year, period = None, time.frame  # a total over the period of the heading
            base = _BASE_RE.match(following)
            base_year = _BASE_YEAR_RE.search(until_next) or _BASE_YEAR_RE.search(before)
            per_year = follows and indicator.endswith("/năm")
            if per_year:
                indicator = indicator[: -len("/năm")]  # "27.000 tấn hàng hóa/năm": tấn/năm of hàng hóa
            target = Target(
                line=line,
                indicator=indicator[0].lower() + indicator[1:] if not indicator[:2].isupper() else indicator,
                value_text=match.group(0).strip(),
                unit=_unit(match, indicator) + ("/năm" if per_year else ""),
                comparator=comparator,
                approximate=approximate,
                year=year,
                period=period,
                scope=scope,
                scope_area=scope_area,
                sentence=sentence.strip(),
                annual=annual,
                base="GRDP" if base else None,
                base_year=int(base_year.group("y")) if base_year else None,
            )
            if v2 is not None:
                target.min_value, target.max_value = v1, v2
            else:
                target.value = v1
            if joined and target.year and not found[-1][0].year and not found[-1][0].period:
                found[-1][0].year = target.year  # "5 triệu hành khách/năm và 27.000 tấn/năm vào năm 2030"
            found.append((target, follows))
        _share_predicates(found)
        targets.extend(t for t, _ in found)
        targets.extend(_ranks(line, clause, time, scope, scope_area, sentence, strict))
    return targets, time


_PER = r"\s*/\s*(?:1\s+|1\.000\s+|10\.000\s+|100\.000\s+)?(?:vạn dân|nghìn dân|người dân|dân|năm|ha|km2|km)\b"


def _unit(match: re.Match[str], indicator: str = "") -> str:
    """"bác sỹ" + "/1 vạn dân" -> "bác sỹ/vạn dân", also when the rate is printed in the
    indicator: "số bác sỹ/1 vạn dân đạt 13 bác sỹ"."""
    unit = match.group("unit")
    per = match.group("per")
    if not per:
        printed = re.search(re.escape(unit) + "(" + _PER + ")", indicator, re.IGNORECASE)
        per = printed.group(1) if printed else None
    if per:
        per = re.sub(r"^\s*/\s*(?:1\s+)?", "", per).strip()
        unit = f"{unit}/{per}"
    return unit


_PREDICATE_RE = re.compile(r"\s(?=(?:hoàn thành|đạt|được|có|tham gia|sử dụng|áp dụng|thực hiện)\b)", re.IGNORECASE)


def _share_predicates(found: list[tuple[Target, bool]]) -> None:
    """"100% các huyện, thị xã, thành phố và 80% các xã hoàn thành chuyển đổi số": what the
    last of a list of counted things does holds for those before it that say nothing."""
    for index, (target, follows) in enumerate(found):
        if not follows or _PREDICATE_RE.search(target.indicator):
            continue
        for later, later_follows in found[index + 1:]:
            if not later_follows:
                break
            parts = _PREDICATE_RE.split(later.indicator, maxsplit=1)
            if len(parts) == 2:
                target.indicator = f"{target.indicator} {parts[1]}"
                break


def _ranks(line: int, clause: str, time: _Time, scope: str, scope_area: str, sentence: str,
           strict: bool = False) -> list[Target]:
    """"chỉ số PCI, chỉ số PAPI đứng trong nhóm 10 tỉnh, thành phố dẫn đầu cả nước": one target
    per index ranked, value 10, comparator "top" (within the first 10)."""
    found: list[Target] = []
    for match in _RANK_RE.finditer(clause) if _RANK_HINT.search(clause) else ():
        subject = _clean(_CUT_RE.split(_CONTEXT_RE.sub(" ", clause[: match.start()]))[-1])
        if strict:
            # in a task's text: what is ranked is the last phrase before "phấn đấu" ("nâng cao
            # chất lượng giáo dục ..., phấn đấu trong nhóm 5 huyện dẫn đầu")
            pieces = [p.strip() for p in re.split(r"[,;:]|\bphấn đấu\b", clause[: match.start()], flags=re.IGNORECASE)]
            subject = next((p for p in reversed(pieces) if p), "")
            subject = _clean(re.sub(r"^(?:(?:tham mưu|các giải pháp|nhằm|đổi mới|nâng cao|đẩy mạnh|tiếp tục)\s+)+", "",
                                    subject, flags=re.IGNORECASE))
        subject = re.sub(r"^(?:phấn đấu|phân đấu|phân đầu)\s+", "", subject, flags=re.IGNORECASE).strip(" ,")
        if len(subject) < 3:
            continue
        first = " ".join(subject.split()[:2]).lower()
        pieces = [p.strip() for p in re.split(r",\s*", subject)]
        tail = re.split(rf"\s+và\s+(?={re.escape(first)})", pieces[-1], flags=re.IGNORECASE)
        pieces[-1:] = tail
        if len(pieces) > 1 and all(p.lower().startswith(first) for p in pieces):
            subjects = pieces  # "chỉ số A, chỉ số B và chỉ số C": three indices ranked alike
        else:
            subjects = [subject]
        among = match.group("among") or ""
        for name in subjects:
            found.append(Target(
                line=line, indicator=name[0].lower() + name[1:] if not name[:2].isupper() else name,
                value_text=match.group(0).strip(), unit="hạng", comparator="top", value=Decimal(match.group("n")),
                year=time.year, period=time.period, annual=time.annual, scope=scope, scope_area=scope_area,
                sentence=sentence.strip(), rank_among=among or None,
            ))
    return found


def _short(clause: str) -> bool:
    """A clause that continues a "heading: a 1%, b 2%" list: a short name and a number."""
    first = _VALUE_RE.search(clause)
    name = _clean(clause[: first.start()]) if first else clause
    return len(name.split()) <= 5 and not name.lower().startswith(_INDICATOR_HEADS)


def _task_indicator(before: str) -> str:
    """"... bảo đảm đến năm 2025 tỷ lệ đô thị hóa đạt trên" -> "tỷ lệ đô thị hóa"; "nâng công
    suất lên" -> "công suất"; "phấn đấu thành lập ít nhất" -> "" (the noun follows the number)."""
    text = _TASK_CUT_RE.split(before)[-1]
    text = _TASK_VERB_RE.sub("", text)
    text = re.sub(r"^\s*(?:nâng|đưa|giữ|duy trì|thành lập|xây dựng|lựa chọn|hỗ trợ|đào tạo|thu hút|có)\b\s*", "",
                  text, flags=re.IGNORECASE)
    return _clean(text)


def _following_noun(text: str, strict: bool = False) -> tuple[str, int]:
    """"100% đơn vị cấp huyện, ..." : the indicator follows the number.

    Returns the indicator and how many characters of ``text`` it used.
    """
    value = _VALUE_RE.search(text)
    stop = re.search(r";|\.\s|\.$|\s+\(|\s+theo\s" + (r"|,|\s+(?:vào|đến|trong)\s+năm\s" if strict else ""), text)
    ends = [m for m in (value, stop) if m is not None]
    end = min(m.start() for m in ends) if ends else len(text)
    if value is not None and value.start() == end:  # ", 100% số xã ...": the list goes on
        before_value = re.search(r",?\s*(?:và\s+)?$", text[:end])
        end = before_value.start() if before_value else end
    words = re.sub(r"^\s*(?:trở lên|trở xuống)\b", "", text[:end])
    words = re.sub(r"\s+trở lên\b", "", words)
    return _TRAIL_FILLER.sub("", words.strip(" ,;:")).strip(" ,;:"), end


def _after_year(text: str) -> int | None:
    """"... đạt 37,2% vào năm 2030": a year right after the value, before the next one."""
    next_value = _VALUE_RE.search(text)
    span = text[: next_value.start() if next_value else len(text)]
    match = re.match(r"^\s*(?:trở lên\s*)?(?:[\w/ ]{0,30}?\s)?(?:vào|trong|đến)\s+năm\s+(\d{4})\b", span, re.IGNORECASE)
    return int(match.group(1)) if match else None


_STICKY_RE = re.compile(r"(?:^|:|\btrong đó\b)[\s,]*(?:[-+•]\s*)?(?:phấn đấu\s*|phân đầu\s*|phân đấu\s*)?$",
                        re.IGNORECASE)


def _sticky(clause: str, time: _Time) -> _Time:
    """A time phrase that opens a clause ("Đến năm 2025, ..."; "trong đó: Giai đoạn 2021 -
    2025, ...") holds for what follows; one inside a clause holds only for its targets."""
    for match in _CONTEXT_RE.finditer(clause):
        if _STICKY_RE.search(clause[: match.start()]):
            time = time.moved(match.group(0) + ",")  # the comma "hằng năm," is known by
    return time
