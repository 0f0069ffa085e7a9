"""Document citations: "Nghị quyết số 58-NQ/TW ngày 05/8/2020 của Bộ Chính trị về ..." -> DocRef.

Every numbered mention of a resolution, decision, programme, plan, decree, conclusion,
directive or letter is captured with its line. When a mention is followed, in the same
clause, by "thực hiện" and another mention, the first implements the second:
"Chương trình hành động số 11-CTr/TU ... thực hiện Nghị quyết số 58-NQ/TW".
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Citation, DocRef
from ..text import nfc

__all__ = ["find_citations", "KIND_WORDS", "kind_of_identifier"]

KIND_WORDS = {
    "nghị quyết": "Nghị quyết",
    "quyết định": "Quyết định",
    "chương trình hành động": "Chương trình",
    "chương trình": "Chương trình",
    "kế hoạch hành động": "Kế hoạch",
    "kế hoạch": "Kế hoạch",
    "nghị định": "Nghị định",
    "kết luận": "Kết luận",
    "chỉ thị": "Chỉ thị",
    "công văn": "Công văn",
    "văn bản": "Công văn",
    "thông báo": "Thông báo",
    "thông tư": "Thông tư",
}
_KIND_ALTERNATION = "|".join(sorted((re.escape(k) for k in KIND_WORDS), key=len, reverse=True))
# whether a lower-case line holds any kind word at all (one pass instead of one per word)
_ANY_KIND = re.compile(_KIND_ALTERNATION)

# The official number: "58-NQ/TW", "13/NQ-CP", "31/2021/QH15", "176/2021/NQ-HĐND",
# "1211/2016/UBTVQH13", "3584/SKHĐT-TH", "622-QĐ/TU"; "…/QĐ-UBND" when left blank.
_ID = r"(?P<id>(?:\d+|\.{2,}|…)?\s*(?:/\d{4})?\s*[-/]\s*[A-ZĐ][A-ZĐa-zđ0-9]*(?:[-/][A-ZĐ][A-ZĐa-zđ0-9]*)*)"
_DATE = (
    r"(?:\s+ngày\s+(?:(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})))?"
)
_CITATION_RE = re.compile(
    rf"(?P<kind>{_KIND_ALTERNATION})(?:\s+[^\s\d]{{1,12}}){{0,1}}?\s+(?:số\s*:?\s*)?{_ID}(?:\s+tỉnh)?{_DATE}",
    re.IGNORECASE,
)
# "các Nghị quyết của Ban Chấp hành Đảng bộ tỉnh: số 16-NQ/TU ngày ...; số 13-NQ/TU ..."
_LIST_ITEM_RE = re.compile(rf"(?:[:;,]\s*)số\s+{_ID}(?:\s+tỉnh)?{_DATE}")
_LIST_ITEM_WORD = "số"  # in every match of _LIST_ITEM_RE: a line without it is not searched
_ISSUER_RE = re.compile(
    r"^\s*,?\s*(?:của\s+)(?P<issuer>.+?)(?=\s+(?:về|ban hành|phê duyệt|thực hiện|triển khai|tiếp tục|"
    r"quy định|hướng dẫn|khóa|khoá|tại|theo|và|đến|với|nhằm|để|trong)\b|\s*[,;.:“\"()]|$)",
    re.IGNORECASE,
)
_TITLE_RE = re.compile(r"^\s*(?:về việc\s+|về\s+|(?=ban hành\s|phê duyệt\s))(?P<title>[^;“\"]+?)(?=;|\.\s|\.$|$|\s+và\s+(?:Nghị quyết|Chương trình|Kế hoạch|Quyết định)\b)", re.IGNORECASE)
_IMPLEMENTS_RE = re.compile(r"(?:triển khai\s+)?(?:về\s+(?:việc\s+)?)?(?:tiếp tục\s+)?thực hiện\s*$", re.IGNORECASE)


def kind_of_identifier(identifier: str) -> str | None:
    """Guess a document kind from its number: "58-NQ/TW" -> "Nghị quyết".

    Example:
        >>> kind_of_identifier("11-CTr/TU")
        'Chương trình'
    """
    code = identifier.upper()
    for token, kind in (("NQ", "Nghị quyết"), ("QĐ", "Quyết định"), ("CTR", "Chương trình"),
                        ("KH", "Kế hoạch"), ("NĐ", "Nghị định"), ("KL", "Kết luận"),
                        ("CT", "Chỉ thị"), ("QH", "Nghị quyết"), ("UBTVQH", "Nghị quyết")):
        if re.search(rf"(?<![A-ZĐ]){token}(?![A-ZĐ])|(?<![A-ZĐ]){token}\d", code):
            return kind
    return None


# compiled once: the function runs for every name, line or task of a build
_SPACES = re.compile(r"\s+")


def _normal_id(raw: str) -> str:
    return _SPACES.sub("", raw).replace("…", "...")


def _date(match: re.Match[str]) -> tuple[date | None, int | None]:
    d, m, y = match.group("d") or match.group("d2"), match.group("m") or match.group("m2"), match.group("y") or match.group("y2")
    if not y:
        return None, None
    try:
        return date(int(y), int(m), int(d)), int(y)
    except ValueError:
        return None, int(y)


def _year_from_id(identifier: str) -> int | None:
    match = re.search(r"/((?:19|20)\d{2})/", identifier)
    return int(match.group(1)) if match else None


def find_citations(lines: list[tuple[int, str]]) -> list[Citation]:
    """Find document mentions in (line number, cleaned text) pairs.

    Example:
        >>> cs = find_citations([(3, "Căn cứ Nghị quyết số 58-NQ/TW ngày 05/8/2020 của Bộ Chính trị về xây dựng tỉnh;")])
        >>> c = cs[0]; (c.ref.identifier, c.ref.year, c.ref.issuer, c.based_on)
        ('58-NQ/TW', 2020, 'Bộ Chính trị', True)
    """
    citations: list[Citation] = []
    for number, text in lines:
        text = nfc(text)
        found: list[tuple[int, int, Citation]] = []
        low = text.lower()
        # the pattern is tried at every position; most lines name no kind of document at all
        mentions = _CITATION_RE.finditer(text) if _ANY_KIND.search(low) else ()
        for match in mentions:
            kind = KIND_WORDS[match.group("kind").lower()]
            found.append((match.start(), match.end(), _citation(match, kind, text, number)))
        # list continuations "...: số 16-NQ/TU ...; số 13-NQ/TU ..."
        for match in _LIST_ITEM_RE.finditer(text) if _LIST_ITEM_WORD in text else ():
            if any(start <= match.start() < end for start, end, _ in found):
                continue
            previous = [c for start, _, c in found if start < match.start()]
            kind = kind_of_identifier(match.group("id")) or (previous[-1].ref.kind if previous else "Văn bản")
            found.append((match.start(), match.end(), _citation(match, kind, text, number)))
        found.sort(key=lambda item: item[0])
        for index, (start, end, citation) in enumerate(found):
            if index + 1 < len(found) and citation.ref.kind not in ("Công văn", "Thông báo"):
                gap = text[end: found[index + 1][0]]
                if ";" not in gap and len(gap) < 220:
                    tail = re.sub(r"\s+", " ", gap)
                    if _IMPLEMENTS_RE.search(tail) or re.search(r"\bthực hiện\s*$", tail, re.IGNORECASE):
                        citation.implements = found[index + 1][2].ref
            citations.append(citation)
    return citations


# compiled once: the function runs for every name, line or task of a build
_NOT_LETTER = re.compile(r"[^\w]|\d")
_BASIS = re.compile(r"^\s*căn cứ\b", re.IGNORECASE)


def _citation(match: re.Match[str], kind: str, text: str, line: int) -> Citation:
    identifier = _normal_id(match.group("id"))
    when, year = _date(match)
    year = year or _year_from_id(identifier)
    if kind in ("Kế hoạch", "Chương trình") and "NQ" in identifier.upper().split("/")[0]:
        kind = "Nghị quyết"
    after = text[match.end():]
    issuer_match = _ISSUER_RE.match(after)
    issuer = issuer_match.group("issuer").strip() if issuer_match else None
    rest = after[issuer_match.end():] if issuer_match else after
    title_match = _TITLE_RE.match(rest)
    title = title_match.group("title").strip(" ,") if title_match else None
    letters = _NOT_LETTER.sub("", text)
    if letters and sum(map(str.isupper, letters)) > 0.6 * len(letters):
        issuer = title = None  # an all-capitals heading: its forms are not the printed names
    ref = DocRef(identifier=identifier, kind=kind, year=year, date=when, issuer=issuer, title=title)
    based_on = bool(_BASIS.match(text))
    return Citation(ref=ref, line=line, text=text[match.start(): match.end()].strip(), based_on=based_on)
