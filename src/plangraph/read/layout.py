"""Every way a text arrives -> one list of blocks, each with the source lines it covers.

Plans reach us as plain text (one paragraph per line, tables with tabs) or as Markdown
conversions of web copies (hard-wrapped lines, ``**bold**`` headings split over two lines,
tables flattened one cell per line with ``|`` lines between cells and two between rows,
pipe tables). The quirks of each converter are handled here and nowhere else: what leaves
this module is a list of :class:`Block` (paragraphs, list items, tables of rows of cells).

Example:
    >>> blocks = read_blocks(["**I. MỤC", "ĐÍCH, YÊU CẦU**", "", "1. Làm rõ trách", "nhiệm."])
    >>> [(b.line, b.marker, b.body, b.bold) for b in blocks]
    [(1, 'I.', 'MỤC ĐÍCH, YÊU CẦU', True), (4, '1.', 'Làm rõ trách nhiệm.', False)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import LOWER, UPPER
from .inline import all_bold, open_spans, plain_and_bold, strip_marks, strip_marks_text
from .tables import Cell, Row, read_bar_table, read_pipe_table, read_tab_table, starts_tab_table

__all__ = ["Block", "Cell", "Row", "read_blocks", "MARKER_RE", "split_marker"]

MARKER_RE = re.compile(
    r"^(?P<marker>"
    r"(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?:[IVXLC]+|\d{1,2}|thứ\s+\w+|THỨ\s+\w+)\s*[.:]?"
    r"|(?:Điều|ĐIỀU)\s+\d{1,3}\s*[.:]?"
    # "IV.", "1.2.3.", "3)" share one look-ahead (one class of capitals to compile, not three;
    # the "(?!\d)" the last had is implied: what the look-ahead allows is never a digit)
    rf"|(?:[IVXL]{{1,6}}\s*[./)]|\d{{1,2}}(?:\.\d{{1,2}}){{1,3}}\.?|\d{{1,2}}\s?[.)])(?=\s|[{UPPER}*])"
    r"|[a-zđ]\)"
    rf"|[a-zđ]\.(?=\s+[{UPPER}])"
    rf"|[A-ZĐ]\.(?=\s+[{UPPER}]{{2}})"
    r"|[-–—+•·●○▪■►✓]"
    r"|\*(?=\s)"
    r")\s*"
)
_RULE_RE = re.compile(r"^\s*(?:[-_=*]\s*){4,}$")
_SPACES_RE = re.compile(r"\s+")
_HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s*(.*)$")
_TERMINAL = tuple(".;:!?…")
_TERMINAL_ALL = tuple(".;:!?…)\"”»")
# Words a wrapped line can end with only in the middle of a phrase.
_CONNECTORS = {
    "của", "và", "với", "các", "cho", "tại", "số", "về", "theo", "ngày", "tháng", "năm", "trong",
    "để", "đến", "từ", "là", "được", "những", "có", "hoặc", "thuộc", "trên", "dưới", "bằng", "như",
    "do", "nhằm", "gồm", "phối", "chủ", "hợp", "ban", "nhân", "thành", "phố", "tỉnh", "xã", "huyện",
}
_AUTHORITY_LINE = re.compile(
    r"^\W*(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|CHÍNH PHỦ|HỘI ĐỒNG NHÂN DÂN|"
    r"ỦY BAN THƯỜNG VỤ|UỶ BAN THƯỜNG VỤ|QUỐC HỘI|GIÁM ĐỐC|TỔNG GIÁM ĐỐC)\b")
_LOWER_START = re.compile(rf"^[\W\d_]*[{LOWER}]")
_UPPER_START = re.compile(rf"^[\W_]*[{UPPER}]")


@dataclass
class Block:
    """A paragraph, list item, heading or table, with the source lines it covers.

    Attributes:
        kind: "para" or "table".
        line, end_line: first and last source line (1-based).
        text: the text without marks, lines joined (paragraphs).
        marker: the list or heading marker as printed ("I.", "1.1.", "a)", "-", "Điều 1.").
        body: the text after the marker.
        bold, italic: the whole text (marker aside) was bold / italic.
        lead_bold: the leading bold run ("14." in "**14.** Các sở ...").
        heading_level: the Markdown heading level ("##" is 2), 0 if none.
        gap_before: a blank line (or the start of the text) comes before the block.
        rows: the rows of a table; ``layout`` says how the table was printed.
    """

    kind: str
    line: int
    end_line: int
    text: str = ""
    marker: str = ""
    body: str = ""
    bold: bool = False
    italic: bool = False
    lead_bold: str = ""
    heading_level: int = 0
    gap_before: bool = False
    rows: list[Row] = field(default_factory=list)
    layout: str = ""
    wrapped: bool = False  # the text was hard-wrapped: a paragraph after an item continues it

    @property
    def emphasised(self) -> bool:
        return self.bold or self.italic

    def __repr__(self) -> str:  # short, for debugging and doctests
        what = f"table {len(self.rows)} rows" if self.kind == "table" else repr(self.text[:50])
        return f"<Block {self.line}-{self.end_line} {what}>"


# compiled once: the function runs for every name, line or task of a build
_INNER_BULLET = re.compile(r"^([-+•])\s+(?=\S)")


def split_marker(text: str) -> tuple[str, str]:
    """Split a list or heading marker from the text.

    A bullet printed inside another ("- + Triển khai ...", a nested Markdown list) keeps
    the inner marker.

    Example:
        >>> split_marker("1.1. Xây dựng kế hoạch")
        ('1.1.', 'Xây dựng kế hoạch')
        >>> split_marker("1.200 công trình")
        ('', '1.200 công trình')
        >>> split_marker("- + Triển khai đề án")
        ('+', 'Triển khai đề án')
    """
    match = MARKER_RE.match(text)
    if not match:
        return "", text
    marker = _SPACES_RE.sub(" ", match.group("marker")).strip()
    body = text[match.end():].strip()
    if marker in ("-", "*", "•"):
        inner = _INNER_BULLET.match(body)
        if inner:
            return inner.group(1), body[inner.end():].strip()
    return marker, body


@dataclass
class _Shape:
    """How paragraphs are printed in this text."""

    wrap: int | None  # hard-wrap width, None when each line is a paragraph
    dense: bool  # paragraphs are not separated by blank lines


def _shape(lines: list[str], in_table: list[bool]) -> _Shape:
    lengths = [len(raw.strip()) for raw, table in zip(lines, in_table) if not table and raw.strip()]
    if len(lengths) < 8:
        return _Shape(None, False)
    ordered = sorted(lengths)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    near = sum(1 for n in lengths if n >= 0.8 * p95)
    wrap = p95 if p95 <= 120 and near >= 0.2 * len(lengths) else None
    text_lines = [i for i, (raw, table) in enumerate(zip(lines, in_table)) if not table and raw.strip()]
    followed = sum(1 for i in text_lines if i + 1 < len(lines) and not lines[i + 1].strip())
    dense = followed < 0.05 * max(1, len(text_lines))
    return _Shape(wrap, dense)


def _joins(previous: str, current_is_first: bool, nxt: str, shape: _Shape) -> bool:
    """Whether line ``nxt`` continues the paragraph whose last line is ``previous``."""
    plain_next, next_bold = plain_and_bold(nxt)
    marker, _ = split_marker(plain_next)
    if marker:
        return False
    plain_prev, prev_bold = plain_and_bold(previous)
    if not plain_next:
        return True
    if plain_prev and prev_bold != next_bold:
        return False  # a bold heading and the text under it
    if _LOWER_START.match(plain_next):
        return True
    if _all_caps(plain_prev) and _all_caps(plain_next) and not (
            _AUTHORITY_LINE.match(plain_next) and plain_prev.rsplit(" ", 1)[-1].lower() not in _CONNECTORS):
        return True  # a title in capitals wrapped over several lines (not the issuer's line after it)
    if shape.wrap is None:
        return False
    words = plain_prev.rsplit(" ", 1)
    last_word = words[-1] if plain_prev else ""
    if plain_prev.endswith((",", "-", "–", "(", "/")) or last_word.lower() in _CONNECTORS:
        return True
    if last_word[:1].isupper() and not _all_caps(last_word) and _UPPER_START.match(plain_next):
        return True  # a name wrapped in the middle: "Mặt trận Tổ quốc Việt" / "Nam"
    short = len(previous.strip()) < 0.72 * shape.wrap
    terminal = plain_prev.endswith(_TERMINAL)
    if shape.dense:
        return not (short or (terminal and len(previous.strip()) < 0.9 * shape.wrap))
    if current_is_first:
        return True  # the first line is short because of the indent in the original
    return not (short and terminal and _UPPER_START.match(plain_next))


def _name_wrap(previous: str, nxt: str) -> bool:
    """A line that ends in the middle of a name ("Hội Liên hiệp") before one that goes on with it."""
    last = previous.rsplit(" ", 1)[-1]
    return (last[:1].isupper() and not _all_caps(last) and bool(_UPPER_START.match(nxt))) or \
        previous.endswith((",", "-")) or last.lower() in _CONNECTORS


def _all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


# compiled once: the function runs for every name, line or task of a build
_BOLD_OPENS = re.compile(r"\*\*(?=\S)")


def _glued_heading(raw: str) -> list[str]:
    """"II. NHIỆM VỤ CHỦ YẾU**1. Công tác**": an all-capitals heading glued to the next line."""
    match = _BOLD_OPENS.search(raw)
    if match and match.start() > 0:
        before = raw[: match.start()]
        letters = re.sub(r"[^\w]|\d", "", before)
        if letters and letters == letters.upper() and len(letters) > 3:
            return [before, raw[match.start():]]
    return [raw]


class _Paragraph:
    def __init__(self, number: int, raw: str, gap: bool, level: int = 0):
        self.lines: list[tuple[int, str]] = [(number, raw)]
        self.gap = gap
        self.level = level
        self.bold, self.italic = open_spans(raw)

    def add(self, number: int, raw: str) -> None:
        self.lines.append((number, raw))
        self.bold, self.italic = open_spans(raw, self.bold, self.italic)

    @property
    def open(self) -> bool:
        return self.bold or self.italic

    def block(self) -> Block | None:
        joined = " ".join(raw.strip() for _, raw in self.lines)
        text, bolds, italics = strip_marks(joined)
        text = text.replace("\u2013", "-").replace("\u2014", "-")
        if not text:
            return None
        marker, body = split_marker(text)
        start = len(text) - len(body) if body else len(text)
        bold = _every_letter(text, bolds, start)
        italic = _every_letter(text, italics, start)
        lead = 0
        while lead < len(text) and (bolds[lead] or not text[lead].strip()):
            lead += 1
        lead_bold = text[:lead].strip() if lead < len(text) or bold else text.strip()
        return Block(
            "para", self.lines[0][0], self.lines[-1][0], text=text, marker=marker, body=body,
            bold=bold, italic=italic, lead_bold=lead_bold if lead_bold != text else lead_bold,
            heading_level=self.level, gap_before=self.gap,
        )


def _every_letter(text: str, marked: list[bool], start: int) -> bool:
    """Whether there is a letter or digit from ``start`` on and every one is ``marked``."""
    if True not in marked[start:]:
        return False  # most blocks: nothing marked, no need to look at the letters
    if False not in marked[start:]:  # a paragraph bold throughout: only whether it has a letter
        return any(map(str.isalnum, text[start:]))
    found = False
    for index in range(start, len(text)):
        if text[index].isalnum():
            if not marked[index]:
                return False
            found = True
    return found


def read_blocks(lines: list[str]) -> list[Block]:
    """Turn the lines of a document (NFC, index 0 is line 1) into blocks.

    Tables are recognised in four printings: one cell per line between ``|`` lines, Markdown
    pipe rows, one row per line with tab-separated cells, and one cell per line starting
    with a tab. Every other run of lines becomes paragraphs, joined where the text was
    hard-wrapped.
    """
    n = len(lines)
    tables: dict[int, tuple[Block, int]] = {}
    in_table = [False] * n
    i = 0
    while i < n:
        stripped = lines[i].strip()
        found = None
        if stripped == "|":
            found = read_bar_table(lines, i)
        elif stripped.startswith("|") and stripped.count("|") >= 2:
            found = read_pipe_table(lines, i)
        elif "\t" in lines[i] and starts_tab_table(lines, i):
            found = read_tab_table(lines, i)
        if found is not None:
            rows, end, layout = found
            if rows:
                first = min(c.line for r in rows for c in r.cells) if any(r.cells for r in rows) else i + 1
                last = max(c.end_line for r in rows for c in r.cells) if any(r.cells for r in rows) else end
                tables[i] = (Block("table", first, last, rows=rows, layout=layout), end)
            for k in range(i, end):
                in_table[k] = True
            i = max(end, i + 1)
            continue
        i += 1
    shape = _shape(lines, in_table)

    blocks: list[Block] = []
    current: _Paragraph | None = None
    gap = True

    def close() -> None:
        nonlocal current
        if current is not None:
            block = current.block()
            if block is not None:
                blocks.append(block)
        current = None

    i = 0
    while i < n:
        if i in tables:
            close()
            block, end = tables[i]
            block.gap_before = gap
            blocks.append(block)
            gap = False
            i = end
            continue
        if in_table[i]:
            i += 1
            continue
        raw = lines[i]
        if not raw.strip():
            close()
            gap = True
            i += 1
            continue
        if _RULE_RE.match(raw) and "|" not in raw:
            close()
            gap = True
            i += 1
            continue
        heading = _HEADING_RE.match(raw)
        if heading and heading.group(2).strip():
            close()
            current = _Paragraph(i + 1, heading.group(2), gap, level=len(heading.group(1)))
            gap = False
            close()
            i += 1
            continue
        if heading:  # a lone "#"
            i += 1
            continue
        for piece in _glued_heading(raw):
            if current is None:
                current = _Paragraph(i + 1, piece, gap)
            elif current.open and len(current.lines) < 8:
                current.add(i + 1, piece)
            elif _marker_only(current) or _joins(current.lines[-1][1], len(current.lines) == 1, piece, shape):
                current.add(i + 1, piece)
            else:
                close()
                current = _Paragraph(i + 1, piece, False)
            gap = False
        i += 1
    close()
    blocks = _merge_page_breaks(blocks, wrapped=shape.wrap is not None)
    if shape.wrap is not None:
        for block in blocks:
            block.wrapped = True
    return blocks


def _merge_page_breaks(blocks: list[Block], wrapped: bool = False) -> list[Block]:
    """A paragraph that starts in lower case after a blank line continues the paragraph
    before it: the original had a page break there."""
    from .heads import is_name_start

    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        bullet_cut = (not wrapped and previous is not None and block.marker == "-" and previous.marker in ("-", "+")
                      and previous.kind == "para" and not previous.text.endswith(_TERMINAL_ALL)
                      and not is_name_start(block.body))
        if bullet_cut:
            # "... vùng Nam Sông Mã" / page break / "- Bắc Sông Chu ...": a hyphen, not a new item
            previous.text = f"{previous.text} - {block.body}"
            previous.body = f"{previous.body} - {block.body}"
            previous.end_line = block.end_line
            continue
        heading_cut = (previous is not None and previous.kind == "para" and block.kind == "para" and previous.bold
                       and block.bold and previous.marker and not block.marker and not previous.heading_level
                       and not previous.text.endswith(_TERMINAL_ALL)
                       and (_name_wrap(previous.text, block.text)
                            # a bold numbered heading cut by a blank line: the rest, short, not a heading in capitals
                            or (len(block.text) < 120 and not _all_caps(block.text) and not block.text.endswith(":"))))
        if heading_cut:
            # "**3. Đề nghị ..., Hội Liên hiệp**" / "**Phụ nữ Thành phố ...**": one heading
            previous.text = f"{previous.text} {block.text}"
            previous.body = f"{previous.body} {block.text}"
            previous.end_line = block.end_line
            continue
        if (previous is not None and previous.kind == "para" and block.kind == "para" and not block.marker
                and not block.heading_level and not previous.heading_level
                and _LOWER_START.match(block.text) and not block.bold):
            previous.text = f"{previous.text} {block.text}"
            previous.body = f"{previous.body} {block.text}" if previous.marker else previous.text
            previous.end_line = block.end_line
            continue
        out.append(block)
    return out


def _marker_only(paragraph: _Paragraph) -> bool:
    """A line holding only a marker ("-", "a)", "*1.1.*") belongs with the next line."""
    if len(paragraph.lines) > 2:
        return False
    text = strip_marks_text(" ".join(raw for _, raw in paragraph.lines))
    marker, body = split_marker(text)
    return bool(marker) and not body
