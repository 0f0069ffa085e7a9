"""The table grammar: task tables, with columns found by their header text, never by position.

Headers met: "STT" / "TT" / "Số TT"; "Nhiệm vụ" / "Nội dung" / "Tên nhiệm vụ" / "Tên đề án";
"Cơ quan chủ trì" / "Đơn vị thực hiện" / "Cơ quan trình" / "Cơ quan soạn thảo"; "Cơ quan
phối hợp"; "Thời gian hoàn thành" / "Thời hạn" / "Tiến độ" / "Thời gian trình"; "Sản phẩm"
/ "Kết quả dự kiến"; "Cấp trình"; "Kinh phí" / "Nguồn kinh phí". A table without a task
column and a lead column (statistics, scoring, targets with a "Chủ trì" column) is not a
task table and gives no tasks.

Rows: a header repeated inside the table is skipped; group rows (a roman number or a
letter, or a bold title with no agency) open a section, and one that names agencies in
its agency cells is also a task; a row with fewer cells than the header lost its merged
cells, so its cells are placed in the columns they fit best and the merged ones are taken
from the row above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...extract.deadlines import parse_deadline
from ...model import AgencyMention, Deadline, Section, Task, unique_by
from ...text import ROMAN_RE, UPPER, fold
from ..agencies import AgencyReader
from ..tables import Cell, Row

__all__ = ["column_roles", "read_task_table", "TableTasks"]

_ROLES: list[tuple[str, str]] = [
    (r"^(?:so )?s?tt$|^so thu tu$|^thu tu$", "number"),
    (r"thuoc nhom|nhom nhiem vu|linh vuc$", "group"),
    (r"^(?:co quan|don vi)? ?phoi hop|phoi hop thuc hien|co quan tham gia|don vi tham gia", "coord"),
    (r"chu tri|don vi thuc hien|co quan thuc hien|co quan trinh|co quan soan thao|chiu trach nhiem|"
     r"co quan du thao|don vi du thao|phan cong", "lead"),
    (r"cap trinh|cap phe duyet|co quan phe duyet|tham quyen ban hanh", "submit_to"),
    (r"thoi gian|thoi han|tien do|moc thoi gian|nam hoan thanh|lo trinh", "deadline"),
    (r"san pham|ket qua|hinh thuc van ban|chi tieu dat duoc|ho so$", "output"),
    (r"kinh phi|nguon luc|nguon von|du toan", "budget"),
    (r"tinh trang|ghi chu", "note"),
    (r"nhiem vu|noi dung|ten de an|ten du an|ten van ban|ten nhiem vu|hoat dong|chuong trinh|cong viec|giai phap|"
     r"danh muc|de an|van ban|ten du an", "content"),
    (r"chi tieu|dvt|don vi tinh|nam 20|uth|uoc|ke hoach 20|tieu chi|diem", "data"),
]
_COMPILED = [(re.compile(pattern), role) for pattern, role in _ROLES]
_NUMBER_RE = re.compile(r"^(?:[IVXL]+|\d+|[A-ZĐ])(?:[.,](?:[IVXL]+|\d+|[a-zđ]))*\.?$")
_GROUP_NUMBER_RE = re.compile(r"^(?:[IVXL]+|[A-ZĐ])\.?$")
# "III.4": a sub-group under roman group III, when the row names nobody and no deadline
_SUBGROUP_NUMBER_RE = re.compile(r"^(?:[IVXL]+|[A-ZĐ])\.\d+\.?$")


def _role(text: str) -> str | None:
    key = re.sub(r"[^a-z0-9 ]", " ", fold(text))
    key = re.sub(r"\s+", " ", key).strip()
    if not key:
        return None
    for pattern, role in _COMPILED:
        if pattern.search(key):
            return role
    return None


def column_roles(header: Row) -> dict[int, str]:
    """Column index -> role ("number", "content", "lead", "coord", "deadline" ...).

    Example:
        >>> row = Row([Cell(t, 1, 1) for t in ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]])
        >>> column_roles(row)
        {0: 'number', 1: 'content', 2: 'lead', 3: 'coord', 4: 'deadline'}
    """
    roles: dict[int, str] = {}
    for index, cell in enumerate(header.cells):
        role = _role(cell.text)
        if role and role not in roles.values() or role in ("note", "data"):
            roles[index] = role
        elif role == "lead":
            roles[index] = "lead2"  # "Cơ quan trình" and "Cơ quan soạn thảo": both answer for the task
    return roles


def _find_header(rows: list[Row]) -> int | None:
    for index, row in enumerate(rows[:4]):
        roles = column_roles(row)
        values = set(roles.values())
        if "lead" in values and "content" in values:
            return index
    return None


@dataclass
class TableTasks:
    """What one task table gave."""

    tasks: list[Task]
    sections: list[Section]
    warnings: list[str]


# compiled once, not formatted and looked up at every call
_ITEM_SEP = re.compile(rf"\s*;\s*|\s+[-+•]\s+(?=[{UPPER}])")
_LEAD_BULLET = re.compile(r"^[-+•]\s*")


class _Aligner:
    """Place the cells of a short row in the columns they fit best (order kept)."""

    def __init__(self, reader: AgencyReader, roles: dict[int, str], width: int):
        self.reader = reader
        self.roles = roles
        self.width = width

    def fit(self, cell: Cell, column: int) -> float:
        role = self.roles.get(column)
        text = cell.text
        numeric = bool(_NUMBER_RE.match(text)) and not re.fullmatch(r"(?:19|20)\d\d", text)
        if role == "number":
            return 3.0 if numeric else -3.0
        if numeric:
            return -2.0
        agency = self._agency_share(text)
        if role in ("lead", "coord"):
            return 2.5 * agency - (1.0 if len(text) > 200 else 0.0)
        if role == "deadline":
            timed = bool(re.search(r"\b(?:19|20)\d\d\b|thường xuyên|hằng năm|hàng năm|quý|tháng|liên tục", text,
                                   re.IGNORECASE))
            return (2.0 if timed else -0.5) - (1.0 if len(text) > 160 else 0.0) - agency
        if role == "content":
            return (1.0 if len(text) > 40 else 0.2) - 1.5 * agency
        return 0.3 - agency

    def _agency_share(self, text: str) -> float:
        """How much of ``text`` is agency names, each item read from its start (a cell of
        prose that mentions agencies scores low)."""
        covered = 0
        for item in _ITEM_SEP.split(_LEAD_BULLET.sub("", text)):
            item = item.strip(" .,")
            if not item:
                continue
            found = self.reader.leading(item, whole=True)
            if found is not None:
                covered += len(item) - len(found[1])
        return min(1.0, covered / max(1, len(text.strip())) * 1.1)

    def align(self, cells: list[Cell]) -> dict[int, Cell]:
        k, n = len(cells), self.width
        if k >= n:
            return dict(enumerate(cells[:n]))
        # best[i][j]: best score placing cells[:i] into columns[:j]
        neg = float("-inf")
        best = [[neg] * (n + 1) for _ in range(k + 1)]
        back: dict[tuple[int, int], bool] = {}
        for j in range(n + 1):
            best[0][j] = 0.0
        for i in range(1, k + 1):
            for j in range(i, n + 1):
                skip = best[i][j - 1]
                take = best[i - 1][j - 1] + self.fit(cells[i - 1], j - 1)
                if take >= skip:
                    best[i][j], back[(i, j)] = take, True
                else:
                    best[i][j], back[(i, j)] = skip, False
        placed: dict[int, Cell] = {}
        i, j = k, n
        while i > 0 and j > 0:
            if back.get((i, j)):
                placed[j - 1] = cells[i - 1]
                i, j = i - 1, j - 1
            else:
                j -= 1
        return placed


def read_task_table(rows: list[Row], reader: AgencyReader, prefix: str, source_file: str,
                    parent: str | None = None) -> TableTasks | None:
    """Read a task table; None when ``rows`` is not one (no task and lead columns)."""
    header_index = _find_header(rows)
    if header_index is None:
        return None
    header = rows[header_index]
    roles = column_roles(header)
    by_role = {role: column for column, role in roles.items() if role not in ("data", "note")}
    width = len(header.cells)
    aligner = _Aligner(reader, roles, width)
    header_keys = {fold(c.text) for c in header.cells if c.text}
    tasks: list[Task] = []
    sections: list[Section] = []
    warnings: list[str] = []
    stack: list[tuple[str, str, list[AgencyMention]]] = []  # open groups: (number kind, section key, lead)
    previous: dict[str, object] | None = None
    for row in _split_long_rows(rows[header_index + 1:], width):
        cells = [c for c in row.cells]
        if not cells:
            continue
        texts = [fold(c.text) for c in cells]
        short = all(len(c.text) < 60 for c in cells)
        if sum(1 for t in texts if t in header_keys) >= 2 or short and len(
                set(column_roles(row).values()) & {"lead", "content", "coord"}) >= 2:
            continue  # the header repeated inside the table
        placed = aligner.align(cells) if len(cells) < width else dict(enumerate(cells))
        value = {role: placed[column].text for role, column in by_role.items() if column in placed}
        number = value.get("number", "").rstrip(".")
        content = value.get("content", "")
        lead_text = value.get("lead", "")
        coord_text = value.get("coord", "")
        first_bold = cells[0].bold or (len(cells) > 1 and cells[1].bold)
        is_group = bool(_GROUP_NUMBER_RE.match(number)) or (
            not lead_text and not coord_text and not value.get("deadline") and not value.get("output")
            and (first_bold or len(cells) <= 2 or bool(_SUBGROUP_NUMBER_RE.match(number))))
        if len(cells) <= 2 and not number and not first_bold:
            is_group = is_group and not previous
        section = stack[-1][1] if stack else parent
        if is_group:
            kind = _group_kind(number, first_bold)
            title = content or next((c.text for c in cells if not _NUMBER_RE.match(c.text)), "")
            for depth, (open_kind, _, _) in enumerate(stack):
                if open_kind == kind:
                    del stack[depth:]
                    break
            group_parent = stack[-1][1] if stack else parent
            label = number or f"L{row.line}"
            key = f"{group_parent}.{label}" if group_parent else f"{prefix}.{label}"
            head = label.rsplit(".", 1)[0] if "." in label else ""
            if head and group_parent and group_parent.endswith("." + head):
                key = group_parent[: len(group_parent) - len(head)] + label  # "III.3" under III is PL.III.3
            if any(section.key == key for section in sections):  # a group number printed twice
                key = f"{key}-L{row.line}"
            # a group titled by agencies ("UBND các huyện") leads the rows under it
            named = reader.cell(title) if title and _mostly_agencies(reader, title) else []
            stack.append((kind, key, named))
            sections.append(Section(key, number or title[:12], title, row.line, group_parent, appendix=True))
            section = key
            if named:
                previous = None
            if not lead_text:
                continue
        if not content and not lead_text:
            continue
        for extra in ("lead2",):
            if value.get(extra):
                lead_text = f"{lead_text}; {value[extra]}" if lead_text else value[extra]
        lead_text, helpers = _helpers(lead_text)
        lead = reader.cell(lead_text) if lead_text else []
        coordinating = reader.cell(coord_text) if coord_text else []
        coordinating += [m for h in helpers for m in reader.cell(h)]
        continuation = not number and previous is not None and (not lead_text or not content)
        if not lead and continuation:
            lead = list(previous["lead"])  # type: ignore[arg-type]
            if not coord_text:
                coordinating = list(previous["coord"])  # type: ignore[arg-type]
        if not content and previous is not None:
            content = str(previous["content"])
        if not lead:
            lead = next((list(named) for _, _, named in reversed(stack) if named), [])
        if not lead:
            warnings.append(f"{source_file}:{row.line}: table row {number or '?'} names no lead agency")
            continue
        deadline = parse_deadline(value.get("deadline")) if value.get("deadline") else Deadline("", "none")
        content_cell = placed.get(by_role.get("content", -1))
        line = content_cell.line if content_cell is not None and content_cell.text else row.line
        task = Task(
            line=line, end_line=row.end_line, text=content, section=section, lead=unique_by(lead, _id),
            coordinating=unique_by(coordinating, _id), deadline=deadline, appendix=True,
            row_number=number or None, output=value.get("output") or None,
        )
        task.submit_to = value.get("submit_to") or None  # type: ignore[attr-defined]
        task.budget = value.get("budget") or None  # type: ignore[attr-defined]
        tasks.append(task)
        previous = {"lead": lead, "coord": coordinating, "content": content}
    return TableTasks(tasks, sections, warnings)


_FILLER_RE = re.compile(r"^[.…·\-_\s]+$")


def _split_long_rows(rows: list[Row], width: int) -> list[Row]:
    """Rows as printed can run together when a row break was lost ("… | 2 | Thành lập ...").
    A row longer than the header is cut before a cell that is a row number; cells holding
    only dots (an elided part of the table) are dropped."""
    out: list[Row] = []
    for row in rows:
        cells = [c for c in row.cells if not _FILLER_RE.match(c.text)]
        while len(cells) > width:
            cut = next((i for i in range(2, len(cells) - 1) if _NUMBER_RE.match(cells[i].text)
                        and not re.fullmatch(r"(?:19|20)\d\d", cells[i].text)), None)
            if cut is None:
                break
            out.append(Row(cells[:cut]))
            cells = cells[cut:]
        out.append(Row(cells))
    return out


_HELPER_RE = re.compile(r"\(([^()]*?)\s+phối hợp(?: với)?[^()]*\)", re.IGNORECASE)


def _helpers(cell: str) -> tuple[str, list[str]]:
    """"Ban Công tác đại biểu (Viện Nghiên cứu lập pháp phối hợp chuẩn bị dự thảo)": the body in
    brackets that "phối hợp" helps; returns the cell without it and the helpers."""
    helpers = [m.group(1) for m in _HELPER_RE.finditer(cell)]
    return _HELPER_RE.sub("", cell).strip(), helpers


def _group_kind(number: str, bold: bool) -> str:
    """"upper" (A.), "roman" (III), "dotted2" (III.1), "num" (a bold 1) ...: nesting follows
    the order in which the kinds first appear."""
    parts = [p for p in re.split(r"[.,]", number) if p]
    if not parts:
        return "bold"
    if len(parts) > 1:
        return f"dotted{len(parts)}"
    if ROMAN_RE.match(parts[0]):
        return "roman"
    if re.fullmatch(r"[A-ZĐ]", parts[0]):
        return "upper"
    return "num"


def _mostly_agencies(reader: AgencyReader, text: str) -> bool:
    """A group title that is a list of agencies, not a topic ("Đẩy mạnh các ngành kinh tế")."""
    found = reader.cell(text)
    covered = sum(len(m.surface) for m in found)
    starts = bool(found) and fold(text).startswith(fold(found[0].surface)[:8])
    return starts and covered >= 0.7 * len(re.sub(r"[\s;,.\-]", "", text))


def _id(mention: AgencyMention) -> str:
    return mention.entity_id
