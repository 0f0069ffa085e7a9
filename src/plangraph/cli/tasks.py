"""Shortcuts: ``plangraph tasks``, ``plangraph trace`` and ``plangraph agency``."""

from __future__ import annotations

import click

from ..catalogue import t
from .agency_tasks import answer_tasks
from .answer import run_named
from .asof import as_of_options
from .errors import reports_errors
from .options import emit, query_options, say, store_for


@click.command()
@click.option("-a", "--agency", required=True)
@click.option("--role", type=click.Choice(["both", "lead", "coordinating"]), default="both", show_default=True)
@click.option("--collectives", is_flag=True)
@click.option("--from", "from_", metavar="YYYY-MM-DD")
@click.option("--to", metavar="YYYY-MM-DD")
@click.option("--undated", is_flag=True)
@as_of_options
@query_options
@reports_errors
def tasks(agency, role, collectives, from_, to, undated, as_of, as_printed, endpoint, graph_file, fmt, bom, limit,
          fail_on_empty, timeout):
    """Every task an agency holds, across all plans (query tasks-of-agency), by deadline:
    today, unless --as-of or --as-printed; a task it took over says from whom ("inherited
    from ..."); --from/--to say how many tasks they leave out, and why."""
    output, all_rows = click.get_current_context().meta.get("plangraph.output", (None, False))
    answer_tasks(lambda: store_for(endpoint, graph_file, timeout), agency, role, collectives, from_, to, undated, as_of,
                 as_printed, fmt, bom, limit, fail_on_empty, output, all_rows)


_RESTATED_BY = """PREFIX pg: <https://w3id.org/plangraph/ontology#>
SELECT ?file ?line WHERE { ?row pg:details ?task ; pg:sourceFile ?file ; pg:sourceLine ?line . #@values
} ORDER BY ?file ?line"""


def task_card(store, iri: str, width: int) -> list[str]:
    """Who leads the task, who coordinates, by when, with which output, and the appendix
    rows that restate it: the lines above the chain of ``trace``."""
    from ..query import iri_term, short_file
    from ..views.export import task_rows
    from ..render.table import text_width, wrap

    row = {k: term.value for k, term in task_rows(store, [iri]).get(iri, {}).items()}
    if not row:
        return []
    restated = [f"{r['file'].value}:{r['line'].value}" for r in
                store.query(_RESTATED_BY.replace("#@values", f"VALUES ?task {{ {iri_term(iri)} }}"))]
    files = sorted({row["file"], *(s.rpartition(":")[0] for s in restated)})
    short = lambda source: f"{short_file(source.rpartition(':')[0], files)}:{source.rpartition(':')[2]}"  # noqa: E731
    deadline = row.get("deadline", "")
    if row.get("deadlineText"):
        deadline = f"{deadline} ({row['deadlineText']})" if deadline else row["deadlineText"]
    fields = [(t("trace.lead"), row.get("leads", "")), (t("trace.coordinators"), row.get("coordinators", "")),
              (t("trace.deadline"), deadline), (t("trace.output"), row.get("output", ""))]
    if restated:
        fields.append((t("trace.restates"), ", ".join(short(s) for s in restated)))
    label = max(text_width(name) for name, _ in fields) + 2
    where = ", ".join(part for part in (row.get("decision"), row.get("section") and t("trace.section", number=row["section"]))
                      if part)
    lines = [f"{t('trace.task', source=short(row['source']))} ({where})"]
    lines += ["  " + line for line in wrap(row.get("text", ""), width - 2)]
    for name, text in fields:
        wrapped = wrap(text or t("none.value"), width - label - 2)
        lines.append(f"  {name + ':':{label}}{wrapped[0]}")
        lines += [" " * (label + 2) + line for line in wrapped[1:]]
    return lines


@click.command()
@click.argument("task")
@query_options
@reports_errors
def trace(task, endpoint, graph_file, fmt, bom, limit, fail_on_empty, timeout):
    """TASK (IRI or FILE:LINE, e.g. 004:97): its lead and coordinating agencies, deadline and
    output, then the chain up to the top resolutions."""
    from ..query import resolve_task_match
    from ..render.output import terminal_width

    store = store_for(endpoint, graph_file, timeout)
    match = resolve_task_match(store, task)
    say(match.said())
    result = run_named(store, "trace", {"task": match.iri}, fmt)
    if fmt in ("table", "wide"):  # the task itself is the card above the chain
        from ..store import Result

        click.echo("\n".join(task_card(store, match.iri, terminal_width()) + ["", t("trace.chain")]))
        result = Result(result.variables, [row for row in result if row["level"].value != "task"])
    emit(result, fmt, bom, limit, fail_on_empty, name="trace", store=store)


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
    emit(Result(["name", "score", "matched", "kind", "iri"], rows), fmt, bom, None, fail_on_empty,
         name="agency-search")
