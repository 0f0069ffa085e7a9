"""``plangraph viz`` and ``plangraph export``."""

from __future__ import annotations

from pathlib import Path

import click

from ..catalogue import t
from .asof import as_of_options, as_of_params
from .errors import UserError, reports_errors
from .options import graph_of, say, store_for, workspace


@click.command()
@click.option("--agency")
@click.option("--resolution")
@click.option("--plan")
@click.option("--overview", is_flag=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--max-nodes", type=click.IntRange(min=1), default=3000, show_default=True)
@click.option("--endpoint", metavar="URL", envvar="PLANGRAPH_ENDPOINT")
@click.option("--graph", "graph_file", type=click.Path(path_type=Path, dir_okay=False))
@as_of_options
@reports_errors
def viz(agency, resolution, plan, overview, output, max_nodes, endpoint, graph_file, as_of, as_printed):
    """Write one interactive HTML view that works offline (every script is inside the file).

    The agency view answers for today (--as-of, --as-printed): the tasks it took over, and
    the bodies it took over from or passed its work to, are drawn apart.
    """
    from ..build import write_atomic
    from ..query import resolve_agency_match, resolve_document_match
    from ..text import slugify
    from ..views import html, subgraphs

    chosen = [name for name, value in (("agency", agency), ("resolution", resolution), ("plan", plan),
                                       ("overview", overview)) if value]
    if len(chosen) != 1:
        raise UserError(t("view.choose"))
    as_of_params(as_of, as_printed)  # a date, and not both
    if as_printed and not agency:
        raise UserError(t("view.as_printed"))
    store = store_for(endpoint, graph_file, 30.0)
    if agency:
        match = resolve_agency_match(store, agency)
        say(match.said())
        graph = subgraphs.agency_view(store, match.iri, as_of=as_of, as_printed=as_printed)
        name = f"agency-{slugify(agency)}"
    elif resolution:
        match = resolve_document_match(store, resolution)
        say(match.said())
        graph, name = subgraphs.resolution_view(store, match.iri), f"resolution-{slugify(resolution)}"
    elif plan:
        graph, name = subgraphs.plan_view(store, plan), f"plan-{slugify(plan)}"
        say(t("resolved", what=t("what.plan"), given=plan, found=graph.graph.get("name", plan)))
    else:
        graph, name = subgraphs.overview(store), "overview"
    if graph.number_of_nodes() > max_nodes:
        raise UserError(t("view.too_big", view=chosen[0], nodes=f"{graph.number_of_nodes():,}", limit=f"{max_nodes:,}"))
    if output is None:
        ws = workspace(required=False)
        output = (ws.reports if ws else Path()) / f"plangraph-{name}.html"
    write_atomic(output, html.render_html(graph, as_of=as_of))
    say(t("view.wrote", path=output, nodes=graph.number_of_nodes(), edges=graph.number_of_edges()))


@click.command()
@click.option("-f", "--format", "fmt", type=click.Choice(["graphml", "gexf", "jsonld", "nt", "csv", "xlsx"]),
              required=True)
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
    click.echo(t("wrote", path=output, size=f"{len(data):,}"), err=True)
