"""Appendix tables ("Phụ lục") in the layouts met in the plans.

Two layouts:

* **rows**: one table row per line, cells separated by tabs, HTML tags around some cells,
  the header row repeated after each page break, and rows cut by a page break continued
  on a line whose number cell is empty (cells may be cut mid-word);
* **cells**: one cell per line, each starting with a tab, a blank line between rows, and
  a cell that wraps onto a line without a leading tab.

Columns: number, content, lead agency, coordinating agencies, output, deadline. Group rows
have a roman number ("III"), a dotted number ("III.2"), or a bold number or title; a group
row that names agencies is a task, one with empty agency cells is a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import SourceError
from ..model import AgencyMention, Section, Task, unique_by
from ..text import ROMAN_RE, clean_line, fold, slugify
from .agencies import AgencyResolver
from .deadlines import parse_deadline

__all__ = ["parse_appendix", "AppendixRow"]

_NUMBER_RE = re.compile(r"^(?:[IVXL]+|\d+)(?:\.(?:[IVXL]+|\d+))*\.?$")


@dataclass
class AppendixRow:
    """One logical row of an appendix table, continuation lines merged in."""

    line: int
    end_line: int
    number: str
    cells: list[str]
    emphasised: bool = False  # bold or italic number/title: a group row
    raw_lines: list[int] = field(default_factory=list)

    def cell(self, index: int) -> str:
        return self.cells[index] if index < len(self.cells) else ""


def _is_header(cell: str) -> bool:
    return fold(clean_line(cell)).replace(".", "").startswith(("so tt", "stt"))


def _smart_join(left: str, right: str, vocabulary: set[str]) -> str:
    """Join a cell cut by a page break; no space when the cut split a word."""
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


def _vocabulary(lines: list[str]) -> set[str]:
    words: set[str] = set()
    for line in lines:
        words.update(re.findall(r"\w+", fold(clean_line(line))))
    return words


def read_rows(lines: list[str], start: int, source_file: str) -> list[AppendixRow]:
    """Read the table that follows line index ``start`` (0-based) into rows."""
    header_index = next(
        (i for i in range(start, len(lines)) if _is_header(lines[i].split("\t")[0] or lines[i])
         or (lines[i].startswith("\t") and _is_header(lines[i][1:]))),
        None,
    )
    if header_index is None:
        raise SourceError("appendix has no table header ('Số TT')", path=source_file, line=start + 1)
    vocabulary = _vocabulary(lines)
    header = lines[header_index]
    if "\t" in header.strip("\t") or header.count("\t") >= 2:
        return _read_tab_rows(lines, header_index, vocabulary, source_file)
    return _read_cell_rows(lines, header_index, vocabulary, source_file)


def _read_tab_rows(lines: list[str], header_index: int, vocabulary: set[str], source_file: str) -> list[AppendixRow]:
    rows: list[AppendixRow] = []
    for index in range(header_index + 1, len(lines)):
        raw = lines[index]
        if not raw.strip():
            continue
        cells = raw.split("\t")
        if _is_header(cells[0]):
            continue
        cleaned = [clean_line(cell) for cell in cells]
        number = cleaned[0].strip()
        if number:
            if not _NUMBER_RE.match(number):
                raise SourceError(
                    f"appendix row does not start with a number: {number[:40]!r}",
                    path=source_file, line=index + 1,
                )
            emphasised = bool(re.search(r"<[bi]>", cells[0] + (cells[1] if len(cells) > 1 else "")))
            rows.append(AppendixRow(index + 1, index + 1, number.rstrip("."), cleaned[1:], emphasised, [index + 1]))
        elif rows:
            row = rows[-1]
            for position, cell in enumerate(cleaned[1:]):
                if position < len(row.cells):
                    row.cells[position] = _smart_join(row.cells[position], cell, vocabulary)
                else:
                    row.cells.append(cell)
            row.end_line = index + 1
            row.raw_lines.append(index + 1)
        else:
            raise SourceError("appendix continuation row before any numbered row",
                              path=source_file, line=index + 1)
    return rows


def _read_cell_rows(lines: list[str], header_index: int, vocabulary: set[str], source_file: str) -> list[AppendixRow]:
    rows: list[AppendixRow] = []
    current_cells: list[tuple[int, str]] | None = None
    started = False
    for index in range(header_index, len(lines)):
        raw = lines[index]
        if not raw.strip():
            continue
        if raw.startswith("\t"):
            text = clean_line(raw[1:])
            if _NUMBER_RE.match(text) and (current_cells is None or len(current_cells) >= 2):
                started = True
                current_cells = [(index + 1, text)]
                rows.append(AppendixRow(index + 1, index + 1, text.rstrip("."), [], False, [index + 1]))
                continue
            if not started:
                continue
            assert current_cells is not None
            current_cells.append((index + 1, text))
            rows[-1].cells.append(text)
            rows[-1].end_line = index + 1
            rows[-1].raw_lines.append(index + 1)
        elif started and rows and rows[-1].cells:
            rows[-1].cells[-1] = _smart_join(rows[-1].cells[-1], clean_line(raw), vocabulary)
            rows[-1].end_line = index + 1
    return rows


def _group_level(number: str) -> int | None:
    """1 for "III", 2 for "III.2"; None for plain item numbers."""
    parts = number.split(".")
    if ROMAN_RE.match(parts[0]):
        return len(parts)
    if len(parts) > 1:
        return len(parts)
    return None


def parse_appendix(
    lines: list[str],
    start: int,
    resolver: AgencyResolver,
    source_file: str,
    warnings: list[str],
) -> tuple[list[Section], list[Task]]:
    """Parse the appendix table after line index ``start``; return its groups and tasks."""
    rows = read_rows(lines, start, source_file)
    sections: list[Section] = []
    tasks: list[Task] = []
    groups: dict[int, str] = {}
    for row in rows:
        content, lead_cell, coord_cell = row.cell(0), row.cell(1), row.cell(2)
        level = _group_level(row.number)
        if level is None and row.emphasised:
            level = 1
        if level is not None:
            parent = groups.get(level - 1)
            key = f"{parent}.{row.number.split('.')[-1]}" if parent and level > 1 else f"PL.{row.number}"
            groups = {k: v for k, v in groups.items() if k < level}
            groups[level] = key
            sections.append(Section(key, row.number, content, row.line, parent, appendix=True))
        section = groups.get(max(groups)) if groups else None
        if not lead_cell:
            if level is None:
                warnings.append(f"{source_file}:{row.line}: appendix row {row.number} has no lead agency")
            continue
        lead = _parse_agencies(resolver, lead_cell, source_file, row.line, warnings)
        coordinating = _parse_agencies(resolver, coord_cell, source_file, row.line, warnings) if coord_cell else []
        tasks.append(
            Task(
                line=row.line,
                end_line=row.end_line,
                text=content,
                section=section,
                lead=lead,
                coordinating=coordinating,
                deadline=parse_deadline(row.cell(4)),
                appendix=True,
                row_number=row.number,
                output=row.cell(3) or None,
            )
        )
    return sections, tasks


def _parse_agencies(
    resolver: AgencyResolver, cell: str, source_file: str, line: int, warnings: list[str]
) -> list[AgencyMention]:
    found = resolver.parse_list(cell)
    if found is not None:
        return unique_by(found, lambda m: m.entity_id)
    # Best effort: resolve what can be resolved, keep the rest as unregistered names.
    mentions: list[AgencyMention] = []
    for part in re.split(r"\s*[,;]\s*", cell):
        if not part.strip():
            continue
        sub = resolver.parse_list(part)
        if sub is not None:
            mentions.extend(sub)
            continue
        warnings.append(f"{source_file}:{line}: unknown agency {part!r} (add it to data/registry/agencies.toml)")
        mentions.append(AgencyMention(f"unregistered-{slugify(part)}", part.strip(), False))
    return unique_by(mentions, lambda m: m.entity_id)
