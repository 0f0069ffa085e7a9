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
    """Load the graph into a store: one named graph per source document, one for the rest.

    Each named graph is replaced whole (HTTP PUT). Query the store with its union default
    graph (oxigraph: --union-default-graph; Fuseki: tdb:unionDefaultGraph).
    """
    from ..publish import publish as run
    from .options import graph_of

    done = run(endpoint, graph_of(graph_file), timeout, progress=lambda m: click.echo(m, err=True))
    click.echo(f"published {len(done)} named graphs, {sum(n for _, n in done)} triples to {endpoint}", err=True)


@click.command()
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 127.0.0.1 keeps the server on this machine.")
@click.option("--graph", "graph_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Graph file (default: the workspace's graph).")
@reports_errors
def serve(port, host, graph_file):
    """Serve the graph read-only with oxigraph, with its web query editor.

    Open http://127.0.0.1:7878/ in a browser; the SPARQL endpoint is /query.
    """
    from ..publish import start_server
    from .options import store_for

    store = store_for(None, graph_file, None)  # the embedded store, its cache in the workspace
    store.open()
    location = store.location
    store.close()
    process = start_server(location, port, read_only=True, host=host)
    click.echo(f"serving {location} read-only on http://{host}:{port}/ (SPARQL: /query); Ctrl-C stops", err=True)
    try:
        process.wait()
    except KeyboardInterrupt:
        process.terminate()
        process.wait(timeout=10)
