"""What an agency owes: the work of ``plangraph tasks``, free of click.

The click command (:func:`plangraph.cli.tasks.tasks`) and the quick path
(:mod:`plangraph.cli.quick`) both call :func:`answer_tasks`, so that the answer is the
same whichever of them read the command line.
"""

from __future__ import annotations

from ..catalogue import t
from .answer import agency_column, check_range, run_named, say, write_answer
from .asof import as_of_params, succession_note

TYPE_CHECKING = False  # (for the annotations only: importing typing and pathlib costs a query command ~9 ms)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Callable

__all__ = ["answer_tasks", "window"]


def window(rows, start: str | None, end: str | None, undated: bool) -> tuple[list, list[str]]:
    """The rows whose deadline is in [start, end] (and the undated ones when ``undated``),
    and what the reader should be told was left out (counted in tasks, not rows)."""
    kept, without, outside = [], set(), set()
    for row in rows:
        deadline = row["deadline"].value if "deadline" in row else None
        if deadline is None:
            if undated:
                kept.append(row)
            else:
                without.add(row["task"].value)
        elif (start and deadline < start) or (end and deadline > end):
            outside.add(row["task"].value)
        else:
            kept.append(row)
    notes = []
    if outside:
        notes.append(t("dropped.outside", count=len(outside), window=f"{start or '…'} – {end or '…'}"))
    if without:
        notes.append(t("dropped.undated", count=len(without)))
    return kept, notes


def answer_tasks(open_store: Callable[[], object], agency: str, role: str = "both", collectives: bool = False, from_: str | None = None,
                 to: str | None = None, undated: bool = False, as_of: str | None = None, as_printed: bool = False,
                 fmt: str = "table", bom: bool = False, limit: int | None = None, fail_on_empty: bool = False,
                 output: Path | None = None, all_rows: bool = False) -> None:
    """Every task ``agency`` holds, across all plans (query tasks-of-agency), written as
    ``fmt``: today, unless ``as_of`` or ``as_printed``; ``from_``/``to`` keep a window of
    deadlines and say how many tasks they leave out, and why. ``open_store`` is called once
    the dates are known to be days (a bad date is said before a missing workspace)."""
    from ..query import Param, term_for
    from ..store import Result

    for name, day in (("from", from_), ("to", to)):
        if day:
            term_for(Param(name, "date", name), day)  # a date, or a one-line error
    check_range(from_, to)
    store = open_store()
    params = {"agency": agency, "role": role, "collectives": str(collectives).lower(),
              **as_of_params(as_of, as_printed)}
    found: dict = {}
    result = run_named(store, "tasks-of-agency", params, fmt, quiet=False, found=found)
    note = succession_note(store, found["agency"].iri, as_of, as_printed)
    if note:
        say(note)
    notes = []
    if from_ or to:  # in Python, so that what the window leaves out can be counted
        rows, notes = window(result, from_, to, undated)
        result = Result(list(result.variables), rows)
    write_answer(result, fmt, bom, limit, fail_on_empty, name="tasks-of-agency", store=store, notes=notes,
                 columns=agency_column("tasks-of-agency", found), output=output, all_rows=all_rows)
