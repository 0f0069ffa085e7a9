"""``plangraph status``, ``plangraph overdue`` and ``plangraph dashboard``: the follow-up as of a day."""

from __future__ import annotations

from pathlib import Path

import click

from ..catalogue import t, value
from .errors import reports_errors
from .options import emit, query_options, store_for, workspace
from .answer import run_named

# the columns of status.rq, in the order of its summary (their names: the catalogue's "value.category.KEY")
CATEGORIES = ("doneOnTime", "doneLate", "inProgress", "overdue", "noReport", "noDeadline", "cancelled")


def _params(as_of, agency) -> dict[str, str]:
    params = {}
    if as_of:
        params["as-of"] = as_of
    if agency:
        params["agency"] = agency
    return params


@click.command()
@click.option("--as-of", metavar="YYYY-MM-DD")
@click.option("-a", "--agency")
@click.option("--plan")
@query_options
@reports_errors
def status(as_of, agency, plan, endpoint, graph_file, fmt, bom, limit, fail_on_empty, timeout):
    """Per agency, its tasks as of a day in the Government Office's categories.

    Done on time, done late, in progress within the deadline, overdue; and those with no
    report yet (deadline not passed), no deadline, cancelled or replaced. The columns add
    up to the total. The last report on or before the day counts (query status).
    """
    store = store_for(endpoint, graph_file, timeout)
    params = _params(as_of, agency)
    if plan:
        from ..views.subgraphs import resolve_plan

        params["plan"] = resolve_plan(store, plan)
    result = run_named(store, "status", params)
    totals = {key: sum(int(row[key].value) for row in result if key in row) for key in ("total", *CATEGORIES)}
    emit(result, fmt, bom, limit, fail_on_empty, name="status", store=store)
    counts = ", ".join(f"{totals[key]} {value('category', key)}" for key in CATEGORIES)
    click.echo(t("progress.summary", total=totals["total"], counts=counts), err=True)
    _say_which_ended({row["name"].value: (row["ended"].value, int(row["total"].value))
                      for row in result if "ended" in row and "name" in row})


def _say_which_ended(ended: dict[str, tuple[str, int]]) -> None:
    """A note on stderr naming the bodies that had ended with tasks nobody took over (a
    table may hide the column that says so)."""
    if ended:
        bodies = "; ".join(t("progress.ended_body", name=name, day=day, count=count)
                           for name, (day, count) in sorted(ended.items()))
        click.echo(t("progress.ended", bodies=bodies), err=True)


@click.command()
@click.option("--as-of", metavar="YYYY-MM-DD")
@click.option("-a", "--agency")
@query_options
@reports_errors
def overdue(as_of, agency, endpoint, graph_file, fmt, bom, limit, fail_on_empty, timeout):
    """The tasks overdue as of a day: lead agency, deadline, and the last report (query overdue)."""
    store = store_for(endpoint, graph_file, timeout)
    from ..results import RowStream

    result = run_named(store, "overdue", _params(as_of, agency), fmt)
    ended: dict[str, tuple[str, int]] = {}
    seen = []

    def noting(rows):  # the rows pass through as they come (a stream stays a stream)
        for row in rows:
            if "ended" in row and "lead" in row:
                day, count = ended.get(row["lead"].value, (row["ended"].value, 0))
                ended[row["lead"].value] = (day, count + 1)
            yield row
        seen.append(True)

    emit(RowStream(result.variables, noting(result)), fmt, bom, limit, fail_on_empty, name="overdue", store=store)
    if seen:  # with --limit, the rows not shown were not counted: no note rather than a wrong one
        _say_which_ended(ended)


@click.command()
@click.option("--as-of", metavar="YYYY-MM-DD")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--endpoint", metavar="URL", envvar="PLANGRAPH_ENDPOINT")
@click.option("--graph", "graph_file", type=click.Path(path_type=Path, dir_okay=False))
@reports_errors
def dashboard(as_of, output, endpoint, graph_file):
    """Write the follow-up dashboard: per agency its categories as stacked bars, the overdue
    tasks, and each task's report history (one HTML file that works offline)."""
    import datetime as dt

    from ..atomic import write_atomic
    from ..views.dashboard import dashboard_data, render_dashboard

    day = as_of or dt.date.today().isoformat()
    store = store_for(endpoint, graph_file, 60.0)
    data = dashboard_data(store, day)
    if output is None:
        ws = workspace(required=False)
        output = (ws.reports if ws else Path()) / f"plangraph-dashboard-{day}.html"
    write_atomic(output, render_dashboard(data))
    click.echo(t("progress.dashboard_wrote", path=output, agencies=len(data["agencies"]), overdue=len(data["overdue"]),
                 day=day), err=True)
