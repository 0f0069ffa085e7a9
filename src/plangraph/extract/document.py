"""One source document -> :class:`PlanExtract`: which parser reads which part.

A plan file holds, in order: the decision that issues it (number, date, "Căn cứ" legal
bases, articles), the plan heading ("KẾ HOẠCH HÀNH ĐỘNG" / "CHƯƠNG TRÌNH HÀNH ĐỘNG") with
its title and the "(Ban hành kèm theo Quyết định số ...)" line, an introduction that says
what it implements, roman-numbered sections (purpose, goals, tasks, organisation) and an
optional appendix table ("PHỤ LỤC").
"""

from __future__ import annotations

import re
from datetime import date

from ..errors import SourceError
from ..model import DocRef, PlanExtract, Section, Task
from ..sources import SourceDocument
from ..text import fold, nfc
from .agencies import AgencyResolver
from .body import BodyParser, is_agency_start
from .citations import find_citations
from .paragraphs import Paragraph, logical_lines, paragraphs
from .projects import find_projects
from .tables import parse_appendix
from .targets import find_targets

__all__ = ["extract_document"]

_HEADING_RE = re.compile(r"^(KẾ HOẠCH|CHƯƠNG TRÌNH) HÀNH ĐỘNG(?: CỦA (?:UBND|ỦY BAN NHÂN DÂN) TỈNH)?\s*(?P<rest>.*)$")
_ROMAN_HEADING_RE = re.compile(r"^(?P<number>[IVXL]+)\.\s+(?P<title>.+)$")
_ISSUED_WITH_RE = re.compile(
    r"(?:Ban hành\s+)?(?:kèm|Kèm) theo Quyết định số\s*:?\s*(?P<number>\d+)?\s*(?:\.{2,}|…)?\s*/\s*QĐ-UBND"
    r"\s*ngày\s*(?:\.{2,}|…)?\s*(?P<day>\d{1,2})?\s*(?:/|tháng)?\s*(?:\.{2,}|…)?\s*(?P<month>\d{1,2})?"
    r"\s*(?:/|năm)\s*(?P<year>\d{4})",
    re.IGNORECASE,
)
_NUMBER_LINE_RE = re.compile(r"^Số\s*:\s*(?P<number>\d+)\s*/\s*QĐ-UBND", re.IGNORECASE)
_PLACE_DATE_RE = re.compile(
    r"Thanh Hóa, ngày\s+(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})", re.IGNORECASE
)
_TASK_SECTION_WORDS = ("nhiem vu", "noi dung")
_NOT_TASK_WORDS = ("muc dich", "muc tieu", "to chuc thuc hien", "yeu cau")


def _decision(lines: list[tuple[int, str]], heading_index: int, source: str) -> tuple[DocRef | None, int | None, bool]:
    """Find the issuing decision's number and date; report whether the number is blank."""
    number = day = month = year = None
    found_line = None
    header_text = [(n, t) for n, t in lines[: heading_index + 8] if t]
    for n, text in header_text:
        match = _NUMBER_LINE_RE.match(text)
        if match and not number:
            number, found_line = match.group("number"), n
        match = _PLACE_DATE_RE.search(text)
        if match and not year:
            day, month, year = match.group("day"), match.group("month"), match.group("year")
    # "(Ban hành kèm theo Quyết định số 625 /QĐ-UBND ngày 16 tháng 02 năm 2022" may wrap.
    window = " ".join(t for _, t in header_text[-12:])
    for n, text in header_text:
        if "theo Quyết định" in text:
            joined = text + " " + " ".join(t for m, t in header_text if n < m <= n + 2)
            match = _ISSUED_WITH_RE.search(joined) or _ISSUED_WITH_RE.search(window)
            if match:
                found_line = found_line or n
                number = number or match.group("number")
                if match.group("day") and match.group("month"):
                    day, month = match.group("day"), match.group("month")
                year = match.group("year") or year
            break
    if not year:
        raise SourceError("cannot find the year of the decision that issues the plan", path=source)
    when = None
    if day and month:
        try:
            when = date(int(year), int(month), int(day))
        except ValueError:
            when = None
    identifier = f"{number}/QĐ-UBND" if number else "…/QĐ-UBND"
    ref = DocRef(identifier=identifier, kind="Quyết định", year=int(year), date=when, issuer="UBND tỉnh")
    return ref, found_line, number is None


def extract_document(source: SourceDocument, resolver: AgencyResolver) -> PlanExtract:
    """Extract sections, tasks, targets and citations from one plan.

    Raises:
        SourceError: when the text has no plan heading or its appendix table is broken.
    """
    lines = logical_lines(source.lines)
    name = source.name
    heading_index = next((i for i, (_, t) in enumerate(lines) if _HEADING_RE.match(t)), None)
    if heading_index is None:
        raise SourceError(
            "no plan heading ('KẾ HOẠCH HÀNH ĐỘNG' or 'CHƯƠNG TRÌNH HÀNH ĐỘNG'): not a plan?", path=name
        )
    heading_line, heading_text = lines[heading_index]
    heading = _HEADING_RE.match(heading_text)
    kind = "Kế hoạch hành động" if heading.group(1) == "KẾ HOẠCH" else "Chương trình hành động"

    # Title: the lines after the heading up to "(Ban hành kèm theo ...)".
    title_parts = [heading.group("rest")] if heading.group("rest") else []
    index = heading_index + 1
    while index < len(lines) and "theo Quyết định" not in lines[index][1]:
        if lines[index][1]:
            title_parts.append(lines[index][1])
        index += 1
        if len(title_parts) > 6:
            break
    issued_with_index = index
    title = nfc(" ".join(title_parts)).strip()
    title = f"{kind} {title[0].lower()}{title[1:]}" if title and not title.isupper() else f"{kind} {title}".strip()

    decision, decision_line, number_missing = _decision(lines, issued_with_index, name)

    # Roman sections after the heading; the appendix starts at "PHỤ LỤC".
    appendix_index = next(
        (i for i in range(heading_index, len(lines)) if fold(lines[i][1]).startswith("phu luc")), None
    )
    body_end = appendix_index if appendix_index is not None else len(lines)
    romans: list[tuple[int, str, str, int]] = []
    for i in range(issued_with_index, body_end):
        match = _ROMAN_HEADING_RE.match(lines[i][1])
        if match and match.group("title").upper() == match.group("title"):
            romans.append((i, match.group("number"), match.group("title").strip(), lines[i][0]))
    if not romans:
        raise SourceError("no roman-numbered sections (I., II., ...) after the plan heading", path=name,
                          line=heading_line)

    sections: list[Section] = []
    parser = BodyParser(resolver, name)
    warnings: list[str] = list(source.warnings)
    goal_lines: list[tuple[int, str]] = []
    for position, (i, number, sec_title, line) in enumerate(romans):
        end = romans[position + 1][0] if position + 1 < len(romans) else body_end
        sections.append(Section(number, number, sec_title, line))
        folded = fold(sec_title)
        section_lines = lines[i + 1: end]
        if "muc tieu" in folded:
            goal_lines.extend(section_lines)
        if any(w in folded for w in _TASK_SECTION_WORDS) and not any(w in folded for w in _NOT_TASK_WORDS):
            paras = paragraphs(section_lines, _continues(resolver))
            parser.parse(paras, number)
            goal_lines.extend(_general_lines(paras))
    sections.extend(parser.sections)
    warnings.extend(parser.warnings)
    tasks: list[Task] = list(parser.tasks)

    if appendix_index is not None:
        raw_start = lines[appendix_index][0]  # 1-based line of "PHỤ LỤC"
        appendix_sections, appendix_tasks = parse_appendix(source.lines, raw_start, resolver, name, warnings)
        sections.extend(appendix_sections)
        _link_appendix(tasks, appendix_tasks)
        tasks.extend(appendix_tasks)

    for task in tasks:
        task.projects = find_projects(task.text)

    citations = find_citations([(n, t) for n, t in lines if t])
    intro = _intro_paragraph(lines, issued_with_index, romans[0][0])
    implements = _direct_implements(citations, intro)
    scope, scope_area = _scope(title)
    targets = find_targets(goal_lines, scope, scope_area)
    tasks.sort(key=lambda t: (t.line, t.appendix))
    return PlanExtract(
        source_file=name,
        sha256=source.sha256,
        kind=kind,
        title=title,
        decision=decision,
        decision_line=decision_line,
        decision_number_missing=number_missing,
        implements=implements,
        sections=sections,
        tasks=tasks,
        targets=targets,
        citations=citations,
        scope=scope,
        scope_area=scope_area,
        title_en=source.manifest.title_en if source.manifest else "",
        warnings=warnings,
    )


def _continues(resolver: AgencyResolver):
    """A "- " line after an unfinished item continues it unless it names an agency."""

    def continues(previous: Paragraph, text: str) -> bool:
        if previous.marker not in ("-", "+") or not text.startswith("- "):
            return False
        return not is_agency_start(resolver, text[2:])

    return continues


def _general_lines(paras: list[Paragraph]) -> list[tuple[int, str]]:
    """The "Nhiệm vụ chung" paragraphs of a task section: they carry the targets."""
    out: list[tuple[int, str]] = []
    inside = False
    for para in paras:
        body = para.body
        if re.match(r"^nhiệm vụ chung", body, re.IGNORECASE):
            inside = True
        elif re.match(r"^nhiệm vụ cụ thể", body, re.IGNORECASE) or (para.marker and para.marker[0].isdigit()):
            inside = False
        if inside:
            out.append((para.line, para.text))
    return out


def _intro_paragraph(lines: list[tuple[int, str]], start: int, end: int) -> set[int]:
    """Line numbers of the title and introduction, which say what the plan implements."""
    return {n for n, t in lines[max(0, start - 6): end] if t}


def _direct_implements(citations, intro_lines: set[int]) -> list[DocRef]:
    """Documents the plan implements directly: mentioned in its title or introduction and
    not themselves the object of another mention's "thực hiện"."""
    mentioned = [c for c in citations if c.line in intro_lines and c.ref.kind != "Quyết định"]
    targets = {c.implements.identifier for c in mentioned if c.implements}
    out: list[DocRef] = []
    seen: set[str] = set()
    for citation in mentioned:
        identifier = citation.ref.identifier
        if identifier in targets or identifier in seen or citation.ref.kind in ("Công văn", "Thông báo"):
            continue
        seen.add(identifier)
        out.append(citation.ref)
    return out


def _scope(title: str) -> tuple[str, str]:
    """Province, city or district: what the plan's title says it develops."""
    folded = fold(title)
    match = re.search(r"phat trien (thanh pho|huyen|thi xa) ([^,]+?) den nam", folded)
    if match:
        kind = {"thanh pho": "city", "huyen": "district", "thi xa": "district"}[match.group(1)]
        words = title.split()
        start = len(folded[: match.start(1)].split())
        count = len((match.group(1) + " " + match.group(2)).split())
        return kind, " ".join(words[start: start + count])
    return "province", "tỉnh Thanh Hóa"


def _link_appendix(body: list[Task], appendix: list[Task]) -> None:
    """Link each appendix row to the body task it details (same lead, similar words)."""

    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"\w+", fold(text)) if len(w) > 1}

    body_words = [(task, words(task.text)) for task in body]
    for row in appendix:
        row_words = words(row.text)
        if not row_words:
            continue
        leads = {m.entity_id for m in row.lead}
        best, best_score = None, 0.0
        for task, task_words in body_words:
            if not leads & {m.entity_id for m in task.lead}:
                continue
            score = len(row_words & task_words) / len(row_words)
            if score > best_score:
                best, best_score = task, score
        if best is not None and best_score >= 0.6:
            row.details = best.line
