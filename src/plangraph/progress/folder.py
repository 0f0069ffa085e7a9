"""The workspace's progress folder: report files as received, and the graph built from them.

``plangraph report import FILE`` checks FILE with every file already in the folder against
the plans' graph; when nothing is wrong it copies FILE there byte for byte (named
``<name>_<sha256 prefix>.xlsx``) and writes the progress graph again from the whole
folder. Anything wrong: every problem is named and nothing changes. A file whose reports
are all recorded already (the same file again, or the same rows in another file) changes
nothing either.

A report is one task on one day: the same report in two files is one report (the first
file, by name, is where it was read); two different reports on one task on one day are a
problem (a correction is a new report with a later date: the old one is kept in the
history).

Example:
    >>> stored_name(Path("Báo cáo Sở Y tế Q4.xlsx"), b"...")
    'bao-cao-so-y-te-q4_ab5df625bc76dbd4.xlsx'
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import locked_folder, write_atomic
from ..catalogue import t
from ..text import slugify
from . import ImportRefused, Problem, ProgressError
from .check import Facts, Report, check_rows
from .sheet import BY_KEY, read_sheet

__all__ = ["SUFFIXES", "report_files", "stored_name", "FolderReports", "read_folder", "import_file", "build"]

SUFFIXES = (".xlsx", ".csv")


def report_files(folder: Path) -> list[Path]:
    """The report files of the folder, by name."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file()
                  and not p.name.startswith((".", "~$")))


def stored_name(path: Path, data: bytes) -> str:
    """The name a received file is kept under: its own (as a slug) and its SHA-256's first 16 digits."""
    return f"{slugify(path.stem)[:60] or 'report'}_{hashlib.sha256(data).hexdigest()[:16]}{path.suffix.lower()}"


@dataclass
class FolderReports:
    """The reports of a set of files: one per task and day, and what was set aside."""

    reports: list[Report] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # name -> SHA-256
    problems: dict[str, list[Problem]] = field(default_factory=dict)  # file -> its problems
    repeated: dict[str, int] = field(default_factory=dict)  # file -> its reports already read from another
    read: dict[str, int] = field(default_factory=dict)  # file -> its new reports

    def __post_init__(self):
        self._by_day: dict[tuple[str, object], Report] = {}

    def add_file(self, path: Path, name: str, facts: Facts) -> None:
        data = path.read_bytes()
        sheet, rows, problems = read_sheet(path, name)
        reports, more = check_rows(name, sheet, rows, facts) if not problems else ([], [])
        problems = problems + more
        new, repeated = [], 0
        for report in reports:
            known = self._by_day.get((report.task, report.date))
            if known is None:
                new.append(report)
            elif known.content() == report.content():
                repeated += 1
            else:
                problems.append(Problem(name, sheet, report.row, BY_KEY["report_date"].letter, BY_KEY["report_date"].header,
                                        t("progress.different_report", key=report.key, day=report.date,
                                          where=known.where)))
        self.files[name] = hashlib.sha256(data).hexdigest()
        if problems:
            self.problems[name] = problems
            return
        for report in new:
            self._by_day[(report.task, report.date)] = report
        self.reports.extend(new)
        self.read[name], self.repeated[name] = len(new), repeated


def read_folder(folder: Path, facts: Facts) -> FolderReports:
    """Every report of the folder's files (problems kept per file)."""
    found = FolderReports()
    for path in report_files(folder):
        found.add_file(path, path.name, facts)
    return found


def _refuse_folder(found: FolderReports) -> None:
    """A file of the folder with problems stops everything (the plans' graph changed under it?)."""
    if found.problems:
        raise ImportRefused(next(iter(found.problems)), [p for ps in found.problems.values() for p in ps])


@dataclass
class ImportResult:
    """What an import did."""

    stored: Path | None  # the file as kept in the folder; None when nothing changed
    added: int
    repeated: int
    reports: int  # in the folder, after
    graph_changed: bool


def import_file(path: Path, folder: Path, graph_file: Path, facts: Facts) -> ImportResult:
    """Check ``path`` with the folder's files; if nothing is wrong and it adds a report, keep it
    and write the progress graph.

    Raises:
        ImportRefused: every problem of the file (and of the folder's files, if any has one).
        ProgressError: a file that cannot be read.
    """
    from .graph import progress_turtle

    data = path.read_bytes()
    name = stored_name(path, data)
    with locked_folder(folder):
        found = read_folder(folder, facts)
        _refuse_folder(found)
        digest = hashlib.sha256(data).hexdigest()
        same = next((n for n, d in found.files.items() if d == digest), None)
        if same is not None:  # this very file is kept already
            return ImportResult(folder / same, 0, found.read.get(same, 0) + found.repeated.get(same, 0),
                                len(found.reports), _write_graph(graph_file, progress_turtle(found.reports, found.files)))
        found.add_file(path, path.name, facts)
        if path.name in found.problems:
            raise ImportRefused(path.name, found.problems[path.name])
        added, repeated = found.read.pop(path.name), found.repeated.pop(path.name)
        del found.files[path.name]
        if not added:
            return ImportResult(None, 0, repeated, len(found.reports),
                                _write_graph(graph_file, progress_turtle(found.reports, found.files)))
        # read under the name the user gave (so that problems name it), kept under its stored name
        reports = [r if r.file != path.name else dataclasses.replace(r, file=name) for r in found.reports]
        found.files[name] = digest
        turtle = progress_turtle(reports, dict(sorted(found.files.items())))
        target = folder / name
        write_atomic(target, data)
        try:
            _write_graph(graph_file, turtle)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(target)
            raise
        return ImportResult(target, added, repeated, len(found.reports), True)


def _write_graph(graph_file: Path, turtle: str) -> bool:
    """Write the progress graph if it differs from the file; True when written."""
    try:
        if graph_file.read_text(encoding="utf-8") == turtle:
            return False
    except FileNotFoundError:
        pass
    write_atomic(graph_file, turtle)
    return True


def build(folder: Path, graph_file: Path, facts: Facts, check: bool = False) -> tuple[FolderReports, bool]:
    """The progress graph from the folder's files; returns them and whether the file changed
    (with ``check``: whether it would, nothing written).

    Raises:
        ImportRefused: a file of the folder has problems (nothing is written).
    """
    from .graph import progress_turtle

    with locked_folder(folder) if folder.is_dir() else contextlib.nullcontext():
        found = read_folder(folder, facts)
        _refuse_folder(found)
        turtle = progress_turtle(found.reports, found.files)
        if check:
            try:
                return found, graph_file.read_text(encoding="utf-8") != turtle
            except FileNotFoundError:
                return found, bool(found.reports)
        if not found.files and not graph_file.exists():
            return found, False
        return found, _write_graph(graph_file, turtle)
