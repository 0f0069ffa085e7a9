"""What people read of a query's answer: which columns, in which order, under which
headers, with which values, sorted how, and appendix rows folded into the body task they
restate.

Machine formats (tsv, json, jsonl) print the query's own variables and values; the
formats for people (table, wide, csv, xlsx) go through a :class:`View`: the named
queries have one here, any other query gets every variable under its own name.

Example:
    >>> rows = [{"deadline": "2025-02-28", "agencyName": "Sở Khoa học và Công nghệ"},
    ...         {"agencyName": "Sở Kế hoạch và Đầu tư"}, {"deadline": "2022-09-30", "agencyName": "Sở Y tế"}]
    >>> [r["agencyName"] for r in sorted(rows, key=VIEWS["tasks-of-agency"].sort)]
    ['Sở Y tế', 'Sở Khoa học và Công nghệ', 'Sở Kế hoạch và Đầu tư']
"""

from __future__ import annotations

import re
TYPE_CHECKING = False  # (for the annotations only: importing typing costs a query command ~4 ms)
if TYPE_CHECKING:
    from typing import Callable

from ..catalogue import header, t, value
from ..catalogue.collation import sort_key

__all__ = ["Column", "View", "VIEWS", "view_for", "prepare", "display", "TASK_COLUMNS"]

ID_BASE = "https://w3id.org/plangraph/id/"


class Column:
    """One column people read: the variable, how its values read, its share of the width.

    (Plain classes, not dataclasses: this module is imported by every command that prints
    a table, and a dataclass costs about a millisecond to create.)
    """

    __slots__ = ("var", "kind", "flex", "priority", "caption", "cap", "title")

    def __init__(self, var: str, kind: str = "", flex: bool = False, priority: int = 0, caption: bool = False,
                 cap: int | None = None, title: str | None = None):
        self.var = var
        self.kind = kind  # a catalogue value kind ("role"), or "source", "iri", "deadline"
        self.flex = flex  # takes the room the other columns leave
        self.priority = priority  # 0: always in the table; higher: hidden first when it does not fit
        self.caption = caption  # the same in every row: said once above the table instead
        self.cap = cap  # wraps beyond this width (default: plangraph.render.table.CAP)
        self.title = title  # the header's catalogue entry, when not the variable's ("col.VAR")


def _undated_last(row: dict) -> tuple:
    return (not row.get("deadline"), row.get("deadline", ""))


def _source_key(row: dict) -> tuple:
    file, _, line = row.get("source", f"{row.get('file', '')}:{row.get('line', '')}").partition(":")
    return (file, int(line) if line.isdigit() else 0)


class View:
    """How the answer of one named query reads."""

    __slots__ = ("columns", "sort", "fold", "csv_columns", "details", "group")

    def __init__(self, columns: list[Column], sort: Callable[[dict], tuple] | None = None, fold: tuple[str, ...] = (),
                 csv_columns: list[str] | None = None, details: bool = False, group: str | None = None):
        self.columns = columns
        self.sort = sort
        self.fold = fold  # the variables two rows must share to be folded (besides the task)
        self.csv_columns = csv_columns  # CSV and xlsx: these variables (default: every one)
        self.details = details  # CSV and xlsx: each task's row of the export layout joined in
        self.group = group  # a table prints this variable as a heading above its rows


# The task layout of CSV and xlsx (plangraph.views.export.TASK_COLUMNS), shared by `export`
# and `tasks`: the same columns under the same headers.
TASK_COLUMNS = ["decision", "source", "part", "section", "text", "leads", "coordinators", "deadline",
                "deadlineText", "deadlineKind", "output", "resolutions", "task"]
_TASK_KINDS = [Column("source", "source"), Column("part", "part"), Column("deadlineKind", "deadlineKind"),
               Column("task", "iri"), Column("deadline", "deadline"), Column("text", flex=True)]


_CATEGORY_COLUMNS = ("doneOnTime", "doneLate", "inProgress", "overdue", "noReport", "noDeadline", "cancelled")

VIEWS: dict[str, View] = {
    "tasks-of-agency": View(
        [Column("agencyName", priority=3, caption=True), Column("role", "role"),
         Column("deadline", "deadline", cap=12), Column("source", "source"),
         Column("text", flex=True), Column("succession", flex=True, priority=1), Column("decision", priority=2),
         Column("output", priority=4), Column("resolutions", priority=6)],
        sort=lambda r: (*_undated_last(r), sort_key(r.get("agencyName", "")), _source_key(r), r.get("role", ""),
                        r.get("succession", "")),
        fold=("role", "agencyName", "succession"), csv_columns=["agencyName", "role", "succession", *TASK_COLUMNS],
        details=True),
    "tasks-export": View(_TASK_KINDS, csv_columns=TASK_COLUMNS),
    "due": View(
        group="lead",
        columns=[Column("lead", flex=True), Column("deadline", "deadline", cap=12), Column("isOverdue", "isOverdue", priority=2),
         Column("source", "source"), Column("text", flex=True), Column("succession", flex=True, priority=1),
         Column("decision", priority=3)],
        sort=lambda r: (sort_key(r.get("lead", "")), *_undated_last(r), _source_key(r), r.get("succession", "")),
        fold=("lead", "succession"),
        csv_columns=["lead", "succession", "deadline", "deadlineText", "isOverdue", "decision", "source", "text", "task"]),
    "trace": View(
        [Column("level", "level"), Column("id", "id"), Column("date", priority=2), Column("issuer", priority=1),
         Column("label", flex=True), Column("node", "iri", priority=9)]),
    "target-conflicts": View(
        sort=lambda r: (sort_key(r.get("indicatorVi", "")), r.get("when", ""), r.get("decision", "")),
        columns=
        [Column("indicatorVi", flex=True), Column("scope", "scope", priority=3), Column("when"),
         Column("decision"), Column("comparator", priority=2), Column("value"), Column("unit"),
         Column("source", "source"), Column("indicatorText", flex=True, priority=4)]),
    "targets": View(
        [Column("conceptVi", flex=True, priority=3), Column("indicatorText", flex=True), Column("when"),
         Column("scopeName", "scope", priority=2), Column("comparator", priority=4), Column("value"),
         Column("minValue", priority=5), Column("maxValue", priority=5), Column("unit"),
         Column("decision", priority=1), Column("source", "source")]),
    "resolution-tree": View(
        [Column("via", priority=3), Column("decision"), Column("source", "source"), Column("text", flex=True),
         Column("leads", flex=True, priority=1), Column("deadline", "deadline", priority=2),
         Column("task", "iri", priority=9), Column("plan", "iri", priority=9)]),
    "workload": View(
        [Column("name", flex=True, title="agencyName"), Column("decision"), Column("year"), Column("lead"),
         Column("coordinating"),
         Column("total")],
        sort=lambda r: (-int(r.get("total") or 0), sort_key(r.get("name", "")), r.get("decision", ""),
                        r.get("year", ""))),
    "agency-search": View(
        [Column("name", flex=True), Column("score"), Column("matched", flex=True, priority=1),
         Column("kind", "kind", priority=2), Column("iri", "iri", priority=9)]),
    "agencies": View(
        [Column("name", flex=True), Column("id", priority=4), Column("kind", "kind", priority=2),
         Column("jurisdiction", priority=1), Column("name_en", flex=True, priority=3), Column("from", priority=5)],
        sort=lambda r: (sort_key(r.get("name", "")), r.get("jurisdiction", ""))),
    "agency-changes": View(
        [Column("date"), Column("relation", "relation"), Column("otherName", flex=True), Column("work", flex=True),
         Column("what", flex=True, priority=2), Column("basis", priority=1), Column("confidence", "confidence"),
         Column("note", flex=True, priority=3), Column("source", priority=4), Column("change", "iri", priority=9),
         Column("other", "iri", priority=9)]),
    "duplicate-tasks": View(
        [Column("lead", flex=True, priority=1), Column("decision"), Column("source", "source"),
         Column("text", flex=True), Column("otherDecision"), Column("otherSource", "source"),
         Column("succession", flex=True, priority=2), Column("otherSuccession", flex=True, priority=2)],
        sort=lambda r: (sort_key(r.get("lead", "")), _source_key(r))),
    # the follow-up (plangraph status, overdue, report history; report template's rows)
    "status": View(
        [Column("name", flex=True, title="agencyName"), Column("ended", priority=1), Column("total"),
         *(Column(v) for v in _CATEGORY_COLUMNS),
         Column("agency", "iri", priority=9)],
        sort=lambda r: (-int(r.get("overdue") or 0), sort_key(r.get("name", "")))),
    "overdue": View(
        group="lead",
        columns=[Column("lead", flex=True), Column("ended", priority=2), Column("deadline", "deadline", cap=12),
                 Column("source", "source"), Column("text", flex=True), Column("lastStatus", "progress", priority=1), Column("lastReported", priority=1),
                 Column("decision", priority=3), Column("lastNote", flex=True, priority=4),
                 Column("lastEvidence", priority=5), Column("task", "iri", priority=9), Column("agency", "iri", priority=9)],
        sort=lambda r: (sort_key(r.get("lead", "")), *_undated_last(r), _source_key(r))),
    "task-status": View(
        [Column("lead", flex=True), Column("ended", priority=2), Column("category", "category"),
         Column("deadline", "deadline", cap=12),
         Column("source", "source"), Column("text", flex=True), Column("lastReported", priority=1),
         Column("completed", priority=2), Column("decision", priority=3), Column("task", "iri", priority=9),
         Column("agency", "iri", priority=9)],
        sort=lambda r: (sort_key(r.get("lead", "")), _source_key(r))),
    "task-history": View(
        [Column("reported"), Column("status", "progress"), Column("completed"), Column("note", flex=True),
         Column("evidence", priority=2), Column("reporter", priority=1), Column("supersededOn"),
         Column("file", priority=3), Column("row", priority=3), Column("sheet", priority=5),
         Column("report", "iri", priority=9)]),
    "open-tasks": View(
        [Column("deadline", "deadline", cap=12), Column("source", "source"), Column("text", flex=True),
         Column("decision", priority=2), Column("lastStatus", "progress", priority=1),
         Column("lastReported", priority=1), Column("task", "iri", priority=9)],
        sort=lambda r: (*_undated_last(r), _source_key(r))),
}


_ENGLISH = {"indicatorVi": "indicator", "conceptVi": "concept"}


# how a variable reads when a view does not say (CSV and xlsx show every variable)
KINDS = {c.var: c for c in [Column("source", "source"), Column("otherSource", "source"), Column("part", "part"),
                            Column("deadlineKind", "deadlineKind"), Column("role", "role"),
                            Column("isOverdue", "isOverdue"), Column("level", "level"), Column("kind", "kind"),
                            Column("task", "iri"), Column("restates", "iri"), Column("plan", "iri"),
                            Column("node", "iri"), Column("scope", "scope"), Column("scopeName", "scope")]}


def view_for(name: str | None, variables: list[str]) -> View:
    """The view of the named query ``name``; any other answer: every variable as it is."""
    from ..catalogue import current

    if name in VIEWS:
        view = VIEWS[name]
        if current() == "en":  # the indicators' English names
            view = View([Column(_ENGLISH.get(c.var, c.var), c.kind, c.flex, c.priority, c.caption, c.cap, c.title)
                         for c in view.columns], view.sort, view.fold, view.csv_columns, view.details, view.group)
        return view
    return View([Column(v, "iri" if v in ("task", "node", "iri", "plan") else "", flex=True) for v in variables])


def _plain(result) -> list[dict[str, str]]:
    rows = []
    for row in result:
        plain = {k: term.value for k, term in row.items()}
        if "source" not in plain and "file" in plain and "line" in plain:
            plain["source"] = f"{plain['file']}:{plain['line']}"
        if "otherSource" not in plain and "otherFile" in plain and "otherLine" in plain:
            plain["otherSource"] = f"{plain['otherFile']}:{plain['otherLine']}"
        rows.append(plain)
    return rows


def _fold(rows: list[dict], keys: tuple[str, ...]) -> tuple[list[dict], int]:
    """Each appendix row that restates a body task in ``rows`` (with the same ``keys``)
    folded into it: the body task keeps its text, gains the row's line, and takes its
    deadline and output when it has none. Returns the rows and how many were folded."""
    index = {(row.get("task"), *(row.get(k) for k in keys)): row for row in rows}
    kept, folded = [], 0
    for row in rows:
        body = index.get((row.get("restates"), *(row.get(k) for k in keys))) if row.get("restates") else None
        if body is None or body is row:
            kept.append(row)
            continue
        folded += 1
        body.setdefault("also", []).append(row.get("source", ""))
        for name in ("deadline", "deadlineText", "output"):
            if not body.get(name) and row.get(name):
                body[name] = row[name]
    return kept, folded


def prepare(result, name: str | None, all_rows: bool = False) -> tuple[list[dict], int]:
    """The rows of ``result`` as plain values, folded (unless ``all_rows``) and sorted as
    people read them; and how many appendix rows were folded."""
    view = view_for(name, list(result.variables))
    rows = _plain(result)
    folded = 0
    if view.fold and not all_rows:
        rows, folded = _fold(rows, view.fold)
    if view.sort:
        rows.sort(key=view.sort)
    return rows, folded


def short_source(source: str, files: list[str]) -> str:
    """``004_86eb4304471918db.txt:97`` as people type it for ``trace``: ``004:97``."""
    from ..query import short_file

    file, _, line = source.rpartition(":")
    return f"{short_file(file, files)}:{line}" if file else source


def display(row: dict, column: Column, files: list[str], compact: bool) -> str:
    """The text of one cell: values in the reader's language, sources short in a table."""
    raw = row.get(column.var, "")
    kind = column.kind
    if kind == "source":
        sources = [raw, *row.get("also", [])] if raw else []
        if not compact:
            return "; ".join(sources)
        shown = [short_source(s, files) for s in sources]
        # "000:212+371": the appendix row's line after the body task's, in the same file
        return "+".join(s if i == 0 or s.split(":")[0] != shown[0].split(":")[0] else s.split(":")[1]
                        for i, s in enumerate(shown))
    if kind == "deadline":
        if raw:
            return raw
        return (row.get("deadlineText") or t("undated")) if compact else ""
    if kind == "iri":
        return raw.replace(ID_BASE, "") if compact else raw
    if kind == "id" and compact:
        if re.search(r"\.(txt|md|markdown):\d+$", raw):
            return short_source(raw, files)
        if re.search(r"\.(txt|md|markdown)$", raw):  # a plan's file
            from ..query import short_file

            return short_file(raw, files or [raw])
        return raw
    if kind == "scope":  # pg:ProvinceScope or "province"
        return value("scope", raw.rsplit("#", 1)[-1].removesuffix("Scope").lower())
    if kind:
        return value(kind, raw)
    return raw


def files_of(rows: list[dict]) -> list[str]:
    """The source files the rows name (to shorten them without ambiguity)."""
    found = set()
    for row in rows:
        for key in ("source", "otherSource", "id"):
            text = row.get(key, "")
            if re.search(r"\.(txt|md|markdown):\d+$", text):
                found.add(text.rpartition(":")[0])
        for text in row.get("also", []):
            found.add(text.rpartition(":")[0])
    return sorted(found)


def headers_for(columns: list[Column]) -> list[str]:
    return [header(c.title or c.var) for c in columns]


def folded_note(folded: int) -> str:
    return t("folded", count=folded)
