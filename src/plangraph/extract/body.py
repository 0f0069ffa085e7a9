"""Tasks in the body of a plan: "chủ trì, phối hợp" sentences and their bullets.

The shapes met in the plans:

* ``- Sở X chủ trì, phối hợp với Y:`` followed by ``+`` bullets, one task each;
* ``a) Sở X chủ trì, phối hợp với các đơn vị liên quan`` followed by ``-`` bullets;
* inline ``- Sở X chủ trì, phối hợp với Y <action>`` and ``Sở X <action>``;
* an agency line ending with ":" followed by an unbulleted paragraph;
* several agencies acting together ("Sở A, Sở B, UBND huyện C căn cứ chức năng ...").

"Nhiệm vụ chung" paragraphs, goals and the purpose and organisation sections are not
tasks; the caller passes only the task sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import AgencyMention, Deadline, Section, Task, unique_by
from .agencies import AgencyResolver
from .deadlines import find_deadline_in_text
from .paragraphs import Paragraph

__all__ = ["BodyParser"]

_ROLE_LEAD_RE = re.compile(r"^,?\s*chủ trì\b\s*,?\s*", re.IGNORECASE)
_ROLE_COORD_RE = re.compile(
    r"^,?\s*(?:chủ động\s+)?phối hợp(?:\s+chặt chẽ)?(?:\s+(?:với|cùng))?\s+", re.IGNORECASE
)
_MANDATE_RE = re.compile(
    r"^,?\s*(?:căn cứ|theo)\s+chức năng,?\s+nhiệm vụ(?:,?\s+quyền hạn)?(?:\s+được\s+(?:giao|phân công))?"
    r"(?:\s+tại\s+[^,:]+)?\s*,?\s*",
    re.IGNORECASE,
)
_GENERAL_RE = re.compile(r"^nhiệm vụ chung\b", re.IGNORECASE)
_SPECIFIC_RE = re.compile(r"^nhiệm vụ cụ thể\s*:?\s*", re.IGNORECASE)
_NUMBERED_RE = re.compile(r"^(?P<number>\d+(?:\.\d+)*)\.?$")
_INNER_COORD_RE = re.compile(r"\bphối hợp(?:\s+chặt chẽ)?\s+(?:với|cùng)\s+", re.IGNORECASE)
_ACTION_ONGOING_RE = re.compile(r"^(?:chủ động\s+)?thường xuyên\b", re.IGNORECASE)


@dataclass
class _Intro:
    """An agency line whose tasks follow as bullets or paragraphs."""

    lead: list[AgencyMention]
    coordinating: list[AgencyMention]
    marker: str
    line: int
    text: str
    section: str | None
    tasks: list[Task] = field(default_factory=list)


@dataclass
class _AgencyClause:
    lead: list[AgencyMention]
    coordinating: list[AgencyMention]
    action: str  # "" when the clause only introduces what follows


def _depth(marker: str) -> int:
    """How deep a list marker is: numbers and letters 1, "-" 2, "+" 3, none 0."""
    if marker in ("-", "•"):
        return 2
    if marker == "+":
        return 3
    if marker:
        return 1
    return 0


class BodyParser:
    """Turn the paragraphs of the task sections into :class:`Task` objects."""

    def __init__(self, resolver: AgencyResolver, source_file: str):
        self.resolver = resolver
        self.source_file = source_file
        self.tasks: list[Task] = []
        self.sections: list[Section] = []
        self.warnings: list[str] = []

    # -- agency clauses -----------------------------------------------------------------

    def agency_clause(self, text: str) -> _AgencyClause | None:
        """Parse "<agencies> [chủ trì,] [phối hợp với <agencies>] <action>".

        Returns None when ``text`` does not start with a known agency.
        """
        head = self.resolver.longest_list_prefix(text)
        if head is None:
            return None
        lead, rest = head
        coordinating: list[AgencyMention] = []
        for _ in range(4):  # the role phrases come in any order, each at most once
            before = rest
            rest = _MANDATE_RE.sub("", rest, count=1)
            rest = _ROLE_LEAD_RE.sub("", rest, count=1)
            match = _ROLE_COORD_RE.match(rest)
            if match:
                found = self.resolver.longest_list_prefix(rest[match.end():])
                if found:
                    coordinating.extend(found[0])
                    rest = found[1]
                else:
                    rest = rest[match.end():]
            if rest == before:
                break
        rest = rest.strip()
        if rest.startswith(":"):
            rest = rest[1:].strip()
            if not rest:
                return _AgencyClause(lead, coordinating, "")
        elif not rest or rest == ".":
            return _AgencyClause(lead, coordinating, "")
        # The verb after the names must start the action in lower case ("tham mưu"),
        # otherwise the names were the start of an ordinary sentence.
        if rest[0].isupper() and not rest.startswith(("UBND", "Ủy", "Uỷ")):
            return None
        return _AgencyClause(lead, coordinating, rest)

    def _inner_coordinators(self, action: str) -> list[AgencyMention]:
        """Agencies the task itself says to work with: "phối hợp (chặt chẽ) với X".

        "Tham mưu cho UBND tỉnh phối hợp với Bộ ..." is the province working with a
        ministry, not a coordinator of the task, and is skipped.
        """
        found: list[AgencyMention] = []
        for match in _INNER_COORD_RE.finditer(action):
            if re.search(r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) tỉnh\s*$", action[: match.start()]):
                continue
            head = self.resolver.longest_list_prefix(action[match.end():])
            if head:
                found.extend(head[0])
        return found

    # -- the walk -----------------------------------------------------------------------

    def parse(self, paras: list[Paragraph], top_number: str) -> None:
        """Parse the paragraphs of one task section (roman numbered ``top_number``)."""
        section: str | None = top_number
        intro: _Intro | None = None
        skipping_general = False

        def close_intro() -> None:
            nonlocal intro
            if intro is not None and not intro.tasks:
                # An introduction with nothing under it is itself the task.
                self._add(intro.line, intro.line, intro.text, intro.section, intro.lead, intro.coordinating, intro.text)
            intro = None

        for para in paras:
            marker, body = para.marker, para.body
            numbered = _NUMBERED_RE.match(marker.rstrip(".")) if marker and marker[0].isdigit() else None
            if numbered:
                clause = self.agency_clause(body)
                close_intro()
                skipping_general = False
                number = numbered.group("number")
                section = f"{top_number}.{number}"
                parent = f"{top_number}.{number.rsplit('.', 1)[0]}" if "." in number else top_number
                self.sections.append(Section(section, number, body, para.line, parent))
                if clause is not None:
                    intro = self._clause(para, clause, marker, section)
                continue
            letter = bool(re.fullmatch(r"[a-zđ]\)", marker, re.IGNORECASE))
            if letter and _GENERAL_RE.match(body):
                close_intro()
                skipping_general = True
                continue
            if letter and _SPECIFIC_RE.match(body):
                close_intro()
                skipping_general = False
                body = _SPECIFIC_RE.sub("", body)
                if not body:
                    continue
                clause = self.agency_clause(body)
                if clause is not None:
                    intro = self._clause(para, clause, "", section, text=body)
                continue
            if skipping_general or body.startswith("("):
                continue
            if intro is not None and (_depth(marker) > _depth(intro.marker) or not marker):
                clause = self.agency_clause(body) if not marker else None
                if clause is None:
                    self._task_under(intro, para, body)
                    continue
            clause = self.agency_clause(body)
            if clause is not None:
                close_intro()
                intro = self._clause(para, clause, marker, section)
                continue
            self.warnings.append(
                f"{self.source_file}:{para.line}: text in a task section names no agency: "
                f"{body[:60]!r}"
            )
        close_intro()

    def _clause(self, para: Paragraph, clause: _AgencyClause, marker: str, section: str | None,
                text: str | None = None) -> _Intro | None:
        """Record an inline task, or return the introduction that bullets will follow."""
        text = text or para.body
        if clause.action:
            self._add(para.line, para.end_line, text, section, clause.lead, clause.coordinating,
                      clause.action, lead_surface_action=True)
            return None
        return _Intro(clause.lead, clause.coordinating, marker, para.line, text, section)

    def _task_under(self, intro: _Intro, para: Paragraph, body: str) -> None:
        coordinating = list(intro.coordinating)
        for extra in self._inner_coordinators(body):
            if extra.entity_id not in {c.entity_id for c in coordinating}:
                coordinating.append(extra)
        task = self._add(para.line, para.end_line, body, intro.section, intro.lead, coordinating, body)
        intro.tasks.append(task)

    def _add(self, line: int, end_line: int, text: str, section: str | None,
             lead: list[AgencyMention], coordinating: list[AgencyMention], action: str,
             lead_surface_action: bool = False) -> Task:
        lead_ids = {m.entity_id for m in lead}
        if lead_surface_action:
            for extra in self._inner_coordinators(action):
                if extra.entity_id not in {c.entity_id for c in coordinating}:
                    coordinating = [*coordinating, extra]
        coordinating = [m for m in coordinating if m.entity_id not in lead_ids] + [
            m for m in coordinating if m.entity_id in lead_ids
        ]
        deadline = find_deadline_in_text(text)
        if deadline.kind == "none" and _ACTION_ONGOING_RE.match(action):
            deadline = Deadline(_ACTION_ONGOING_RE.match(action).group(0), "ongoing")
        task = Task(
            line=line,
            end_line=end_line,
            text=text.strip(),
            section=section,
            lead=unique_by(lead, _entity),
            coordinating=unique_by(coordinating, _entity),
            deadline=deadline,
        )
        self.tasks.append(task)
        return task


def _entity(mention: AgencyMention) -> str:
    return mention.entity_id


def is_agency_start(resolver: AgencyResolver, text: str) -> bool:
    """True when ``text`` (after its marker) starts with a known agency name."""
    return resolver.longest_list_prefix(text) is not None
