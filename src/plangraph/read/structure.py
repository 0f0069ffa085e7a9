"""The standard layout of an administrative document (Nghị định 30/2020/NĐ-CP) found in blocks.

Every document opens with its issuer (and the issuer's parent), "Số: N/KH-UBND", place and
date, the type in capitals (KẾ HOẠCH, QUYẾT ĐỊNH, NGHỊ QUYẾT, CHỈ THỊ ...) and its summary
(trích yếu), then "Căn cứ ..." lines, the body in roman-numbered sections or articles, the
signature ("TM. ỦY BAN NHÂN DÂN", "Nơi nhận:") and appendices ("PHỤ LỤC ... (Kèm theo ...)").
A file may hold two documents: a decision or resolution and the plan it issues, which has
its own type heading, title and "(Ban hành kèm theo Quyết định số ...)" line. Some copies
lack the header (the number is then printed only in a caption) or carry web-page debris
around the document.

:func:`read_structure` finds these parts and says which blocks form the plan's body.

Example:
    >>> from plangraph.read.layout import read_blocks
    >>> lines = ["|", "**ỦY BAN NHÂN DÂN**", "TỈNH AN GIANG", "|", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**",
    ...          "|", "|", "Số: 12/KH-UBND", "|", "*An Giang, ngày 02 tháng 3 năm 2025*", "|", "",
    ...          "**KẾ HOẠCH**", "", "Triển khai chuyển đổi số", "", "**I. NHIỆM VỤ**", "", "1. Sở Y tế chủ trì."]
    >>> s = read_structure(read_blocks(lines))
    >>> s.plan.kind, s.plan.number, s.plan.date.isoformat(), s.plan.issuer, s.plan.title
    ('Kế hoạch', '12/KH-UBND', '2025-03-02', 'ỦY BAN NHÂN DÂN TỈNH AN GIANG', 'Triển khai chuyển đổi số')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..extract.citations import find_citations
from ..model import DocRef
from ..text import UPPER, fold
from .layout import Block

__all__ = ["Part", "Appendix", "Structure", "read_structure", "TYPE_WORDS", "PLAN_KINDS"]

# Document types as printed in the type heading, longest first.
TYPE_WORDS = {
    "KẾ HOẠCH HÀNH ĐỘNG": "Kế hoạch", "KẾ HOẠCH": "Kế hoạch",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG": "Chương trình", "CHƯƠNG TRÌNH CÔNG TÁC": "Chương trình",
    "CHƯƠNG TRÌNH": "Chương trình", "QUYẾT ĐỊNH": "Quyết định", "NGHỊ QUYẾT": "Nghị quyết",
    "CHỈ THỊ": "Chỉ thị", "ĐỀ ÁN": "Đề án", "PHƯƠNG ÁN": "Phương án", "THÔNG BÁO": "Thông báo",
    "BÁO CÁO": "Báo cáo", "TỜ TRÌNH": "Tờ trình", "QUY CHẾ": "Quy chế", "QUY ĐỊNH": "Quy định",
    "HƯỚNG DẪN": "Hướng dẫn", "KẾT LUẬN": "Kết luận", "CÔNG VĂN": "Công văn", "CHIẾN LƯỢC": "Chiến lược",
    "ĐIỀU LỆ": "Điều lệ", "LỆNH": "Lệnh", "THÔNG TƯ": "Thông tư", "NGHỊ ĐỊNH": "Nghị định",
}
_TYPE_ORDER = sorted(TYPE_WORDS, key=len, reverse=True)
PLAN_KINDS = {"Kế hoạch", "Chương trình", "Đề án", "Phương án", "Chỉ thị", "Nghị quyết", "Chiến lược"}
# Codes in "Số: N/<code>-<issuer>" and the type each stands for (Nghị định 30/2020, Phụ lục III).
TYPE_CODES = {
    "KH": "Kế hoạch", "QĐ": "Quyết định", "NQ": "Nghị quyết", "CT": "Chỉ thị", "CTR": "Chương trình",
    "ĐA": "Đề án", "PA": "Phương án", "TB": "Thông báo", "BC": "Báo cáo", "TTR": "Tờ trình",
    "HD": "Hướng dẫn", "QC": "Quy chế", "QYĐ": "Quy định", "KL": "Kết luận", "NĐ": "Nghị định",
}
_NUMBER_RE = re.compile(
    r"^\W*Số\s*(?:hiệu)?\s*[:.]?\s*(?P<number>(?:\d+|\.{2,}|…)?\s*(?:/\s*\d{4})?\s*[/-]\s*[A-ZĐ][\w\-/&.]*)",
    re.IGNORECASE,
)
_BLANK_NUMBER_RE = re.compile(r"^\W*Số\s*[:.]?\s*(?:\.{2,}|…|_+)?\s*/\s*(?P<code>[A-ZĐ][\w\-/]*)", re.IGNORECASE)
_DATE_RE = re.compile(
    rf"(?P<place>[{UPPER}][\w .\-]{{1,40}}?)\s*,\s*ngày\s+(?P<d>\d{{1,2}}|\.{{2,}}|…|_+)?\s*tháng\s+"
    r"(?P<m>\d{1,2}|\.{2,}|…|_+)?\s*năm\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
_MOTTO_RE = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc",
                       re.IGNORECASE)
_ISSUED_WITH_RE = re.compile(r"^\W*\(?\s*(?:Ban hành\s+)?kèm theo\b", re.IGNORECASE)
_APPENDIX_RE = re.compile(r"^\W*(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?(?P<n>[IVXL]+|\d+[a-z]?|[A-Z]))?\b(?!\s+(?:kèm|đính))")
_SIGNATURE_RE = re.compile(rf"^\W*(?:TM|KT|TL|TUQ|Q)\s*\.\s*[{UPPER}]|^\W*Nơi nhận\s*:", re.IGNORECASE)
_AUTHORITY_RE = re.compile(
    r"^\W*(?:CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|CHÍNH PHỦ|ỦY BAN|UỶ BAN|HỘI ĐỒNG|BAN|BỘ|SỞ|TỔNG|GIÁM ĐỐC|QUỐC HỘI)\b"
)
# Debris of the web page a copy was taken from, after the document (thuvienphapluat and others).
_CHROME_RE = re.compile(
    r"^\W*(?:THƯ VIỆN PHÁP LUẬT|ThuVienPhapLuat|Thư viện pháp luật|Địa chỉ\s*:|Điện thoại\s*:|E-?mail\s*:|"
    r"Mã số thuế|Đăng nhập|Đăng ký|Tải về|Văn bản liên quan|Lược đồ|Chưa có Văn bản|Thưa Quý khách|"
    r"Bạn Chưa Đăng Nhập|Nội dung văn bản đang được cập nhật|Luật sư|Hỗ trợ\s*:)", re.IGNORECASE)
_ARTICLE_RE = re.compile(r"^Điều\s+(?P<n>\d+)", re.IGNORECASE)
_APPROVES_RE = re.compile(r"\b(?:phê duyệt|ban hành|quyết định|thông qua)\b.{0,400}?(?:nội dung|như sau|sau đây)\b[^:]{0,60}:\s*$",
                          re.IGNORECASE)
_ISSUES_ATTACHED_RE = re.compile(r"(?:ban hành|phê duyệt)\s+kèm theo\s+(?:quyết định|nghị quyết|chỉ thị)\s+này", re.IGNORECASE)
_NOT_A_PLAN = re.compile(
    r"\b(?:công bố (?:danh mục )?thủ tục hành chính|thủ tục hành chính mới|ban hành quy chế|ban hành quy định|"
    r"phê duyệt quy chế|ban hành điều lệ|quy chế phối hợp|bảng giá|ban hành danh mục)\b",
    re.IGNORECASE,
)


@dataclass
class Part:
    """One document within the file: its type heading and what its header says.

    Attributes:
        kind: the type as a word ("Kế hoạch", "Quyết định" ...).
        start: the index of the type heading among the blocks; ``end`` the index after the part.
        title: the summary (trích yếu) that follows the type heading.
        number: "552/KH-UBND"; None when not printed (``number_blank`` when left blank).
        issued_with: for a carried plan, the decision it is issued with ("Ban hành kèm theo ...").
        authority: the capitalised line naming who decides ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...").
    """

    kind: str
    start: int
    end: int
    line: int
    title: str = ""
    title_end: int = 0  # index of the first block after the title (and the issued-with line)
    number: str | None = None
    number_line: int | None = None
    number_blank: bool = False
    date: date | None = None
    date_line: int | None = None
    place: str | None = None
    issuer: str | None = None
    issuer_line: int | None = None
    authority: str | None = None
    issued_with: DocRef | None = None
    issued_with_line: int | None = None


@dataclass
class Appendix:
    """A "PHỤ LỤC" with its title, caption and blocks."""

    label: str
    title: str
    line: int
    start: int
    end: int
    issued_with: DocRef | None = None


@dataclass
class Structure:
    """What :func:`read_structure` found."""

    blocks: list[Block]
    parts: list[Part]
    appendices: list[Appendix]
    plan: Part  # the part that is the plan (or the document itself)
    issuer_part: Part  # the part that issues it (the plan itself when issued directly)
    body: tuple[int, int]  # block range of the plan's body
    basis: list[int] = field(default_factory=list)  # indices of "Căn cứ ..." blocks
    intro: list[int] = field(default_factory=list)  # title and introduction: what the plan implements
    not_a_plan: str | None = None  # why the document is not a plan, when it is not


def _type_heading(block: Block) -> tuple[str, str] | None:
    """(kind, rest) when ``block`` is a type heading ("KẾ HOẠCH", "QUYẾT ĐỊNH ...")."""
    if block.kind != "para" or block.marker:
        return None
    text = block.text.strip()
    if text.endswith(":") or len(text) > 400:
        return None
    upper = text.upper()
    for word in _TYPE_ORDER:
        if upper.startswith(word) and (len(upper) == len(word) or not upper[len(word)].isalpha()):
            rest = text[len(word):].strip(" :-")
            letters = [ch for ch in text[: len(word)] if ch.isalpha()]
            if not all(ch.isupper() for ch in letters):
                return None
            rest_letters = [ch for ch in rest if ch.isalpha()]
            # "KẾ HOẠCH" alone, or followed by a summary in capitals ("KẾ HOẠCH THỰC HIỆN ...")
            if rest and not (all(ch.isupper() for ch in rest_letters) or block.bold):
                return None
            return TYPE_WORDS[word], rest
    return None


def _texts(block: Block) -> list[tuple[int, str]]:
    """(line, text) of a paragraph, or of every cell of a table."""
    if block.kind == "table":
        return [(cell.line, cell.text) for row in block.rows for cell in row.cells]
    return [(block.line, block.text)]


# compiled once: the function runs for every name, line or task of a build
_RULE = re.compile(r"-{3,}|_{3,}")


def _header_facts(blocks: list[Block], start: int, stop: int, part: Part) -> None:
    """Fill ``part``'s number, date, place and issuer from the header blocks in [start, stop)."""
    issuer_candidates: list[tuple[int, str]] = []
    for index in range(start, stop):
        for line, text in _texts(blocks[index]):
            clean = _RULE.sub(" ", text).strip()
            match = _NUMBER_RE.match(clean)
            if match and part.number is None and re.search(r"\d", match.group("number").split("/")[0] or ""):
                part.number = re.sub(r"\s+", "", match.group("number")).rstrip(".")
                part.number_line = line
            elif _BLANK_NUMBER_RE.match(clean) and part.number is None:
                part.number_blank = True
                part.number_line = line
            found = _DATE_RE.search(clean)
            if found and part.date is None:
                part.place = found.group("place").strip()
                part.date_line = line
                try:
                    part.date = date(int(found.group("y")), int(found.group("m")), int(found.group("d")))
                except (TypeError, ValueError):
                    part.date = None
                    part.year_only = int(found.group("y"))  # type: ignore[attr-defined]
            if _MOTTO_RE.search(clean):
                continue
            letters = [ch for ch in clean if ch.isalpha()]
            if letters and sum(ch.isupper() for ch in letters) > 0.8 * len(letters) and _AUTHORITY_RE.match(clean) \
                    and len(clean) < 200 and not _type_heading(Block("para", line, line, text=clean)):
                issuer_candidates.append((line, clean))
    if issuer_candidates and part.issuer is None:
        line, text = issuer_candidates[0]
        part.issuer = re.sub(r"\s+", " ", text).strip(" -")
        part.issuer_line = line


def _find_parts(blocks: list[Block]) -> list[Part]:
    parts: list[Part] = []
    for index, block in enumerate(blocks):
        heading = _type_heading(block)
        if heading is None:
            continue
        kind, rest = heading
        if parts and index - parts[-1].start < 3 and parts[-1].kind == kind:
            continue  # "KẾ HOẠCH" repeated in a running header
        parts.append(Part(kind, index, len(blocks), block.line, title=rest))
    for position, part in enumerate(parts):
        part.end = parts[position + 1].start if position + 1 < len(parts) else len(blocks)
    return parts


def _read_title(blocks: list[Block], part: Part) -> None:
    """The summary after the type heading, the issued-with line and the authority line."""
    titles = [part.title] if part.title else []
    index = part.start + 1
    while index < part.end and index < part.start + 8:
        block = blocks[index]
        if block.kind != "para":
            break
        text = block.text.strip()
        if _ISSUED_WITH_RE.match(text) and ("số" in text.lower() or "/" in text):
            refs = [c.ref for c in find_citations([(block.line, text)])]
            if refs:
                part.issued_with = refs[0]
                part.issued_with_line = block.line
            index += 1
            break
        letters = [ch for ch in text if ch.isalpha()]
        caps = bool(letters) and sum(ch.isupper() for ch in letters) > 0.85 * len(letters)
        if caps and _AUTHORITY_RE.match(text) and titles:
            part.authority = text
            index += 1
            break
        if block.marker or re.match(r"^(?:Căn cứ|Xét|Theo đề nghị)\b", text):
            break
        if titles and not caps and not (block.bold or block.italic) and (text.endswith(":") or _caps_text(titles[-1])):
            break  # the opening sentence after a summary in capitals ("Thực hiện ..., như sau:")
        if caps or block.bold or block.italic or re.match(r"^(?:Về việc|V/v)\b", text) or (
                not text.endswith(".") and len(text) < 320 and len(titles) < 2):
            titles.append(text)
            index += 1
            continue
        break
    part.title = re.sub(r"\s+", " ", " ".join(titles)).strip()
    part.title_end = index
    if part.authority is None:
        # the line naming who decides may follow a long summary: "ỦY BAN NHÂN DÂN TỈNH THANH HÓA"
        for k in range(index, min(part.end, index + 3)):
            block = blocks[k]
            if block.kind != "para" or block.marker or re.match(r"^(?:Căn cứ|Xét|Theo)\b", block.text):
                break
            if _caps_text(block.text) and _AUTHORITY_RE.match(block.text) and len(block.text) < 160:
                part.authority = block.text.strip()
                part.title_end = k + 1
                break


def _caps_text(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) > 0.85 * len(letters)


def _find_appendices(blocks: list[Block], start: int) -> list[Appendix]:
    out: list[Appendix] = []
    for index in range(start, len(blocks)):
        block = blocks[index]
        if block.kind != "para" or block.marker:
            continue
        match = _APPENDIX_RE.match(block.text)
        if not match or len(block.text) > 300:
            continue
        letters = [ch for ch in block.text[: match.end()] if ch.isalpha()]
        if not (all(ch.isupper() for ch in letters) or block.bold or block.heading_level):
            continue
        title_parts = [block.text[match.end():].strip(" :.-")]
        issued = None
        for k in range(index + 1, min(len(blocks), index + 6)):
            nxt = blocks[k]
            if nxt.kind != "para":
                break
            if _ISSUED_WITH_RE.match(nxt.text):
                refs = [c.ref for c in find_citations([(nxt.line, nxt.text)])]
                issued = refs[0] if refs else None
                break
            if nxt.marker:
                break
            title_parts.append(nxt.text)
        label = block.text[: match.end()].strip()
        out.append(Appendix(label, " ".join(t for t in title_parts if t).strip(), block.line, index, len(blocks), issued))
    for position, appendix in enumerate(out):
        appendix.end = out[position + 1].start if position + 1 < len(out) else len(blocks)
    return out


def _signature(blocks: list[Block], start: int, stop: int) -> int:
    """The index of the first signature block ("TM.", "Nơi nhận:") in [start, stop), or stop."""
    for index in range(start, stop):
        for _, text in _texts(blocks[index]):
            if _SIGNATURE_RE.match(text):
                return index
    return stop


def read_structure(blocks: list[Block]) -> Structure:
    """Find the documents, header facts, body and appendices in ``blocks``."""
    parts = _find_parts(blocks)
    if not parts:
        whole = Part("Văn bản", 0, len(blocks), blocks[0].line if blocks else 1)
        _header_facts(blocks, 0, min(len(blocks), 30), whole)
        parts = [whole]
    previous_end = 0
    for part in parts:
        _read_title(blocks, part)
        # the header lies between the previous part (or the start) and the type heading
        _header_facts(blocks, max(previous_end, part.start - 40), part.start, part)
        if part.issuer is None and part.authority:
            part.issuer = part.authority
        previous_end = part.start + 1
    first = parts[0]
    end = _document_end(blocks, first.start)
    for part in parts:
        part.end = min(part.end, end)
    parts = [p for p in parts if p.start < end]
    appendices = _find_appendices(blocks, first.start)
    for appendix in appendices:
        appendix.end = min(appendix.end, end)
    appendices = [a for a in appendices if a.start < end]

    # which part is the plan: a later part of a plan kind carried by the first document. Only
    # a Quyết định or Nghị quyết issues another document "kèm theo" (Nghị định 30/2020/NĐ-CP);
    # a "KẾ HOẠCH ..." heading after a Kế hoạch is a table or an appendix of it.
    plan = first
    carriers = ("Quyết định", "Nghị quyết")
    for part in parts[1:] if first.kind in carriers else []:
        if part.kind in PLAN_KINDS and (part.issued_with is not None or part.kind != first.kind):
            plan = part
            break
    issuer_part = first
    # the body: the plan's blocks after its title, up to the signature or the first appendix
    body_start = plan.title_end
    body_end = min([plan.end] + [a.start for a in appendices if a.start > body_start])
    articles = [i for i in range(first.title_end, first.end) if blocks[i].kind == "para"
                and _ARTICLE_RE.match(blocks[i].marker or "")]
    not_a_plan = None
    if plan is first and articles:
        article_one = articles[0]
        text = blocks[article_one].text
        following = articles[1] if len(articles) > 1 else first.end
        if _APPROVES_RE.search(text) or (following - article_one > 3 and not _ISSUES_ATTACHED_RE.search(text)):
            body_start, body_end = article_one + 1, following  # the plan is written inside Điều 1
        elif _ISSUES_ATTACHED_RE.search(text):
            body_start = body_end = following  # the plan is attached, but not in this file
    body_end = min(body_end, _signature(blocks, body_start, body_end))
    summary = f"{first.title} {plan.title}"
    if _NOT_A_PLAN.search(summary) or first.kind in ("Quy chế", "Quy định", "Điều lệ", "Báo cáo", "Tờ trình",
                                                     "Thông tư", "Nghị định"):
        not_a_plan = f"a {first.kind.lower()} that {_what_it_does(summary)}, not a plan"
    basis = [i for i in range(first.title_end, min(first.end, first.title_end + 40))
             if blocks[i].kind == "para" and re.match(r"^\W*Căn cứ\b", blocks[i].text)]
    intro = list(range(plan.start, min(body_end, plan.title_end + 3)))
    if plan is not first:
        intro += [first.start] + list(range(first.start, first.title_end))
    # the plan's own number: printed in its header, or in the caption of the issuing part
    return Structure(blocks, parts, appendices, plan, issuer_part, (body_start, body_end), basis,
                     sorted(set(intro)), not_a_plan)


def _document_end(blocks: list[Block], start: int) -> int:
    """The index after the document's last block: web-page debris after it is left out."""
    for index in range(start + 1, len(blocks)):
        texts = _texts(blocks[index])
        if texts and any(_CHROME_RE.match(text) for _, text in texts[:3]):
            return index
    return len(blocks)


def _what_it_does(summary: str) -> str:
    words = fold(summary)
    if "thu tuc hanh chinh" in words:
        return "publishes administrative procedures"
    if "quy che" in words or "quy dinh" in words:
        return "issues a regulation"
    return "issues no plan"
