"""``plangraph query``, ``plangraph queries`` and ``plangraph sparql``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..catalogue import t
from .asof import as_of_options, as_of_params
from .errors import UserError, reports_errors
from .answer import agency_column, run_named
from .options import emit, query_options, run_sparql, store_for


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise UserError(t("param.form", item=item))
        params[name.strip()] = value
    return params


def _read_query_file(path: Path) -> str:
    """The text of a query file; a file that is not UTF-8 is refused with the line."""
    from ..errors import PlangraphError

    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PlangraphError(f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the query as UTF-8",
                             path=str(path), line=line) from None


@click.command()
@click.argument("name")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="A query parameter; repeatable.")
@as_of_options
@query_options
@reports_errors
def query(name, params, as_of, as_printed, endpoint, graph_file, fmt, bom, limit, fail_on_empty, timeout):
    """Run the named query NAME (see `plangraph queries`).

    Example: plangraph query tasks-of-agency --param agency="Sở Y tế" -f csv

    --as-of and --as-printed set the parameters of the same names, for the queries that
    take them (tasks-of-agency, workload, unassigned-after-reorganisation).
    """
    from ..query import load_query

    values = _parse_params(params)
    for key, value in as_of_params(as_of, as_printed).items():
        load_query(name).param(key)  # a query without it: say so, rather than ignore the option
        values.setdefault(key, value)
    store = store_for(endpoint, graph_file, timeout)
    found: dict = {}
    result = run_named(store, name, values, fmt, quiet=False, found=found)
    emit(result, fmt, bom, limit, fail_on_empty, name=name, store=store, columns=agency_column(name, found))


@click.command()
@click.option("-v", "--verbose", is_flag=True, help="Also show each query's question and parameters.")
@reports_errors
def queries(verbose):
    """List the named queries with what they answer."""
    from ..catalogue import current
    from ..query import list_queries, load_query

    lang = current()
    for name in list_queries():
        q = load_query(name)
        click.echo(f"{name:18} {q.shown('title', lang)}")
        if verbose:
            click.echo(f"{'':18} {q.shown('question', lang)}")
            for p in q.params:
                flag = (t("queries.required") if p.required else t("queries.default", value=p.default)
                        if p.default else t("queries.optional"))
                choices = f" ({'|'.join(p.choices)})" if p.choices else ""
                kind = t("ptype." + p.type)
                click.echo(f"{'':20}--param {p.name}=<{kind}{choices}> {flag}: {q.shown('param.' + p.name, lang)}")
            click.echo(f"{'':18} {t('queries.example', example=q.example)}\n")


@click.command()
@click.argument("text", required=False)
@click.option("-q", "--query-file", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Read the query from a file ('-' for stdin is also accepted as TEXT).")
@query_options
@reports_errors
def sparql(text, query_file, endpoint, graph_file, fmt, bom, limit, fail_on_empty, timeout):
    """Run an ad hoc SPARQL query: plangraph sparql 'SELECT ...' or -q file.rq."""
    if query_file:
        text = _read_query_file(query_file)
    elif text == "-":
        text = sys.stdin.read()
    if not text:
        raise UserError(t("sparql.give"))
    store = store_for(endpoint, graph_file, timeout)
    emit(run_sparql(store, text, fmt, ad_hoc=True), fmt, bom, limit, fail_on_empty)
