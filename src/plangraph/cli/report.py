"""``plangraph report``: the agencies' progress reports, by spreadsheet (template, import, build, history)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from ..catalogue import t
from .errors import UserError, reports_errors
from .options import emit, query_options, store_for, workspace


def _day(value: str | None) -> dt.date:
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(t("progress.as_of", value=value)) from None


@click.group()
def report():
    """Progress reports (help: the catalogue's "report", "report template" ...)."""


@report.command()
@click.option("-a", "--agency", required=True)
@click.option("--as-of", metavar="YYYY-MM-DD")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False))
@reports_errors
def template(agency, as_of, output):
    """Write the workbook an agency fills in: one row per task it leads that is still open.

    Its columns say which task (key, plan, text, deadline) and leave the status (a
    drop-down list), completion date, note and evidence to fill in; the header is frozen.
    """
    from ..atomic import write_atomic
    from ..progress.sheet import write_template
    from ..query import resolve_agency
    from ..text import slugify
    from .answer import run_named

    day = _day(as_of)
    store = store_for(None, None, 60.0)
    iri = resolve_agency(store, agency)
    name, reporter = _reporter(store, iri)
    result = run_named(store, "open-tasks", {"agency": iri, "as-of": day.isoformat()})
    rows = []
    for row in result:
        deadline = row["deadline"].value if "deadline" in row else None
        rows.append({"task": row["source"].value, "plan": row["decision"].value if "decision" in row else "",
                     "text": row["text"].value, "deadline_text": row["deadlineText"].value if "deadlineText" in row else "",
                     "deadline": dt.date.fromisoformat(deadline) if deadline else None,
                     "reporter": reporter, "report_date": day})
    output = output or Path(f"bao-cao-{slugify(name)}-{day.isoformat()}.xlsx")
    write_atomic(output, write_template(rows, f"Báo cáo tiến độ thực hiện nhiệm vụ: {reporter}, ngày {day:%d/%m/%Y}"))
    click.echo(t("progress.template_wrote", path=output, count=len(rows), agency=reporter, day=day), err=True)


def _reporter(store, iri: str) -> tuple[str, str]:
    """The agency's name, and how the sheet names it so that it resolves back to it alone
    (with its province when the name alone names several)."""
    from ..query import PG, QueryError, iri_term, resolve_agency

    rows = store.query(f"""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name ?place WHERE {{ {iri_term(iri)} skos:prefLabel ?name FILTER(lang(?name) = "vi")
  OPTIONAL {{ {iri_term(iri)} <{PG}jurisdiction>/rdfs:label ?place }} }}""")
    name = rows.rows[0]["name"].value if rows.rows else iri.rsplit("/", 1)[-1]
    place = rows.rows[0]["place"].value if rows.rows and "place" in rows.rows[0] else ""
    for text in (name, f"{name} {place}".strip()):
        try:
            if resolve_agency(store, text) == iri:
                return name, text
        except QueryError:
            continue
    return name, iri.split("/id/", 1)[-1].split("/", 1)[-1]  # the short id: "thanh-hoa/so-y-te"


@report.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@reports_errors
def import_(file):
    """Import a filled-in report workbook (or CSV) into the workspace: all or nothing.

    Every problem is named with its sheet, row and column, and then nothing is imported
    (exit 2). The file is kept in the progress folder as received and the progress graph
    is written again. Importing a file whose reports are recorded already changes nothing.
    """
    from ..progress import ImportRefused
    from ..progress.check import load_facts
    from ..progress.folder import import_file

    ws = workspace()
    store = store_for(None, None, 120.0)
    try:
        result = import_file(file, ws.progress, ws.progress_graph, load_facts(store))
    except ImportRefused as refused:
        _say_problems(refused)
        raise
    if result.added:
        repeated = t("progress.repeated", count=result.repeated) if result.repeated else ""
        click.echo(t("progress.imported", added=result.added, file=file, stored=ws.relative(result.stored),
                     repeated=repeated, graph=ws.relative(ws.progress_graph), reports=result.reports), err=True)
    else:
        where = t("progress.kept_as", stored=ws.relative(result.stored)) if result.stored else ""
        click.echo(t("progress.nothing_new", file=file, where=where, count=result.repeated), err=True)


def _say_problems(refused) -> None:
    for problem in refused.problems:
        click.echo(t("progress.error", problem=problem), err=True)


@report.command("build")
@click.option("--check", is_flag=True)
@reports_errors
def build_(check):
    """Build the progress graph again from the report files of the progress folder
    (after a rebuild of the plans' graph: every file is checked against it again)."""
    from ..errors import EXIT_FINDINGS
    from ..progress import ImportRefused
    from ..progress.check import load_facts
    from ..progress.folder import build

    ws = workspace()
    store = store_for(None, None, 120.0)
    try:
        found, changed = build(ws.progress, ws.progress_graph, load_facts(store), check=check)
    except ImportRefused as refused:
        _say_problems(refused)
        raise
    target = ws.relative(ws.progress_graph)
    if check:
        click.echo(t("progress.differs" if changed else "progress.up_to_date", graph=target, count=len(found.files)),
                   err=True)
        if changed:
            sys.exit(EXIT_FINDINGS)
        return
    click.echo(t("progress.built" if changed else "progress.unchanged", graph=target, reports=len(found.reports),
                 files=len(found.files)), err=True)


@report.command()
@click.argument("task")
@query_options
@reports_errors
def history(task, endpoint, graph_file, fmt, bom, limit, fail_on_empty, timeout):
    """Every report on TASK (FILE:LINE or IRI), oldest first, and when each was superseded."""
    from .answer import run_named

    store = store_for(endpoint, graph_file, timeout)
    emit(run_named(store, "task-history", {"task": task}, fmt), fmt, bom, limit, fail_on_empty, name="task-history",
         store=store)
