"""Options shared by the commands: the workspace, and what the query commands take."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from ..catalogue import t
from .answer import run_sparql, say, write_answer
from .errors import UserError
from ..render.output import FORMATS

__all__ = ["query_options", "emit", "say", "workspace", "graph_of", "store_for", "run_sparql"]


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


def emit(result, fmt: str, bom: bool, limit: int | None, fail_on_empty: bool, name: str | None = None,
         store=None, notes: list[str] | None = None, columns: dict | None = None) -> None:
    """:func:`.answer.write_answer`, to the ``-o`` file and with ``--all-rows`` when the
    command was given them (see :func:`query_options`)."""
    output, all_rows = click.get_current_context().meta.get("plangraph.output", (None, False))
    write_answer(result, fmt, bom, limit, fail_on_empty, name, store, notes, columns, output, all_rows)


def workspace(required: bool = True):
    """The workspace of this command: ``--workspace``, ``PLANGRAPH_WORKSPACE`` or the nearest
    ``plangraph.toml`` above the current folder; None when not ``required`` and there is none.

    Outside a workspace a command that needs one stops with one line and exit 2 (a broken
    ``plangraph.toml`` always does, naming its line).
    """
    from .answer import find_workspace

    context = click.get_current_context()
    state = context.find_root().obj if isinstance(context.find_root().obj, dict) else {}
    if "workspace" not in state:
        state["workspace"] = find_workspace(state.get("workspace_dir"), required)
    return state["workspace"]


def graph_of(graph_file: Path | None) -> Path:
    """``--graph`` when given, else the workspace's graph."""
    return graph_file or workspace().graph


def store_for(endpoint, graph_file, timeout):
    """An endpoint, or the embedded store of ``--graph`` or the workspace's graph
    (:func:`.answer.open_store_in`)."""
    from .answer import open_store_in

    return open_store_in(None if endpoint else workspace(required=graph_file is None), endpoint, graph_file, timeout)
