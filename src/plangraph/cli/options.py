"""Options shared by the commands: the workspace, and what the query commands take."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from .output import FORMATS


def query_options(function):
    """--endpoint, --graph, -f/--format, --bom, --limit, --fail-on-empty, --timeout."""

    @click.option("--endpoint", metavar="URL", envvar="PLANGRAPH_ENDPOINT",
                  help="Query a SPARQL 1.1 endpoint instead of the embedded store.")
    @click.option("--graph", "graph_file", type=click.Path(path_type=Path, dir_okay=False),
                  help="Graph file for the embedded store (default: the workspace's graph).")
    @click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                  help="json: SPARQL 1.1 results JSON; jsonl: one plain record per line.")
    @click.option("--bom", is_flag=True, help="Start CSV with a byte order mark (for Excel).")
    @click.option("--limit", type=click.IntRange(min=0), help="Print at most this many rows.")
    @click.option("--fail-on-empty", is_flag=True, help="Exit 1 when there are no rows.")
    @click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
                  help="Stop a query that runs longer than this (embedded store and endpoints).")
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        return function(*args, **kwargs)

    return wrapper


def emit(result, fmt: str, bom: bool, limit: int | None, fail_on_empty: bool) -> None:
    """Print ``result`` (rows streaming through unless the format is a table), say how many
    rows on stderr, and exit 1 when asked to fail on an empty result."""
    import itertools
    import os
    import sys

    from ..store import Result, RowStream
    from .output import write_result

    if limit is not None and result.boolean is None:
        rows = itertools.islice(result, limit)  # on a stream, stops the query after `limit` rows
        result = Result(result.variables, list(rows)) if isinstance(result, Result) else RowStream(
            result.variables, rows)
    try:
        count = write_result(result, fmt, bom=bom)
        sys.stdout.flush()
    except BrokenPipeError:  # `plangraph ... | head`: the reader has what it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    if result.boolean is None:
        click.echo(f"{count} rows", err=True)
    if fail_on_empty and result.boolean is None and not count:
        sys.exit(1)


def run_sparql(store, sparql: str, fmt: str):
    """Run ``sparql``: as a stream of rows when the store can and the format allows (every
    format but the table), otherwise as a whole result."""
    if fmt != "table" and hasattr(store, "stream"):
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
    is the workspace's (beside the graph file only outside any workspace). The workspace's
    graph comes with its progress reports' graph, when there is one."""
    from ..store import open_store

    if endpoint:
        return open_store(endpoint, None, timeout)
    ws = workspace(required=graph_file is None)
    graph = graph_file or ws.graph
    also = (ws.progress_graph,) if ws and graph.resolve() == ws.graph.resolve() else ()
    return open_store(None, graph, timeout, cache_dir=ws.cache if ws else None, also=also)
