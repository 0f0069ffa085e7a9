"""Reading the rows of a report file against the plans' graph: reports, or every problem.

A row is a report when its status is filled in (rows left without a status are tasks not
reported on). Each cell is checked, and every problem is kept with its sheet, row and
column, so that one pass tells the agency everything to correct:

* the task key must name a task of the graph, and the reporting agency must lead it on
  the report's day (the plan names it, or it took the task over: ``pg:Handover``);
* the status must be one of the list; a completion date is given exactly when the task is
  done, not before the plan was issued and not after the report's day; the report is not
  dated before its plan; a task replaced by another document names it as evidence;
* one task once per file.

Example (the problems are in the language of the catalogue; English here):
    >>> from plangraph.catalogue import use
    >>> from plangraph.progress.sheet import RawRow
    >>> use("en")
    >>> facts = Facts({"a.txt:7": TaskFacts("https://w3id.org/plangraph/id/plan/x/2022-1/task/L7", "a.txt:7",
    ...                "913/QĐ-UBND", dt.date(2022, 4, 1), ("A",), ())}, {"Sở Y tế": "A"})
    >>> row = RawRow(2, {"task": "a.txt:7", "reporter": "Sở Y tế", "report_date": "31/12/2022",
    ...                  "status": "Đã hoàn thành", "completed": "01/03/2022"})
    >>> reports, problems = check_rows("f.xlsx", "Báo cáo", [row], facts)
    >>> print(problems[0])
    f.xlsx: sheet 'Báo cáo', row 2, column I (Ngày hoàn thành): completed on 2022-03-01, before its plan 913/QĐ-UBND was issued (2022-04-01)
    >>> use(None)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..catalogue import t
from . import STATUSES, Problem, Status, status_of
from .sheet import BY_KEY, RawRow, parse_day

__all__ = ["Report", "TaskFacts", "Facts", "check_rows", "load_facts"]


@dataclass(frozen=True)
class Report:
    """One progress report, read and checked."""

    task: str  # IRI
    key: str  # FILE:LINE
    agency: str  # IRI of the reporting agency
    date: dt.date
    status: Status
    completed: dt.date | None
    note: str
    evidence: str
    file: str
    sheet: str
    row: int

    def content(self) -> tuple:
        """What the report says (not where it was read): two files saying the same are one report."""
        return (self.task, self.agency, self.date, self.status.code, self.completed, self.note, self.evidence)

    @property
    def where(self) -> str:
        return t("progress.where", file=self.file, sheet=self.sheet, row=self.row)


@dataclass(frozen=True)
class TaskFacts:
    """What the graph says about one task that a report is checked against."""

    iri: str
    key: str
    decision: str  # the plan's decision number, for messages
    issued: dt.date | None  # the plan's date
    leads: tuple[str, ...]  # the agencies the plan names as leads
    handovers: tuple[tuple[str, str | None, str, dt.date, dt.date | None], ...]  # (printed, heldBy, from, since, until)
    names: dict[str, str] = field(default_factory=dict, compare=False)

    def leaders_on(self, day: dt.date) -> set[str]:
        """The agencies leading the task on ``day``: the plan's, until each hands it over, and
        those that took it over, from the handover's day until the next one."""
        out = set()
        for agency in self.leads:
            left = [since for printed, _, origin, since, _ in self.handovers if printed == agency == origin]
            if not left or day < min(left):
                out.add(agency)
        for _, holder, _, since, until in self.handovers:
            if holder and since <= day and (until is None or day < until):
                out.add(holder)
        return out


@dataclass
class Facts:
    """The tasks by key, and the agencies each reporter text names (filled in as met)."""

    tasks: dict[str, TaskFacts]
    agencies: dict[str, str | Exception] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # agency IRI -> its name
    resolve: object = None  # text -> IRI (plangraph.query.resolve_agency bound to a store)

    def agency(self, text: str) -> str | Exception:
        if text not in self.agencies:
            try:
                self.agencies[text] = self.resolve(text) if self.resolve else KeyError(text)
            except Exception as error:  # a QueryError: shown at the cell
                self.agencies[text] = error
        return self.agencies[text]

    def task(self, key: str) -> TaskFacts | None:
        found = self.tasks.get(key)
        if found is None and ":" in key:  # a unique prefix of the file name, as `plangraph trace` takes
            file, _, line = key.rpartition(":")
            matches = [facts for k, facts in self.tasks.items()
                       if k.rpartition(":")[2] == line and k.startswith(file)]
            found = matches[0] if len(matches) == 1 else None
        return found

    def name(self, iri: str) -> str:
        return self.names.get(iri, iri.rsplit("/", 1)[-1])


def _problem(file, sheet, row: RawRow, key: str, message: str) -> Problem:
    column = BY_KEY[key]
    return Problem(file, sheet, row.number, column.letter, column.header, message)


def _day(file, sheet, row: RawRow, key: str, problems: list[Problem], required: str = "") -> dt.date | None:
    value = row.cells.get(key)
    if value is None or row.text(key) == "":
        if required:
            problems.append(_problem(file, sheet, row, key, required))
        return None
    day = parse_day(value)
    if day is None:
        problems.append(_problem(file, sheet, row, key, t("progress.not_a_date", text=row.text(key))))
    return day


def check_rows(file: str, sheet: str, rows: list[RawRow], facts: Facts) -> tuple[list[Report], list[Problem]]:
    """The reports of the rows that have a status, and every problem of every row."""
    reports: list[Report] = []
    problems: list[Problem] = []
    first_row: dict[str, int] = {}
    for row in rows:
        if row.blank("status", "completed", "note", "evidence"):
            continue  # a task the agency did not report on
        found: list[Problem] = []
        status_text = row.text("status")
        status = status_of(status_text) if status_text else None
        choices = ", ".join(s.label for s in STATUSES)
        if not status_text:
            found.append(_problem(file, sheet, row, "status", t("progress.no_status", choices=choices)))
        elif status is None:
            found.append(_problem(file, sheet, row, "status", t("progress.bad_status", text=status_text, choices=choices)))
        key = row.text("task")
        task = facts.task(key) if key else None
        if not key:
            found.append(_problem(file, sheet, row, "task", t("progress.no_key")))
        elif task is None:
            found.append(_problem(file, sheet, row, "task", t("progress.unknown_task", key=key)))
        elif task.iri in first_row:
            found.append(_problem(file, sheet, row, "task", t("progress.second_row", key=key, first=first_row[task.iri])))
        else:
            first_row[task.iri] = row.number
        reporter_text = row.text("reporter")
        agency = facts.agency(reporter_text) if reporter_text else None
        if not reporter_text:
            found.append(_problem(file, sheet, row, "reporter", t("progress.no_reporter")))
        elif isinstance(agency, Exception):
            found.append(_problem(file, sheet, row, "reporter", str(agency)))
            agency = None
        reported = _day(file, sheet, row, "report_date", found, t("progress.no_report_date"))
        completed = _day(file, sheet, row, "completed", found,
                         t("progress.no_completion") if status and status.code == "done" else "")
        if completed and status and status.code != "done":
            found.append(_problem(file, sheet, row, "completed", t("progress.completion_not_done", status=status.label)))
        if status and status.code == "replaced" and not row.text("evidence"):
            found.append(_problem(file, sheet, row, "evidence", t("progress.replaced_by")))
        if task is not None:
            issued = task.issued
            if reported and issued and reported < issued:
                found.append(_problem(file, sheet, row, "report_date", t("progress.report_before_plan", day=reported,
                                                                           plan=task.decision, issued=issued)))
            if completed and issued and completed < issued:
                found.append(_problem(file, sheet, row, "completed", t("progress.done_before_plan", day=completed,
                                                                         plan=task.decision, issued=issued)))
            if agency and reported:
                leaders = task.leaders_on(reported)
                if agency not in leaders:
                    led = ", ".join(sorted(facts.name(a) for a in leaders)) or t("progress.no_agency")
                    found.append(_problem(file, sheet, row, "reporter", t("progress.not_its_task", key=task.key,
                                                                          agency=facts.name(agency), day=reported, led=led)))
        if completed and reported and completed > reported:
            found.append(_problem(file, sheet, row, "completed", t("progress.done_after_report", day=completed,
                                                                     reported=reported)))
        if found:
            problems.extend(found)
            continue
        reports.append(Report(task.iri, task.key, agency, reported, status, completed, row.text("note"),
                              row.text("evidence"), file, sheet, row.number))
    return reports, problems


_TASKS = """
PREFIX pg: <https://w3id.org/plangraph/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT ?task ?file ?line ?decision ?issued ?lead WHERE {
  ?task a pg:Task ; pg:sourceFile ?file ; pg:sourceLine ?line ; pg:plan ?plan .
  OPTIONAL { ?task pg:leadAgency ?lead }
  OPTIONAL { ?plan pg:issuedBy ?doc . ?doc eli:id_local ?decision . OPTIONAL { ?doc eli:date_document ?issued } }
}"""
_HANDOVERS = """
PREFIX pg: <https://w3id.org/plangraph/ontology#>
SELECT ?task ?printed ?holder ?origin ?since ?until WHERE {
  ?handover pg:task ?task ; pg:role "lead" ; pg:printedAgency ?printed ; pg:fromAgency ?origin ; pg:validFrom ?since .
  OPTIONAL { ?handover pg:heldBy ?holder }
  OPTIONAL { ?handover pg:validUntil ?until }
}"""
_NAMES = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX pg: <https://w3id.org/plangraph/ontology#>
SELECT ?agency ?name WHERE { ?agency a ?kind ; skos:prefLabel ?name . VALUES ?kind { pg:Agency pg:Collective }
  FILTER(lang(?name) = "vi") }"""


def load_facts(store) -> Facts:
    """Every task's key, plan, date, leads and handovers, from the store (one query each)."""
    from ..query import resolve_agency

    rows: dict[str, dict] = {}
    for row in store.query(_TASKS):
        iri = row["task"].value
        entry = rows.setdefault(iri, {"key": f"{row['file'].value}:{row['line'].value}", "leads": set(),
                                      "decision": row["decision"].value if "decision" in row else "",
                                      "issued": dt.date.fromisoformat(row["issued"].value[:10]) if "issued" in row else None})
        if "lead" in row:
            entry["leads"].add(row["lead"].value)
    handovers: dict[str, list] = {}
    for row in store.query(_HANDOVERS):
        handovers.setdefault(row["task"].value, []).append((
            row["printed"].value, row["holder"].value if "holder" in row else None, row["origin"].value,
            dt.date.fromisoformat(row["since"].value), dt.date.fromisoformat(row["until"].value) if "until" in row else None))
    tasks = {entry["key"]: TaskFacts(iri, entry["key"], entry["decision"], entry["issued"], tuple(sorted(entry["leads"])),
                                     tuple(sorted(handovers.get(iri, ()), key=lambda h: (h[3], h[0]))))
             for iri, entry in rows.items()}
    names = {row["agency"].value: row["name"].value for row in store.query(_NAMES)}
    return Facts(tasks, names=names, resolve=lambda text: resolve_agency(store, text))
