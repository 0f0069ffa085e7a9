"""Options shared by the commands: the workspace, and what the query commands take."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from ..catalogue import t
from .errors import UserError
from .output import FORMATS


def query_options(function):
    """--endpoint, --graph, -f/--format, --wide, --all-rows, -o, --bom, --limit,
    --fail-on-empty, --timeout (their help is the catalogue's "opt.NAME")."""

    @click.option("--endpoint", metavar="URL", envvar="PLANGRAPH_ENDPOINT")
    @click.option("--graph", "graph_file", type=click.Path(path_type=Path, dir_okay=False))
    @click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
    @click.option("--wide", is_flag=True)
    @click.option("--all-rows", is_flag=True)
    @click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False))
    @click.option("--bom", is_flag=True, hidden=True)
    @click.option("--limit", type=click.IntRange(min=0))
    @click.option("--fail-on-empty", is_flag=True)
    @click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True)
    @functools.wraps(function)
    def wrapper(*args, wide=False, all_rows=False, output=None, **kwargs):
        if wide and kwargs.get("fmt") == "table":
            kwargs["fmt"] = "wide"
        if kwargs.get("fmt") == "xlsx" and output is None and sys.stdout.isatty():
            raise UserError(t("xlsx.needs_file"))
        click.get_current_context().meta["plangraph.output"] = (output, all_rows)
        return function(*args, **kwargs)

    return wrapper


def say(message: str) -> None:
    """A message for the reader, on stderr (stdout is the data)."""
    click.echo(message, err=True)


def emit(result, fmt: str, bom: bool, limit: int | None, fail_on_empty: bool, name: str | None = None,
         store=None, notes: list[str] | None = None, columns: dict[str, str] | None = None) -> None:
    """Print ``result`` (rows streaming through in the formats for programs), say on stderr
    what was left out or folded and how many rows, and exit 1 when asked to fail on an
    empty result. ``name``: the named query it answers (how people read it); ``columns``:
    variables with one value for every row that people should see too (the agency)."""
    import itertools
    import os

    from ..store import Result, RowStream
    from .output import FOR_PEOPLE, write_result

    output, all_rows = click.get_current_context().meta.get("plangraph.output", (None, False))
    notes = list(notes or [])
    if limit is not None and result.boolean is None:
        rows = itertools.islice(result, limit)  # on a stream, stops the query after `limit` rows
        result = Result(result.variables, list(rows)) if isinstance(result, Result) else RowStream(
            result.variables, rows)
    if fmt in FOR_PEOPLE and result.boolean is None:
        result = for_people(store, result, name, columns or {})
    if fmt in ("csv", "xlsx") and store is not None and result.boolean is None:
        result = with_task_details(store, result, name)
    try:
        if fmt == "xlsx":
            from .xlsx import workbook_bytes

            data, count = workbook_bytes(result if isinstance(result, Result) else Result(result.variables,
                                                                                          list(result)),
                                         name, all_rows, notes)
            if output is not None:
                from ..atomic import write_atomic

                write_atomic(output, data)
            else:
                sys.stdout.buffer.write(data)
        elif output is not None:
            import io

            text = io.StringIO()
            count = write_result(result, fmt, out=text, name=name, all_rows=all_rows, notes=notes)
            from ..atomic import write_atomic

            write_atomic(output, text.getvalue())
        else:
            count = write_result(result, fmt, out=sys.stdout, name=name, all_rows=all_rows, notes=notes)
        sys.stdout.flush()
    except BrokenPipeError:  # `plangraph ... | head`: the reader has what it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    for note in notes:
        say(note)
    if result.boolean is None:
        say(t("rows", count=count) + (f" → {output}" if output is not None else ""))
    if fail_on_empty and result.boolean is None and not count:
        sys.exit(1)


def for_people(store, result, name: str | None, columns: dict[str, str]):
    """``result`` with what the formats for people add: ``columns`` (first), and for a view
    that folds appendix rows, ``?restates`` (the body task each restates) when the query
    does not give it (looked up here, so that the query itself costs no more)."""
    from ..store import Result, Term
    from .present import view_for

    rows = list(result)
    variables = list(result.variables)
    if view_for(name, variables).fold and "restates" not in variables and store is not None:
        from ..query import iri_term

        tasks = sorted({row["task"].value for row in rows if "task" in row})
        if tasks:
            query = ("PREFIX pg: <https://w3id.org/plangraph/ontology#>\nSELECT ?task ?restates WHERE { VALUES ?task { "
                     + " ".join(iri_term(t) for t in tasks) + " } ?task pg:details ?restates }")
            restated = {row["task"].value: row["restates"] for row in store.query(query)}
            rows = [{**row, "restates": restated[row["task"].value]} if "task" in row and row["task"].value in restated
                    else row for row in rows]
        variables.append("restates")
    if columns:
        rows = [{**{k: Term("literal", v) for k, v in columns.items()}, **row} for row in rows]
        variables = [*columns, *(v for v in variables if v not in columns)]
    return Result(variables, rows)


def with_task_details(store, result, name: str | None):
    """``result`` with each task's row of the export layout joined in (for CSV and xlsx:
    the same columns as ``export -f csv``), when the view of ``name`` asks for it."""
    from ..store import Result
    from .present import view_for

    if not view_for(name, list(result.variables)).details:
        return result
    from ..views.export import TASK_COLUMNS, task_rows

    rows = list(result)
    details = task_rows(store, sorted({row["task"].value for row in rows if "task" in row}))
    joined = [{**details.get(row["task"].value, {}), **row} if "task" in row else row for row in rows]
    variables = list(result.variables) + [v for v in TASK_COLUMNS if v not in result.variables]
    return Result(variables, joined)


def run_sparql(store, sparql: str, fmt: str, ad_hoc: bool = False):
    """Run ``sparql``: as a stream of rows when the store can and the format is one for
    programs (tsv, json, jsonl; and csv for an ``ad_hoc`` query, which is not sorted or
    folded), otherwise as a whole result."""
    if (fmt in ("tsv", "json", "jsonl") or (ad_hoc and fmt == "csv")) and hasattr(store, "stream"):
        return store.stream(sparql)
    return store.query(sparql)


def workspace(required: bool = True):
    """The workspace of this command: ``--workspace``, ``PLANGRAPH_WORKSPACE`` or the nearest
    ``plangraph.toml`` above the current folder; None when not ``required`` and there is none.

    Outside a workspace a command that needs one stops with one line and exit 2 (a broken
    ``plangraph.toml`` always does, naming its line).
    """
    from ..workspace import NotInWorkspace, find

    context = click.get_current_context()
    state = context.find_root().obj if isinstance(context.find_root().obj, dict) else {}
    if "workspace" not in state:
        try:
            state["workspace"] = find(explicit=state.get("workspace_dir"))
        except NotInWorkspace:
            if required or state.get("workspace_dir"):
                raise
            state["workspace"] = None
    return state["workspace"]


def graph_of(graph_file: Path | None) -> Path:
    """``--graph`` when given, else the workspace's graph."""
    return graph_file or workspace().graph


def store_for(endpoint, graph_file, timeout):
    """An endpoint, or the embedded store of ``--graph`` or the workspace's graph, whose cache
    is the workspace's (beside the graph file only outside any workspace)."""
    from ..store import open_store

    if endpoint:
        return open_store(endpoint, None, timeout)
    ws = workspace(required=graph_file is None)
    return open_store(None, graph_file or ws.graph, timeout, cache_dir=ws.cache if ws else None)
