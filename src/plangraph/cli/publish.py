"""``plangraph publish`` and ``plangraph serve``."""

from __future__ import annotations

from pathlib import Path

import click

from .errors import reports_errors


@click.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="The SPARQL 1.1 Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store.")
@click.option("--graph", "graph_file", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Graph file (default: the workspace's graph).")
@click.option("--timeout", type=click.FloatRange(min=1), default=60.0, show_default=True)
@reports_errors
def publish(endpoint, graph_file, timeout):
    """Load the graph into a store: one named graph per source document, one for the rest,
    and one for the workspace's progress reports.

    Each named graph is replaced whole (HTTP PUT). Query the store with its union default
    graph (oxigraph: --union-default-graph; Fuseki: tdb:unionDefaultGraph).
    """
    from ..publish import publish as run
    from .options import graph_of, workspace

    reports = workspace().progress_graph if graph_file is None else None  # the workspace's reports with its plans
    done = run(endpoint, graph_of(graph_file), timeout, progress=lambda m: click.echo(m, err=True),
               reports=reports if reports is not None and reports.is_file() else None)
    click.echo(f"published {len(done)} named graphs, {sum(n for _, n in done)} triples to {endpoint}", err=True)


@click.command()
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 127.0.0.1 keeps the server on this machine (others get a warning).")
@click.option("--graph", "graph_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Graph file (default: the workspace's graph).")
@click.option("--timeout", type=click.FloatRange(min=1), default=30.0, show_default=True,
              help="The server cancels a query that runs longer than this (seconds).")
@click.option("--allow-service", is_flag=True,
              help="Run queries with SERVICE (federated queries: the server then sends requests to other hosts).")
@reports_errors
def serve(port, host, graph_file, timeout, allow_service):
    """Serve the graph read-only with oxigraph, with its web query editor.

    Open http://127.0.0.1:7878/ in a browser; the SPARQL endpoint is /query. The graph is
    reloaded when the graph file changes; SIGTERM or Ctrl-C stops the server.
    """
    from ..serve import serve as run
    from .options import workspace

    ws = workspace(required=graph_file is None)
    run(graph_file or ws.graph, host, port, timeout, allow_service, say=lambda m: click.echo(m, err=True),
        cache_dir=ws.cache if ws else None, also=(ws.progress_graph,) if ws and graph_file is None else ())
