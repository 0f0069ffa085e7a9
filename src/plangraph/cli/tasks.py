"""Shortcuts: ``plangraph tasks``, ``plangraph trace`` and ``plangraph agency``."""

from __future__ import annotations

import click

from .asof import as_of_options, as_of_params, succession_note
from .errors import reports_errors
from .options import emit, query_options, store_for
from .query import run_named


@click.command()
@click.option("-a", "--agency", required=True, help='The agency: "Sở Y tế", "so y te", "KH&ĐT" or an IRI.')
@click.option("--role", type=click.Choice(["both", "lead", "coordinating"]), default="both", show_default=True)
@click.option("--collectives", is_flag=True, help="Also count tasks given to a collective the agency belongs to.")
@click.option("--from", "from_", metavar="YYYY-MM-DD", help="Only deadlines on or after this day.")
@click.option("--to", metavar="YYYY-MM-DD", help="Only deadlines on or before this day.")
@as_of_options
@query_options
@reports_errors
def tasks(agency, role, collectives, from_, to, as_of, as_printed, endpoint, graph_file, fmt, bom, limit,
          fail_on_empty, timeout):
    """Every task an agency holds, across all plans (query tasks-of-agency): today, unless
    --as-of or --as-printed; a task it took over says from whom ("inherited from ...")."""
    from ..query import resolve_agency

    params = {"agency": agency, "role": role, "collectives": str(collectives).lower(),
              **as_of_params(as_of, as_printed)}
    if from_:
        params["from"] = from_
    if to:
        params["to"] = to
    store = store_for(endpoint, graph_file, timeout)
    note = succession_note(store, resolve_agency(store, agency), as_of, as_printed)
    if note:
        click.echo(note, err=True)
    emit(run_named(store, "tasks-of-agency", params, fmt), fmt, bom, limit, fail_on_empty)


@click.command()
@click.argument("task")
@query_options
@reports_errors
def trace(task, endpoint, graph_file, fmt, bom, limit, fail_on_empty, timeout):
    """The chain of TASK (IRI or FILE:LINE, e.g. 004:97) up to the top resolutions."""
    store = store_for(endpoint, graph_file, timeout)
    emit(run_named(store, "trace", {"task": task}, fmt), fmt, bom, limit, fail_on_empty)


@click.command()
@click.argument("name")
@query_options
@reports_errors
def agency(name, endpoint, graph_file, fmt, bom, limit, fail_on_empty, timeout):
    """Find agencies by NAME: any case, with or without diacritics, abbreviations, prefixes."""
    from ..query import find_agencies
    from ..store import Result, Term

    store = store_for(endpoint, graph_file, timeout)
    matches = find_agencies(store, name, limit=limit or 10)
    rows = [{"name": Term("literal", m.name), "score": Term("literal", str(m.score)),
             "matched": Term("literal", m.matched), "kind": Term("literal", "collective" if m.collective else "agency"),
             "iri": Term("uri", m.iri)} for m in matches]
    emit(Result(["name", "score", "matched", "kind", "iri"], rows), fmt, bom, None, fail_on_empty)
