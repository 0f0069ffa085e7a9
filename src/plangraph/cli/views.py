"""``plangraph viz`` and ``plangraph export``."""

from __future__ import annotations

from pathlib import Path

import click

from .asof import as_of_options, as_of_params
from .errors import UserError, reports_errors
from .options import graph_of, store_for, workspace


@click.command()
@click.option("--agency", help="An agency: its tasks, their plans and resolutions, its partners.")
@click.option("--resolution", help="A resolution (58-NQ/TW): the programmes, plans, tasks and agencies under it.")
@click.option("--plan", help="A plan, by its decision (913/QĐ-UBND or 913) or file name.")
@click.option("--overview", is_flag=True, help="Resolutions, plans and agencies, edges weighted by tasks.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="HTML file to write (default: plangraph-<view>.html in the workspace's reports folder).")
@click.option("--max-nodes", type=click.IntRange(min=1), default=3000, show_default=True,
              help="Refuse a larger view: a browser cannot show it usefully (and its layout is quadratic).")
@click.option("--endpoint", metavar="URL", envvar="PLANGRAPH_ENDPOINT", help="Read from a SPARQL endpoint.")
@click.option("--graph", "graph_file", type=click.Path(path_type=Path, dir_okay=False))
@as_of_options
@reports_errors
def viz(agency, resolution, plan, overview, output, max_nodes, endpoint, graph_file, as_of, as_printed):
    """Write one interactive HTML view that works offline (every script is inside the file).

    The agency view answers for today (--as-of, --as-printed): the tasks it took over, and
    the bodies it took over from or passed its work to, are drawn apart.
    """
    from ..build import write_atomic
    from ..text import slugify
    from ..views import html, subgraphs

    chosen = [name for name, value in (("agency", agency), ("resolution", resolution), ("plan", plan),
                                       ("overview", overview)) if value]
    if len(chosen) != 1:
        raise UserError("choose one view: --agency, --resolution, --plan or --overview")
    as_of_params(as_of, as_printed)  # checks them
    if (as_of or as_printed) and not agency:
        raise UserError("--as-of and --as-printed are for the agency view (--agency)")
    store = store_for(endpoint, graph_file, 30.0)
    if agency:
        graph = subgraphs.agency_view(store, agency, as_of=as_of, as_printed=as_printed)
        name = f"agency-{slugify(agency)}"
    elif resolution:
        graph, name = subgraphs.resolution_view(store, resolution), f"resolution-{slugify(resolution)}"
    elif plan:
        graph, name = subgraphs.plan_view(store, plan), f"plan-{slugify(plan)}"
    else:
        graph, name = subgraphs.overview(store), "overview"
    if graph.number_of_nodes() > max_nodes:
        raise UserError(f"the {chosen[0]} view would have {graph.number_of_nodes():,} nodes, more than --max-nodes "
                        f"{max_nodes:,}: choose a smaller view (one plan, one resolution) or use Gephi "
                        f"(plangraph export -f gexf)")
    if output is None:
        ws = workspace(required=False)
        output = (ws.reports if ws else Path()) / f"plangraph-{name}.html"
    write_atomic(output, html.render_html(graph))
    click.echo(f"wrote {output}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges", err=True)


@click.command()
@click.option("-f", "--format", "fmt", type=click.Choice(["graphml", "gexf", "jsonld", "nt", "csv"]), required=True,
              help="graphml/gexf: the task network for Gephi; jsonld/nt: the RDF graph; csv: one row per task.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@click.option("--graph", "graph_file", type=click.Path(path_type=Path, dir_okay=False))
@reports_errors
def export(fmt, output, graph_file):
    """Export the graph for Gephi, other RDF tools or spreadsheets."""
    from ..build import write_atomic
    from ..views.export import export as run

    store = store_for(None, graph_file, 30.0)
    data = run(store, fmt, graph_of(graph_file))
    write_atomic(output, data)
    click.echo(f"wrote {output} ({len(data):,} bytes)", err=True)
