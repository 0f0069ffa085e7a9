"""Tasks from the outline of a plan's body: agency blocks, sentences and labelled fields.

The walk keeps, for each item, the agency whose block it is in. The rules, from the plans met:

* **agency blocks** (in "Tổ chức thực hiện", "Phân công nhiệm vụ" and wherever they occur):
  a heading that is only agencies ("1. Sở Tài chính", "c) Đề nghị Trung ương MTTQ", "- Bộ
  Công Thương", "Sở X chủ trì, phối hợp với Y:") makes each item under it a task of those
  agencies. A role sub-heading changes the roles for its items: "a) Chủ trì, phối hợp với
  X" keeps the heading's agency as lead with X coordinating; "b) Phối hợp với X" makes X the
  lead and the heading's agency a coordinator. An item that opens "Phối hợp với X ..." keeps
  the heading's agency as lead with X coordinating; an item with an agency of its own as
  subject ("Giao Thanh tra thành phố ...") is that agency's task.
* **sentences**: an item that opens with agencies and a verb is their task ("Bộ Nội vụ rà
  soát ..."); one that ends with ":" and has items under it introduces them (each item is a
  task, the introduction is not).
* **labelled fields**: an item whose children are "Nhiệm vụ:", "Cơ quan chủ trì:", "Thời
  gian thực hiện:" ... fields is one task.
* a task's own items are details of it, not tasks ("Trong đó: + Sở Xây dựng: ...").
* sections about purpose, goals, funding, rewards or reporting hold no tasks; at the top of
  an organisation section, the standing duties of carrying out the plan itself (follow it
  up, report on it, make one's own plan for it) are not tasks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..extract.deadlines import find_deadline_in_text, parse_deadline
from ..model import AgencyMention, Deadline, Section, Task, unique_by
from ..text import fold
from .agencies import AgencyReader
from .grammars.clauses import Clause, agency_clause, agency_heading, inner_coordinators, role_prefix, weak_lead
from .grammars.labelled import label_of
from .outline import SECTION_KINDS, Node

__all__ = ["TaskReader"]

_SKIP_SECTION = re.compile(
    r"^(?:muc dich|yeu cau|muc tieu|quan diem|can cu|su can thiet|kinh phi|nguon (?:luc|von|kinh phi)|"
    r"khen thuong|che do (?:thong tin,? )?bao cao|thong tin,? bao cao|doi tuong|pham vi|giai thich|tinh hinh|"
    r"danh gia|ket qua|boi canh|du bao|tam nhin|chi tieu|co che tai chinh|thoi gian|dieu khoan thi hanh|"
    r"hieu luc|to chuc theo doi|kiem tra, giam sat|theo doi, kiem tra|kinh phi thuc hien|du toan|"
    r"nhiem vu chung|giai phap thuc hien$)"
)
_ORG_SECTION = re.compile(r"(?:to chuc thuc hien|phan cong|trach nhiem)")
# standing duties of carrying out the plan itself, not tasks of it
_GENERIC_DUTY = re.compile(
    r"(?:theo doi|don doc|kiem tra|giam sat|huong dan)[^.;]{0,200}thuc hien[^.;]{0,60}"
    r"(?:ke hoach|chuong trinh|chi thi|nghi quyet|de an|quyet dinh|cac cong viec duoc giao|cac nhiem vu duoc giao)"
    r"|can cu (?:noi dung )?(?:ke hoach|chuong trinh|chi thi)(?: nay)?[^.;]{0,80}xay dung (?:ke hoach|chuong trinh)"
    r"|(?:xay dung|ban hanh)[^.;]{0,60}ke hoach[^.;]{0,160}(?:trien khai |to chuc )?thuc hien "
    r"(?:ke hoach|chuong trinh|chi thi|nghi quyet|de an)(?: nay| cua| tren)"
    r"|xay dung(?:, hoan chinh)? ke hoach (?:cu the |chi tiet )?(?:cua (?:don vi|co quan|nganh|dia phuong) minh|de (?:to chuc )?(?:trien khai )?thuc hien)"
    r"|(?:kho khan|vuong mac)[^.;]{0,80}(?:bao cao|phan anh|de xuat)"
    r"|chiu trach nhiem (?:thi hanh|(?:to chuc )?(?:trien khai )?thuc hien)"
    r"|bo tri (?:kinh phi|ngan sach|nguon)[^.;]{0,80}thuc hien (?:ke hoach|chuong trinh)"
    r"|dinh ky[^.;]{0,40}bao cao[^.;]{0,80}(?:ket qua|tinh hinh)"
    r"|(?:tong hop|bao cao)[^.;]{0,60}(?:ket qua|tinh hinh) (?:trien khai |to chuc )?thuc hien (?:ke hoach|chuong trinh)"
    r"|(?:co quan|don vi) (?:dau moi|thuong truc)[^.;]{0,60}(?:tong hop|don doc|theo doi)"
)
_GENERAL_LABEL = re.compile(r"^nhiệm vụ chung\b", re.IGNORECASE)
_SPECIFIC_LABEL = re.compile(r"^nhiệm vụ cụ thể\s*:?\s*", re.IGNORECASE)
_ACTION_ONGOING_RE = re.compile(r"^(?:chủ động\s+)?thường xuyên\b", re.IGNORECASE)
_HEADING_END = re.compile(r"[.;]$")


@dataclass
class _Context:
    section: str | None = None
    lead: list[AgencyMention] | None = None
    coordinating: list[AgencyMention] = field(default_factory=list)
    organisation: bool = False  # inside a "Tổ chức thực hiện" section
    top: bool = True  # at the top of a section (no agency block open)
    under_intro: bool = False  # the items of an introduction: tasks whose items are details


class TaskReader:
    """Read the tasks of one plan body (an outline) with one agency reader."""

    def __init__(self, reader: AgencyReader, source_file: str):
        self.reader = reader
        self.source_file = source_file
        self.tasks: list[Task] = []
        self.sections: list[Section] = []
        self.warnings: list[str] = []
        self.general: list[tuple[int, str]] = []  # "Nhiệm vụ chung" paragraphs: they carry targets
        self._section_keys: set[str] = set()

    # -- sections -------------------------------------------------------------------------

    def _section(self, node: Node, ctx: _Context) -> str:
        number = node.block.marker.rstrip(".):/ ").replace(" ", "") if node.block.marker else ""
        if node.kind == "article":
            number = "Đ" + re.sub(r"\D", "", number)
        elif node.kind == "part":
            number = re.sub(r"\s+", "", node.block.marker.rstrip(".:"))
        number = number or f"L{node.line}"
        parent = ctx.section
        key = f"{parent}.{number}" if parent else number
        prefix = number.rsplit(".", 1)[0] if "." in number else ""
        if prefix and parent and (parent == prefix or parent.endswith("." + prefix)):
            key = parent[: len(parent) - len(prefix)] + number  # "1.2" under III.1 is III.1.2
        while key in self._section_keys:  # "III" printed twice in one plan
            key += "'"
        self._section_keys.add(key)
        self.sections.append(Section(key, number, node.text.rstrip(":"), node.line, parent))
        return key

    def _is_heading(self, node: Node) -> bool:
        if node.kind not in SECTION_KINDS and not (node.kind or "").startswith("h"):
            return False
        text = node.text
        if not text:
            return False
        block = node.block
        if node.kind in SECTION_KINDS and node.items():
            return True  # a numbered item over items is a heading, however long or it ends (":")
        return block.bold or block.heading_level > 0 or _caps(text) or (
            len(text) < 160 and not _HEADING_END.search(text) and not text.endswith(":"))

    # -- the walk -------------------------------------------------------------------------

    def read(self, root: Node, section: str | None = None) -> None:
        self._walk(root, _Context(section=section))

    def _walk(self, node: Node, ctx: _Context) -> None:
        for child in node.children:
            self._node(child, ctx)

    def _node(self, node: Node, ctx: _Context) -> None:
        block = node.block
        if block is None or block.kind == "table":
            return
        text = node.text
        if not text:
            self._walk(node, ctx)
            return
        if not block.marker and text.startswith("(") and text.rstrip(".").endswith(")"):
            return  # "(Chi tiết có Danh mục nhiệm vụ kèm theo)": a note, not a task
        if _GENERAL_LABEL.match(text):
            self.general.append((node.line, block.text))
            self.general.extend((c.line, c.block.text) for c in node.walk() if c is not node and c.block)
            return
        specific = _SPECIFIC_LABEL.match(text)
        if specific:
            text = text[specific.end():]
            if not text:
                self._walk(node, replace(ctx, lead=None, coordinating=[], top=True))
                return
        label = label_of(text)
        if label and label[0] != "task" and ctx.lead is None and not node.children:
            return  # a stray field line outside any task
        if self._labelled(node, ctx):
            return
        clause = None
        if node.children and _heading_like(node, text):
            clause = agency_heading(self.reader, text)
        if clause is None:
            clause = agency_clause(self.reader, text)
            if clause is not None and weak_lead(clause.lead) and (
                    not clause.action or fold(clause.action).startswith(("linh vuc", ", linh vuc"))):
                clause = None  # a topic heading ("1. Doanh nghiệp số", "Các ngành, lĩnh vực khác")
        if clause is not None and not clause.action:
            # an agency heading or an introduction with no action of its own
            if node.children:
                key = self._section(node, ctx) if node.kind in SECTION_KINDS else ctx.section
                lead = clause.lead
                self._walk(node, _Context(key, lead, clause.coordinating, ctx.organisation, False, False))
            elif ctx.lead is None and node.kind in ("dash", "plus") and False:
                pass
            return
        if clause is not None:
            if text.rstrip().endswith(":") and node.items() and not ctx.under_intro:
                self._walk(node, _Context(ctx.section, clause.lead, clause.coordinating, ctx.organisation, False, True))
                return
            if ctx.top and ctx.organisation and (
                    _GENERIC_DUTY.search(fold(text[:400])) or self._is_issuer(clause.lead)):
                return  # carrying out the plan itself, or the issuer directing its own leaders
            if self._is_issuer(clause.lead):
                return  # the issuer itself ("Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:") owes no task
            self._task(node, text, clause.lead, clause.coordinating + inner_coordinators(self.reader, clause.action),
                       ctx, action=clause.action)
            return
        if ctx.lead is not None:
            role = role_prefix(self.reader, text)
            if node.items() and (not role.action or text.rstrip().endswith(":")) and (role.coordinating or not role.action):
                if role.only_coordinates:
                    sub = _Context(ctx.section, role.coordinating, ctx.lead, ctx.organisation, False, ctx.under_intro)
                else:
                    sub = _Context(ctx.section, ctx.lead, unique_by(ctx.coordinating + role.coordinating, _id),
                                   ctx.organisation, False, ctx.under_intro)
                if not role.action and not role.coordinating:
                    sub.coordinating = list(ctx.coordinating)
                self._walk(node, sub)
                return
            if label and label[0] != "task":
                return  # a field line after a task ("Thời gian thực hiện: ...") is read with it
            coordinating = ctx.coordinating + role.coordinating + inner_coordinators(self.reader, role.action or text)
            self._task(node, text, ctx.lead, coordinating, ctx, action=role.action or text)
            return
        if self._is_heading(node):
            title = fold(text)
            if _SKIP_SECTION.match(title):
                self._section(node, ctx)
                return
            key = self._section(node, ctx)
            organisation = ctx.organisation or bool(_ORG_SECTION.search(title))
            self._walk(node, _Context(key, None, [], organisation, True, False))
            return
        self._walk(node, replace(ctx, top=ctx.top))

    def _is_issuer(self, lead: list[AgencyMention]) -> bool:
        """True when the lead is the People's Committee that issues the plan (of the plan's own
        province: in a Prime Minister's plan, "UBND thành phố Hà Nội" owes tasks)."""
        own = f"{self.reader.home.id}/uy-ban-nhan-dan-tinh"
        return bool(lead) and all(m.entity_id == own for m in lead)

    # -- labelled fields ------------------------------------------------------------------

    def _labelled(self, node: Node, ctx: _Context) -> bool:
        """Read ``node`` as a task written in labelled fields; False when it is not one."""
        fields: dict[str, list[Node]] = {}
        for child in node.children:
            if child.block is None or child.block.kind == "table":
                continue
            label = label_of(child.text)
            if label:
                fields.setdefault(label[0], []).append(child)
        own = label_of(node.text)
        if not (fields.get("lead") or fields.get("agencies") or (own and own[0] in ("lead", "agencies"))):
            return False
        if not (fields.get("task") or own and own[0] == "task" or fields.get("deadline")):
            return False
        task_nodes = fields.get("task", [])
        if task_nodes:
            first = task_nodes[0]
            value = label_of(first.text)[1]
            text_nodes = [first] if value else [c for c in first.children if c.block is not None]
            text = value or " ".join(c.block.text for c in text_nodes)
            line = first.line if value else (text_nodes[0].line if text_nodes else first.line)
        else:
            text, line = node.text, node.line
        lead: list[AgencyMention] = []
        coordinating: list[AgencyMention] = []
        extra_tasks: list[tuple[Node, Clause]] = []
        for who in fields.get("agencies", []) + fields.get("lead", []) + fields.get("coord", []):
            kind, value = label_of(who.text)
            parts = [(who, value)] if value else []
            parts += [(c, c.text) for c in who.children if c.block is not None]
            for part, part_text in parts:
                sub = label_of(part_text)
                if sub and sub[0] in ("lead", "coord"):
                    target = lead if sub[0] == "lead" else coordinating
                    target.extend(self.reader.cell(sub[1]))
                    continue
                if kind == "coord":
                    coordinating.extend(self.reader.cell(part_text))
                    continue
                clause = agency_clause(self.reader, part_text)
                if clause is not None and part is not who and clause.action:
                    extra_tasks.append((part, clause))  # "+ Sở Xây dựng đăng tải ..."
                elif clause is not None and not lead:
                    lead.extend(clause.lead)
                    coordinating.extend(clause.coordinating)
                elif clause is None and part is who or not lead:
                    (lead if kind != "coord" else coordinating).extend(self.reader.cell(part_text))
        deadline = self._field_deadline(fields)
        output = " ".join(label_of(n.text)[1] for n in fields.get("output", [])) or None
        section = self._section(node, ctx) if node.kind in SECTION_KINDS and node.text else ctx.section
        if extra_tasks and not lead:
            first_part, first_clause = extra_tasks[0]
            self._add(line, node.end_line, text, section, first_clause.lead,
                      first_clause.coordinating + inner_coordinators(self.reader, first_clause.action), deadline, output)
            for part, clause in extra_tasks[1:]:
                self._add(part.line, part.end_line, part.text, section, clause.lead,
                          clause.coordinating + inner_coordinators(self.reader, clause.action), deadline, output)
            return True
        if not lead:
            return False
        self._add(line, node.end_line, text, section, lead, coordinating, deadline, output)
        for part, clause in extra_tasks:
            self._add(part.line, part.end_line, part.text, section, clause.lead,
                      clause.coordinating + inner_coordinators(self.reader, clause.action), deadline, output)
        return True

    def _field_deadline(self, fields: dict[str, list[Node]]) -> Deadline:
        for node in fields.get("deadline", []):
            value = label_of(node.text)[1] or " ".join(c.text for c in node.children if c.block is not None)
            if value:
                return parse_deadline(value)
        return Deadline("", "none")

    # -- tasks ----------------------------------------------------------------------------

    def _task(self, node: Node, text: str, lead: list[AgencyMention], coordinating: list[AgencyMention],
              ctx: _Context, action: str) -> None:
        deadline = find_deadline_in_text(text)
        # "Thời gian thực hiện: ..." printed under the task, or after its own items
        for child in [*node.children, *(n for n in node.walk() if n is not node and n not in node.children)]:
            if child.block is None or child.block.kind == "table" or child.kind is not None and child.parent is not node:
                continue
            label = label_of(child.text)
            if label and label[0] == "deadline" and label[1]:
                deadline = parse_deadline(label[1])
                break
        if deadline.kind == "none" and _ACTION_ONGOING_RE.match(action):
            deadline = Deadline(_ACTION_ONGOING_RE.match(action).group(0), "ongoing")
        full = text
        if text.rstrip().endswith(":"):
            details = [c.block.text for c in node.walk() if c is not node and c.block is not None and c.block.kind == "para"]
            full = " ".join([text, *details])
        self._add(node.line, node.end_line if full != text else node.block.end_line, full, ctx.section,
                  lead, coordinating, deadline)

    def _add(self, line: int, end_line: int, text: str, section: str | None, lead: list[AgencyMention],
             coordinating: list[AgencyMention], deadline: Deadline, output: str | None = None) -> Task:
        lead = unique_by(lead, _id)
        lead_ids = {m.entity_id for m in lead}
        coordinating = unique_by(coordinating, _id)
        # a lead also printed as a coordinator stays in both lists, after the others
        coordinating = [m for m in coordinating if m.entity_id not in lead_ids] + [
            m for m in coordinating if m.entity_id in lead_ids]
        task = Task(line=line, end_line=end_line, text=text.strip(), section=section, lead=lead,
                    coordinating=coordinating, deadline=deadline, output=output)
        self.tasks.append(task)
        return task


# compiled once: the function runs for every name, line or task of a build
_ENDS_SENTENCE = re.compile(r"[.;]$")


def _heading_like(node: Node, text: str) -> bool:
    """Short, with no sentence end: a line that heads the items under it."""
    stripped = text.rstrip()
    return len(stripped) < 260 and not _ENDS_SENTENCE.search(stripped) and (
        stripped.endswith(":") or node.block.bold or node.block.italic or len(stripped) < 160)


def _id(mention: AgencyMention) -> str:
    return mention.entity_id


def _caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and sum(ch.isupper() for ch in letters) > 0.85 * len(letters)
