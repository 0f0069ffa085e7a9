"""Tables as printed by the converters met -> rows of cells, each cell with its lines.

Four printings:

* **bars**: one cell per line (or several lines), a line holding only ``|`` between cells
  and two such lines between rows; merged cells simply disappear, so a row may have fewer
  cells than the header;
* **pipes**: Markdown rows ``| a | b |``, sometimes broken over several lines;
* **tab rows**: one row per line, cells separated by tabs, a row cut by a page break
  continued on a line whose first cell is empty (cells may be cut mid-word);
* **tab cells**: one cell per line starting with a tab, rows starting at a number cell,
  a cell wrapping onto a line without a leading tab.

Nothing here knows what the columns mean: that is the table grammar's work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .inline import all_bold, clean, strip_marks, strip_marks_text

__all__ = ["Cell", "Row", "read_bar_table", "read_pipe_table", "read_tab_table", "starts_tab_table"]

_NUMBER_RE = re.compile(r"^(?:[IVXL]+|\d+)(?:\.(?:[IVXL]+|\d+))*\.?$")
_HEADER_RE = re.compile(r"^(?:số\s*tt|stt|tt)\b", re.IGNORECASE)
# A cell that opens a new document part: the table before it has ended.
_CAPTION_RE = re.compile(
    r"^\W*(?:PHỤ LỤC|Phụ lục\s+[IVX\d]|KẾ HOẠCH\b|QUYẾT ĐỊNH\b|NGHỊ QUYẾT\b|CHƯƠNG TRÌNH\b|ĐỀ ÁN\b|CHỈ THỊ\b)"
)


@dataclass
class Cell:
    """One cell: its text without marks and the lines it was printed on."""

    text: str
    line: int
    end_line: int
    bold: bool = False

    def __repr__(self) -> str:
        return f"<Cell {self.line} {self.text[:30]!r}>"


@dataclass
class Row:
    """One row of cells."""

    cells: list[Cell] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.cells[0].line if self.cells else 0

    @property
    def end_line(self) -> int:
        return self.cells[-1].end_line if self.cells else 0

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


def _cell(lines: list[tuple[int, str]]) -> Cell:
    joined = " ".join(raw.strip() for _, raw in lines)
    text, bolds, _ = strip_marks(joined)
    return Cell(clean(joined), lines[0][0], lines[-1][0], bold=all_bold(bolds, text))


def read_bar_table(lines: list[str], start: int) -> tuple[list[Row], int, str]:
    """Read the one-cell-per-line table whose first ``|`` line is ``start`` (0-based).

    Returns the rows, the index after the table and the layout name.
    """
    rows: list[Row] = []
    row = Row()
    cell: list[tuple[int, str]] = []
    n = len(lines)
    i = start + 1
    end = start + 1
    last_was_bar = True
    while i < n:
        stripped = lines[i].strip()
        if stripped == "|":
            if cell:
                row.cells.append(_cell(cell))
                cell = []
                last_was_bar = True
            elif last_was_bar:
                if row.cells:
                    rows.append(row)
                    row = Row()
            i += 1
            end = i
            continue
        if not stripped:
            # blank lines between two bars are a page break inside the table
            k = i
            while k < n and not lines[k].strip():
                k += 1
            if k < n and lines[k].strip() == "|" and not cell:
                i = k
                continue
            break
        if not any(strip_marks_text(raw) for _, raw in cell) and _CAPTION_RE.match(strip_marks_text(stripped)):
            if cell and row.cells:
                cell = []
            break
        if stripped.startswith("|") and stripped.count("|") >= 2:
            break  # a pipe table starts
        cell.append((i + 1, lines[i]))
        last_was_bar = False
        i += 1
    if row.cells:
        rows.append(row)
    # content after the last bar and before the blank line is not a cell
    return rows, end, "bars"


def _pipe_cells(text: str) -> list[str]:
    inner = text.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [part.strip() for part in inner.split("|")]


def read_pipe_table(lines: list[str], start: int) -> tuple[list[Row], int, str]:
    """Read Markdown pipe rows from ``start``.

    Converters break long rows over several lines: a line that does not end with ``|``
    goes on in the next line, and a row is complete when it has as many cells as the
    header (less the number cell, often empty), or is a group row ("| I. Văn bản ... |").
    Lines of only bars and dashes separate rows.
    """
    rows: list[Row] = []
    n = len(lines)
    i = start
    width = 0
    open_row: Row | None = None
    while i < n:
        stripped = lines[i].strip()
        if not stripped:
            break
        if re.fullmatch(r"[|\s:\-]+", stripped):
            if open_row is not None and open_row.cells:
                rows.append(open_row)
                open_row = None
            i += 1
            continue
        if not stripped.startswith("|") and open_row is None and not rows:
            break
        texts = _pipe_cells(stripped)
        cells = [Cell(clean(t), i + 1, i + 1, bold=t.strip().startswith("**")) for t in texts if clean(t)]
        if not rows and open_row is None:
            width = len(cells)
            rows.append(Row(cells))
            i += 1
            continue
        if open_row is None:
            open_row = Row([])
        if not stripped.startswith("|") and open_row.cells:
            # a line without a leading bar continues the last cell
            last = open_row.cells[-1]
            last.text = clean(f"{last.text} {cells[0].text}") if cells else last.text
            last.end_line = i + 1
            cells = cells[1:]
        open_row.cells.extend(cells)
        ends_row = stripped.endswith("|")
        group = len(open_row.cells) == 1 and re.match(r"^(?:[IVXL]+|[A-ZĐ])[.)]\s", open_row.cells[0].text)
        if ends_row and (len(open_row.cells) >= width - 1 or group):
            rows.append(open_row)
            open_row = None
        i += 1
    if open_row is not None and open_row.cells:
        rows.append(open_row)
    return rows, i, "pipes"


def starts_tab_table(lines: list[str], index: int) -> bool:
    """True when line ``index`` is the header of a tab table ("Số TT<tab>Nội dung ...")."""
    raw = lines[index]
    cells = [clean(c) for c in raw.split("\t")]
    first = next((c for c in cells if c), "")
    if not _HEADER_RE.match(first):
        return False
    if len([c for c in cells if c]) >= 3:
        return True
    # one cell per line: the header's other cells follow on lines starting with a tab
    following = [lines[k] for k in range(index + 1, min(len(lines), index + 12)) if lines[k].strip()]
    return sum(1 for line in following[:6] if line.startswith("\t")) >= 3


def read_tab_table(lines: list[str], start: int) -> tuple[list[Row], int, str]:
    """Read a tab table whose header is line ``start``, to the end of the table."""
    header = lines[start]
    if len([c for c in header.split("\t") if c.strip()]) >= 3:
        return _tab_rows(lines, start)
    return _tab_cells(lines, start)


# compiled once: the function runs for every name, line or task of a build
_WORD = re.compile(r"\w+")


def _vocabulary(lines: list[str]) -> set[str]:
    from ..text import fold

    words: set[str] = set()
    for line in lines:
        words.update(_WORD.findall(fold(clean(line))))
    return words


def _smart_join(left: str, right: str, vocabulary: set[str]) -> str:
    """Join a cell cut by a page break; no space when the cut split a word."""
    from ..text import fold

    left, right = left.rstrip(), right.lstrip()
    if not left:
        return right
    if not right:
        return left
    a = re.search(r"(\w+)$", left)
    b = re.match(r"(\w+)", right)
    if a and b:
        whole = fold(a.group(1) + b.group(1))
        if whole in vocabulary and (fold(a.group(1)) not in vocabulary or fold(b.group(1)) not in vocabulary):
            return left + right
    return f"{left} {right}"


def _is_tab_line(raw: str) -> bool:
    return "\t" in raw.strip("\t") or raw.count("\t") >= 2


# compiled once: the function runs for every name, line or task of a build
_BOLD_TAG = re.compile(r"<[bi]>", re.IGNORECASE)


def _tab_rows(lines: list[str], start: int) -> tuple[list[Row], int, str]:
    """One row per line, tab-separated; rows cut by a page break continue on a line whose
    first cell is empty; the header row repeats after page breaks."""
    vocabulary = _vocabulary(lines[start:])
    header = Row([Cell(clean(c), start + 1, start + 1, bold="<b>" in c.lower()) for c in lines[start].split("\t")])
    rows: list[Row] = [header]
    i = start + 1
    n = len(lines)
    while i < n:
        raw = lines[i]
        if not raw.strip():
            i += 1
            continue
        if not _is_tab_line(raw) and not raw.startswith("\t"):
            break
        cells = raw.split("\t")
        first = clean(cells[0])
        if _HEADER_RE.match(first):
            i += 1
            continue
        if first:
            bold = bool(_BOLD_TAG.search(cells[0] + (cells[1] if len(cells) > 1 else "")))
            rows.append(Row([Cell(clean(c), i + 1, i + 1, bold=bold) for c in cells]))
        elif len(rows) > 1:
            row = rows[-1]
            for position, part in enumerate(cells[1:], start=1):
                text = clean(part)
                if position < len(row.cells):
                    row.cells[position].text = _smart_join(row.cells[position].text, text, vocabulary)
                    row.cells[position].end_line = i + 1
                else:
                    row.cells.append(Cell(text, i + 1, i + 1))
        i += 1
    return rows, i, "tab-rows"


def _tab_cells(lines: list[str], start: int) -> tuple[list[Row], int, str]:
    """One cell per line starting with a tab; a number cell starts a row (once the row
    before has two cells); a line without a tab continues the last cell."""
    vocabulary = _vocabulary(lines[start:])
    header = Row()
    rows: list[Row] = []
    current: Row | None = None
    i = start
    n = len(lines)
    while i < n:
        raw = lines[i]
        if not raw.strip():
            i += 1
            continue
        if raw.startswith("\t"):
            text = clean(raw[1:])
            if _NUMBER_RE.match(text) and (current is None or len(current.cells) >= 2):
                current = Row([Cell(text, i + 1, i + 1)])
                rows.append(current)
            elif current is None:
                header.cells.append(Cell(text, i + 1, i + 1))
            else:
                current.cells.append(Cell(text, i + 1, i + 1))
        else:
            target = current if current is not None else header
            if target.cells:
                last = target.cells[-1]
                last.text = _smart_join(last.text, clean(raw), vocabulary)
                last.end_line = i + 1
        i += 1
    return [header, *rows], i, "tab-cells"
