"""Running a question and writing its answer, free of click.

The commands (click, :mod:`.options`) and the quick path (:mod:`.quick`) share these, so
that an answer is the same whichever parsed the command line: resolving the names a
query takes, running it, and writing the rows (data on stdout, messages on stderr).

Messages can be held back (:func:`hold`) until the answer starts: the quick path holds
them so that, when it gives a command line back to click (an error before any output),
nothing has been printed twice.

Example:
    >>> from plangraph.store import Result, Term
    >>> answer = with_columns(Result(["role"], [{"role": Term("literal", "lead")}]),
    ...                       {"agencyName": Term("literal", "Sở Y tế")})
    >>> answer.variables, [row["agencyName"].value for row in answer]
    (['agencyName', 'role'], ['Sở Y tế'])
"""

from __future__ import annotations

import sys

from ..catalogue import plural, t

TYPE_CHECKING = False  # (for the annotations only: importing pathlib costs a query command ~5 ms)
if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["say", "hold", "holding", "release", "write_answer", "with_columns", "for_people", "with_task_details",
           "run_sparql", "check_range", "resolve_params", "run_named", "agency_column", "find_workspace",
           "open_store_in", "warm_store_opener"]

_held: list[str] | None = None


def say(message: str) -> None:
    """A message for the reader, on stderr (stdout is the data); kept while :func:`hold` is on."""
    if _held is not None:
        _held.append(message)
        return
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def hold(on: bool) -> None:
    """Keep the messages said from now on (``on``), or drop the kept ones (not ``on``)."""
    global _held
    _held = [] if on else None


def holding() -> bool:
    """Whether messages are being kept (nothing of the answer has been printed yet)."""
    return _held is not None


def release() -> None:
    """Print the messages kept by :func:`hold`, and stop keeping them."""
    global _held
    kept, _held = _held, None
    for message in kept or ():
        say(message)


def write_answer(result, fmt: str, bom: bool, limit: int | None, fail_on_empty: bool, name: str | None = None,
                 store=None, notes: list[str] | None = None, columns: dict | None = None,
                 output: Path | None = None, all_rows: bool = False) -> None:
    """Print ``result`` (rows streaming through in the formats for programs) to stdout or
    ``output`` (written atomically), say on stderr what was left out or folded and how many
    rows, and exit 1 when asked to fail on an empty result. ``name``: the named query it
    answers (how people read it); ``columns``: variables with one value (a
    :class:`~plangraph.store.Term`) for every row, put first in every format (the agency
    asked about: people and programs both need to see it)."""
    import itertools
    import os

    from ..store import Result, RowStream
    from ..render.output import FOR_PEOPLE, write_result

    notes = list(notes or [])
    if limit is not None and result.boolean is None:
        rows = itertools.islice(result, limit)  # on a stream, stops the query after `limit` rows
        result = Result(result.variables, list(rows)) if isinstance(result, Result) else RowStream(
            result.variables, rows)
    if columns and result.boolean is None:
        result = with_columns(result, columns)
    if fmt in FOR_PEOPLE and result.boolean is None:
        result = for_people(store, result, name)
    if fmt in ("csv", "xlsx") and store is not None and result.boolean is None:
        result = with_task_details(store, result, name)
    release()
    try:
        if fmt == "xlsx":
            from ..render.xlsx import workbook_bytes

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
        say(plural(count, "noun.row") + (f" → {output}" if output is not None else ""))
    if fail_on_empty and result.boolean is None and not count:
        sys.exit(1)


def with_columns(result, columns: dict):
    """``result`` with the variables of ``columns`` first, each with its one value in every
    row; a stream stays a stream."""
    from ..store import Result, RowStream

    variables = [*columns, *(v for v in result.variables if v not in columns)]
    rows = ({**columns, **row} for row in result)
    return Result(variables, list(rows)) if isinstance(result, Result) else RowStream(variables, rows)


def for_people(store, result, name: str | None):
    """``result`` with what the formats for people add: for a view that folds appendix rows,
    ``?restates`` (the body task each restates) when the query does not give it (looked up
    here, so that the query itself costs no more)."""
    from ..store import Result
    from ..render.present import view_for

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
    return Result(variables, rows)


def with_task_details(store, result, name: str | None):
    """``result`` with each task's row of the export layout joined in (for CSV and xlsx:
    the same columns as ``export -f csv``), when the view of ``name`` asks for it."""
    from ..store import Result
    from ..render.present import view_for

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


def check_range(start: str | None, end: str | None) -> None:
    """Refuse a window that ends before it starts (it would silently answer nothing)."""
    if start and end and start > end:
        from ..query import QueryError

        raise QueryError(t("range.reversed", start=start, end=end))


def resolve_params(store, query, params: dict[str, str], quiet: bool = False, found: dict | None = None
                   ) -> dict[str, str]:
    """The parameters with each name of an agency, document or task resolved to its IRI,
    said on stderr ("cơ quan "so y te" → Sở Y tế"); a weak or ambiguous name is refused.
    ``found`` (when given) receives each parameter's :class:`plangraph.query.Resolution`."""
    from ..query import resolve_agency_match, resolve_document_match, resolve_task_match

    resolvers = {"agency": resolve_agency_match, "document": resolve_document_match, "task": resolve_task_match}
    resolved = {}
    for key, value in params.items():
        kind = query.param(key).type
        if kind in resolvers:
            match = resolvers[kind](store, value)
            if not quiet:
                say(match.said())
            if found is not None:
                found[key] = match
            value = match.iri
        resolved[key] = value
    check_range(resolved.get("from"), resolved.get("to"))
    return resolved


def run_named(store, name: str, params: dict[str, str], fmt: str = "table", quiet: bool = True,
              found: dict | None = None):
    """Resolve the parameters that name things (agency, document, task), bind, run (as a
    stream of rows in the formats for programs). ``quiet=False`` says what each name was
    resolved to on stderr; ``found`` receives the resolutions. A query with a ``lang``
    parameter (the language of the notes it picks) gets the reader's, unless given."""
    from ..query import bind, load_query

    query = load_query(name)
    if "lang" in {param.name for param in query.params} and "lang" not in params:
        from ..catalogue import current

        params = {**params, "lang": current()}
    return run_sparql(store, bind(query, resolve_params(store, query, params, quiet, found)), fmt)


def agency_column(name: str, found: dict) -> dict:
    """The agency asked about, as the first columns of an agency query's answer in every
    format: ``agency`` (its IRI) and ``agencyName``. Known from the resolution, so that the
    query itself costs no more."""
    from ..store import Term

    if name != "tasks-of-agency" or "agency" not in found:
        return {}
    return {"agency": Term("uri", found["agency"].iri), "agencyName": Term("literal", found["agency"].label, "vi")}


def find_workspace(explicit: Path | None, required: bool):
    """The workspace of ``explicit`` (``--workspace``), of ``PLANGRAPH_WORKSPACE`` or the
    nearest ``plangraph.toml`` above the current folder; None when there is none and it is
    not ``required`` (a named one that is missing, or a broken one, is always an error)."""
    from ..workspace import NotInWorkspace, find

    try:
        return find(explicit=explicit)
    except NotInWorkspace:
        if required or explicit:
            raise
        return None


def open_store_in(ws, endpoint: str | None, graph_file: Path | None, timeout: float):
    """An endpoint, or the embedded store of ``graph_file`` or the workspace ``ws``'s graph,
    whose cache is the workspace's (beside the graph file only outside any workspace). The
    workspace's graph comes with its progress reports' graph, when there is one."""
    from ..store import open_store

    if endpoint:
        return open_store(endpoint, None, timeout)
    graph = graph_file or ws.graph
    also = (ws.progress_graph,) if ws and graph.resolve() == ws.graph.resolve() else ()
    return open_store(None, graph, timeout, cache_dir=ws.cache if ws else None, also=also)


def warm_store_opener(explicit: Path | None, graph_file: Path | None, timeout: float):
    """For the quick path: what opens the embedded store of the workspace's graph, found
    through :mod:`plangraph.wsfile` (strings, no pathlib: issue 16), the store being the one
    :func:`open_store_in` opens. None when a graph file is given or the workspace's
    plangraph.toml is not the usual kind: then :func:`find_workspace` and
    :func:`open_store_in` (which say what is wrong)."""
    if graph_file is not None:
        return None
    from ..wsfile import config_file, settings

    config = config_file(explicit)
    found = settings(config) if config else None
    if found is None:
        return None

    def open_store():
        from ..store import EmbeddedStore

        return EmbeddedStore(found["graph"], cache_dir=found["cache"], timeout=timeout, also=(found["progress_graph"],))

    return open_store
