"""Follow-up: the agencies' progress reports on their tasks, as data beside the plans' graph.

Each quarter the planning department asks every agency where its tasks stand. plangraph
writes each agency a spreadsheet of its open tasks (:mod:`.sheet`), reads it back filled
in (:mod:`.check`: all or nothing, every bad cell named), keeps the file as received in the
workspace's ``progress`` folder and builds every report of the folder into the progress
graph (:mod:`.graph`, :mod:`.folder`), a file of its own beside the plans' graph, which
stays byte for byte what the plans give. The embedded store loads both.

A report is a ``pg:ProgressReport`` (a ``prov:Entity``) on one task (``pg:reportOn``),
attributed to the agency (``prov:wasAttributedTo``), dated (``pg:reportDate``,
``prov:generatedAtTime``), with a status, a completion date when done, a note and the
document that shows it. Every report is kept: a newer one on the same task is a
``prov:wasRevisionOf`` the one before it, and answers "as of" questions from its own date
on (``queries/status.rq``, ``queries/overdue.rq``).

Example:
    >>> status_of("đã hoàn thành").code, status_of("Done").term
    ('done', 'Done')
    >>> status_of("xong") is None
    True
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import PlangraphError
from ..text import fold, nfc

__all__ = ["Status", "STATUSES", "status_of", "ProgressError", "ImportRefused", "Problem"]


@dataclass(frozen=True)
class Status:
    """One status an agency may report."""

    code: str  # "done"
    term: str  # the ontology's local name: pg:Done
    label: str  # the Vietnamese label, as the template's drop-down list shows it
    english: str

    @property
    def iri(self) -> str:
        return "https://w3id.org/plangraph/ontology#" + self.term


STATUSES = (
    Status("done", "Done", "Đã hoàn thành", "done"),
    Status("in-progress", "InProgress", "Đang thực hiện", "in progress"),
    Status("not-started", "NotStarted", "Chưa thực hiện", "not started"),
    Status("cancelled", "Cancelled", "Dừng thực hiện", "cancelled"),
    Status("replaced", "Replaced", "Được thay thế", "replaced by another document"),
)
CLOSED = ("done", "cancelled", "replaced")  # a task reported so is no longer open


def status_of(text: str) -> Status | None:
    """The status a cell names: its Vietnamese label or English name, in any case, with or
    without diacritics; None when it names none."""
    wanted = " ".join(fold(nfc(str(text))).replace("-", " ").split())
    for status in STATUSES:
        names = (status.label, status.english, status.code, status.term)
        if wanted in {" ".join(fold(name).replace("-", " ").split()) for name in names}:
            return status
    return None


class ProgressError(PlangraphError):
    """A progress file or folder that cannot be used."""


@dataclass(frozen=True)
class Problem:
    """One bad input in a report file: where (sheet, row, column) and what."""

    file: str
    sheet: str
    row: int
    column: str  # the column's letter ("H"), "" for the whole row
    header: str  # the column's name ("Tình trạng")
    message: str

    def __str__(self) -> str:
        from ..catalogue import t

        where = t("progress.at", file=self.file, sheet=self.sheet, row=self.row)
        if self.column:
            where += t("progress.at_column", column=self.column) + (f" ({self.header})" if self.header else "")
        return f"{where}: {self.message}"


class ImportRefused(ProgressError):
    """A report file with bad input: every problem, and nothing imported."""

    def __init__(self, file: str, problems: list[Problem]):
        self.problems = problems
        from ..catalogue import plural, t

        super().__init__(t("progress.refused", problems=plural(len(problems), "noun.problem")), path=file)
