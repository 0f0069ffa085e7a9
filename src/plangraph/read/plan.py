"""One source document -> :class:`PlanExtract`, through the four steps of the reader.

layout (lines -> blocks), structure (header, parts, body, appendices), grammars (tasks
from the outline of the body and from task tables), agencies (names -> agencies of a
jurisdiction). A document that is not a plan (a regulation, a list of procedures) or in
which no task is found is read all the same, with the reason in ``not_a_plan`` and a
warning, so that it never stops a build.
"""

from __future__ import annotations

import re
from datetime import date

from ..extract.agencies import RegistryEntry
from ..extract.citations import find_citations
from ..extract.projects import find_projects
from ..extract.targets import find_targets
from ..model import Citation, DocRef, PlanExtract, Section, Target, Task
from ..sources import SourceDocument
from ..text import fold, nfc
from .agencies import AgencyReader, bundled_entries
from .grammars.tables import read_task_table
from .jurisdictions import NATIONAL, Jurisdiction, Jurisdictions
from .layout import Block, read_blocks
from .outline import build_outline
from .structure import Part, Structure, read_structure
from .tasks import TaskReader
from .references import link_references
from .target_tables import read_target_table

__all__ = ["read_document"]

_NATIONAL_ISSUER = re.compile(
    r"^\W*(?:THỦ TƯỚNG|CHÍNH PHỦ|QUỐC HỘI|ỦY BAN THƯỜNG VỤ QUỐC HỘI|UỶ BAN THƯỜNG VỤ QUỐC HỘI|BỘ (?!CHỈ HUY)|"
    r"BAN CHẤP HÀNH TRUNG ƯƠNG|BỘ CHÍNH TRỊ|BAN BÍ THƯ|VĂN PHÒNG CHÍNH PHỦ|NGÂN HÀNG NHÀ NƯỚC VIỆT NAM|"
    r"THANH TRA CHÍNH PHỦ|KIỂM TOÁN NHÀ NƯỚC|TÒA ÁN NHÂN DÂN TỐI CAO|VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO)",
    re.IGNORECASE,
)
_IMPLEMENTS_WORDS = re.compile(r"\b(?:thực hiện|triển khai|thi hành|cụ thể hóa|cụ thể hoá)\b", re.IGNORECASE)
# kinds cited in "Căn cứ" that a plan carries out (policy), as against legal bases (laws, decrees)
_POLICY_KINDS = {"Nghị quyết", "Quyết định", "Chương trình", "Kế hoạch", "Kết luận", "Chỉ thị", "Thông báo"}
_LEGAL_NUMBER = re.compile(r"/\d{4}/")  # "45/2017/NĐ-CP", "190/2025/QH15": a legal normative document


def read_document(source: SourceDocument, entries: list[RegistryEntry] | None = None,
                  places: Jurisdictions | None = None, default: Jurisdiction | None = None) -> PlanExtract:
    """Read one source document.

    Args:
        source: the decoded file.
        entries: registry entries (default: the bundled registry).
        places: jurisdictions (default: the bundled list).
        default: the jurisdiction to assume when the document does not say (the workspace's).
    """
    places = places or Jurisdictions.bundled()
    entries = entries if entries is not None else list(bundled_entries())
    blocks = read_blocks(source.lines)
    structure = read_structure(blocks) if blocks else None
    warnings = list(source.warnings)
    if structure is None:
        return _empty(source, warnings, "the file holds no text")
    first, plan = structure.issuer_part, structure.plan
    issuer = first.issuer or plan.issuer
    jurisdiction = _jurisdiction(issuer, first, places) or default
    unplaced = jurisdiction is None
    if unplaced:
        jurisdiction = NATIONAL
    reader = AgencyReader(entries if entries else list(bundled_entries()), places, jurisdiction)

    tasks: list[Task] = []
    sections: list[Section] = []
    general: list[tuple[int, str]] = []
    other_tables: list[int] = []  # blocks of tables that assign no task
    if structure.not_a_plan is None:
        body_start, body_end = structure.body
        task_reader = TaskReader(reader, source.name)
        task_reader.read(build_outline(blocks, body_start, body_end))
        tasks.extend(task_reader.tasks)
        sections.extend(task_reader.sections)
        warnings.extend(task_reader.warnings)
        general = task_reader.general
        appendix_tasks = _tables(blocks, structure, reader, source.name, sections, warnings, other_tables)
        _link_appendix(tasks, appendix_tasks)
        link_references(tasks, sections)
        tasks.extend(appendix_tasks)
    for task in tasks:
        task.projects = find_projects(task.text)
    tasks.sort(key=lambda t: (t.line, t.appendix))

    doc_start = first.start
    lines = [(line, text) for block in blocks[doc_start:] for line, text in _texts(block)]
    citations = find_citations(lines)
    intro_lines = {line for i in structure.intro if blocks[i].kind == "para" for line, _ in _texts(blocks[i])}
    intro_lines |= {line for i in range(plan.title_end, min(len(blocks), structure.body[0] + 1))
                    if i < len(blocks) and blocks[i].kind == "para" and not blocks[i].marker
                    for line, _ in _texts(blocks[i])}
    basis_lines = {blocks[i].line for i in structure.basis}
    decision, decision_line, number_missing = _decision(structure, first, plan)
    own = {r.identifier for r in (decision, plan.issued_with) if r is not None}
    if first.number:
        own.add(first.number)
    implements, based_on = _implements(citations, intro_lines, basis_lines, own)
    for citation in citations:
        if citation.line in basis_lines:
            citation.based_on = True
    goal_lines = list(dict(_goal_lines(blocks, structure) + general).items())  # one entry per line
    kind = _printed_kind(blocks, plan)
    title = _title(kind, plan, first)
    scope, scope_area = _scope(title, jurisdiction)
    targets = find_targets(sorted(goal_lines), scope, scope_area)
    targets.extend(_task_targets(tasks, targets, scope, scope_area))
    seen_targets = {(t.line, t.value_text) for t in targets}
    for index in other_tables:
        # the title printed above the table ("... CÁC CHỈ TIÊU ... ĐẾN NĂM 2030"), not the line
        # that says which plan it belongs to ("(Ban hành kèm theo Kế hoạch số ... năm 2025)")
        above = [b.text for b in blocks[max(0, index - 4):index] if b.kind != "table"]
        caption = " ".join(t for t in above if "kèm theo" not in t.lower())
        targets.extend(t for t in read_target_table(blocks[index].rows, scope_area, scope, caption)
                       if (t.line, t.value_text) not in seen_targets)
    not_a_plan = structure.not_a_plan
    if not_a_plan is None and not tasks:
        not_a_plan = "no tasks found: not a plan?"
    if not_a_plan:
        warnings.append(f"{source.name}: {not_a_plan}")
    elif unplaced:  # said only of a plan: a letter or a report needs no province
        warnings.append(f"{source.name}: the issuer's province is not printed; agencies are read as national "
                        "(set `jurisdiction` in plangraph.toml)")
    own_number = None
    if plan is first and first.number:
        own_number = DocRef(first.number, first.kind, year=_year(first), date=first.date, issuer=issuer)
    return PlanExtract(
        source_file=source.name, sha256=source.sha256, kind=kind, title=title, decision=decision,
        decision_line=decision_line, decision_number_missing=number_missing, implements=implements,
        sections=sections, tasks=tasks, targets=targets, citations=citations, scope=scope, scope_area=scope_area,
        title_en=source.manifest.title_en if source.manifest else "", warnings=warnings,
        jurisdiction=jurisdiction, issuer=_issuer_name(issuer), number=own_number, agencies=reader.agencies,
        not_a_plan=not_a_plan, based_on=based_on,
    )


def _task_targets(tasks: list[Task], known: list[Target], scope: str, scope_area: str) -> list[Target]:
    """The targets a task's own text sets ("..., bảo đảm đến năm 2025 tỷ lệ đô thị hóa đạt trên
    40%"), linked to the task; a line already read as a goal is not read twice."""
    seen = {(t.line, t.value_text) for t in known}
    found: list[Target] = []
    for task in tasks:
        for target in find_targets([(task.line, task.text)], scope, scope_area, strict=True):
            if (target.line, target.value_text) in seen:
                continue
            seen.add((target.line, target.value_text))
            target.task_line, target.task_appendix = task.line, task.appendix
            found.append(target)
    return found


def _empty(source: SourceDocument, warnings: list[str], why: str) -> PlanExtract:
    warnings.append(f"{source.name}: {why}")
    return PlanExtract(source.name, source.sha256, "Văn bản", source.name, None, None, False, [], [], [], [], [],
                       "province", "", warnings=warnings, jurisdiction=NATIONAL, not_a_plan=why)


def _texts(block: Block) -> list[tuple[int, str]]:
    if block.kind == "table":
        return [(cell.line, cell.text) for row in block.rows for cell in row.cells]
    return [(block.line, block.text)]


def _jurisdiction(issuer: str | None, part: Part, places: Jurisdictions) -> Jurisdiction | None:
    if issuer and _NATIONAL_ISSUER.match(issuer):
        return NATIONAL
    if issuer:
        found = places.find(issuer)
        if found is not None:
            return found if found.level == "province" else found
    if part.place:
        found = places.province_named(part.place)
        if found is not None and not (issuer and _NATIONAL_ISSUER.match(issuer)):
            return found
    return None


def _issuer_name(issuer: str | None) -> str | None:
    if not issuer:
        return None
    text = re.sub(r"\s+", " ", issuer).strip(" -")
    return text


def _year(part: Part) -> int | None:
    if part.date:
        return part.date.year
    year = getattr(part, "year_only", None)
    if year:
        return year
    if part.number:
        match = re.search(r"/((?:19|20)\d{2})/", part.number)
        if match:
            return int(match.group(1))
    return None


def _decision(structure: Structure, first: Part, plan: Part) -> tuple[DocRef | None, int | None, bool]:
    """The decision that issues the plan: the first part when the plan is carried by it."""
    if plan is first:
        # a decision that carries the plan in its articles issues it; a plan issued directly has none
        if first.kind in ("Quyết định", "Nghị quyết") or (not first.number and structure.appendices):
            number = first.number
            when = first.date
            if number is None:
                for appendix in structure.appendices:
                    ref = appendix.issued_with
                    if ref is not None and ref.kind == first.kind and re.match(r"\d", ref.identifier):
                        number, when = ref.identifier, ref.date or when
                        break
            if number is None:
                return None, None, False
            year = when.year if when else _year(first)
            return DocRef(number, first.kind, year=year, date=when), first.number_line or first.line, False
        return None, None, False
    ref = plan.issued_with
    number = first.number
    when = first.date
    if ref is not None and re.match(r"\d", ref.identifier):
        number = number or ref.identifier
        when = when or ref.date
    blank = number is None and (first.number_blank or (ref is not None and not re.match(r"\d", ref.identifier)))
    year = when.year if when else (ref.year if ref is not None and ref.year else _year(first))
    if year is None and ref is not None:
        match = re.search(r"năm\s*(\d{4})", ref.identifier)
        year = int(match.group(1)) if match else None
    if year is None:
        year = _caption_year(structure, plan)
    identifier = number or f"…/{_code(first, ref)}"
    line = first.number_line or plan.issued_with_line or first.line
    return DocRef(identifier, first.kind, year=year, date=when), line, blank or number is None


def _caption_year(structure: Structure, plan: Part) -> int | None:
    """"(Ban hành kèm theo Quyết định số .../QĐ-UBND ngày... tháng... năm 2021 ...)"."""
    index = plan.title_end - 1
    if 0 <= index < len(structure.blocks):
        match = re.search(r"năm\s*(\d{4})", structure.blocks[index].text)
        if match:
            return int(match.group(1))
    return None


def _code(first: Part, ref: DocRef | None) -> str:
    if ref is not None and "/" in ref.identifier:
        return ref.identifier.split("/", 1)[1]
    return {"Quyết định": "QĐ-UBND", "Nghị quyết": "NQ-HĐND"}.get(first.kind, "QĐ-UBND")


def _printed_kind(blocks: list[Block], plan: Part) -> str:
    """The plan's type as printed: "Kế hoạch hành động", "Chương trình", "Đề án" ..."""
    text = blocks[plan.start].text.strip().upper()
    for phrase in ("KẾ HOẠCH HÀNH ĐỘNG", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "CHƯƠNG TRÌNH CÔNG TÁC"):
        if text.startswith(phrase):
            return phrase.capitalize()
    if plan.kind in ("Quyết định", "Nghị quyết"):
        approved = re.search(r"(?:PHÊ DUYỆT|BAN HÀNH)\s+(KẾ HOẠCH HÀNH ĐỘNG|KẾ HOẠCH|CHƯƠNG TRÌNH HÀNH ĐỘNG|"
                             r"CHƯƠNG TRÌNH|ĐỀ ÁN|PHƯƠNG ÁN|CHIẾN LƯỢC)", nfc(plan.title).upper())
        if approved:
            return approved.group(1).capitalize()
    return plan.kind


def _title(kind: str, plan: Part, first: Part) -> str:
    title = re.sub(r"^(?:CỦA (?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN) (?:TỈNH|THÀNH PHỐ)\s*)", "", plan.title).strip()
    if not title and plan is not first:
        title = first.title
    if not title:
        return kind
    if plan.kind in ("Quyết định", "Nghị quyết") and kind != plan.kind:
        # "PHÊ DUYỆT KẾ HOẠCH HÀNH ĐỘNG QUỐC GIA VỀ ..." -> the approved plan's own title
        match = re.search(r"(?:PHÊ DUYỆT|BAN HÀNH)\s+", title, re.IGNORECASE)
        if match:
            title = title[match.end():]
            rest = title[len(kind):].strip() if title.upper().startswith(kind.upper()) else title
            return f"{kind} {rest}".strip()
    if title.isupper():
        return f"{kind} {title}"
    return f"{kind} {title[0].lower()}{title[1:]}"


def _scope(title: str, jurisdiction: Jurisdiction) -> tuple[str, str]:
    """Province, city or district: what the plan's title says it develops."""
    folded = fold(title)
    match = re.search(r"phat trien (thanh pho|huyen|thi xa) ([^,]+?) den nam", folded)
    if match:
        kind = {"thanh pho": "city", "huyen": "district", "thi xa": "district"}[match.group(1)]
        words = title.split()
        start = len(folded[: match.start(1)].split())
        count = len((match.group(1) + " " + match.group(2)).split())
        return kind, " ".join(words[start: start + count])
    if jurisdiction.level == "national":
        return "national", "Việt Nam"
    return "province", jurisdiction.name


def _goal_lines(blocks: list[Block], structure: Structure) -> list[tuple[int, str]]:
    """The blocks of goal sections ("Mục tiêu"): they carry the targets."""
    out: list[tuple[int, str]] = []
    start, end = structure.body
    root = build_outline(blocks, start, end)
    for node in root.walk():
        if node.block is None or node.block.kind != "para" or not node.children:
            continue
        if node.kind in ("roman", "part", "num", "upper", "heading") and "muc tieu" in fold(node.text)[:40]:
            out.append((node.line, node.block.text))
            out.extend((n.line, n.block.text) for n in node.walk() if n is not node and n.block is not None
                       and n.block.kind == "para")
    return out


def _tables(blocks: list[Block], structure: Structure, reader: AgencyReader, source_file: str,
            sections: list[Section], warnings: list[str], other: list[int] | None = None) -> list[Task]:
    """Tasks of the task tables in the appendices (and in the body); the other tables go to ``other``."""
    out: list[Task] = []
    spans = [(a.start, a.end, a) for a in structure.appendices]
    body_start, body_end = structure.body
    spans.append((body_start, body_end, None))
    seen: set[int] = set()
    for start, end, appendix in spans:
        for index in range(start, end):
            block = blocks[index]
            if block.kind != "table" or index in seen:
                continue
            seen.add(index)
            prefix = "PL"
            if appendix is not None:
                number = re.sub(r"^\W*(?:PHỤ LỤC|Phụ lục)\s*(?:số\s*)?", "", appendix.label).strip()
                prefix = f"PL{number}" if number else "PL"
            else:
                prefix = f"T{block.line}"
            read = read_task_table(block.rows, reader, prefix, source_file)
            if read is None:
                if other is not None:
                    other.append(index)  # perhaps a table of targets
                continue
            sections.extend(read.sections)
            warnings.extend(read.warnings)
            out.extend(read.tasks)
    return out


# compiled once: the function runs for every name, line or task of a build
_WORD = re.compile(r"\w+")


def _link_appendix(body: list[Task], appendix: list[Task]) -> None:
    """Link each appendix row to the body task it details (same lead, similar words)."""

    def words(text: str) -> set[str]:
        return {w for w in _WORD.findall(fold(text)) if len(w) > 1}

    if not appendix:
        return  # nothing to link (and the body's words need not be worked out)
    body_words = [(task, words(task.text), {m.entity_id for m in task.lead}) for task in body]
    for row in appendix:
        row_words = words(row.text)
        if not row_words:
            continue
        leads = {m.entity_id for m in row.lead}
        best, best_score = None, 0.0
        for task, task_words, task_leads in body_words:
            if not leads & task_leads:
                continue
            score = len(row_words & task_words) / len(row_words)
            if score > best_score:
                best, best_score = task, score
        if best is not None and best_score >= 0.6:
            row.details = best.line


def _implements(citations: list[Citation], intro_lines: set[int], basis_lines: set[int],
                own: set[str]) -> tuple[list[DocRef], list[DocRef]]:
    """Documents the plan implements, and its legal bases.

    Implemented: documents cited in the title or introduction (not themselves the object of
    another mention's "thực hiện"), and policy documents cited in the "Căn cứ" lines.
    Legal bases: laws, decrees, circulars and other normative documents of the "Căn cứ" lines.
    A number printed in capitals in a title ("1899/QĐ-TTG") is the same document as the one
    printed as usual ("1899/QĐ-TTg"): the usual spelling is kept.
    """
    implemented: dict[str, DocRef] = {}
    basis: dict[str, DocRef] = {}
    seen: set[str] = {o.upper() for o in own}
    mentioned = [c for c in citations if c.line in intro_lines and c.line not in basis_lines]
    targets = {c.implements.identifier.upper() for c in citations
               if c.implements and (c.line in intro_lines or c.line in basis_lines)}

    def keep(found: dict[str, DocRef], ref: DocRef) -> None:
        key = ref.identifier.upper()
        known = found.get(key)
        if known is None or (known.identifier == key and ref.identifier != key):
            found[key] = ref

    for citation in mentioned:
        identifier = citation.ref.identifier
        key = identifier.upper()
        if key in targets or (key in seen and key not in implemented) or citation.ref.kind in ("Công văn",) \
                or not re.match(r"\d", identifier):
            continue
        seen.add(key)
        keep(implemented, citation.ref)
    for citation in citations:
        if citation.line not in basis_lines:
            continue
        identifier = citation.ref.identifier
        key = identifier.upper()
        if not re.match(r"\d", identifier) or key in targets:
            continue  # reached through the document that carries it out
        if key in implemented:
            keep(implemented, citation.ref)
            continue
        if key in seen and key not in basis:
            continue
        seen.add(key)
        if citation.ref.kind in _POLICY_KINDS and not _LEGAL_NUMBER.search(identifier):
            keep(implemented, citation.ref)
        else:
            keep(basis, citation.ref)
    return list(implemented.values()), list(basis.values())
