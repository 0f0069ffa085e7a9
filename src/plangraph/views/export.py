"""Exports for Gephi, other RDF tools and spreadsheets."""

from __future__ import annotations

import io
from pathlib import Path

from .subgraphs import PREFIXES, plan_view

__all__ = ["full_graph", "export", "FORMATS", "TASK_COLUMNS", "task_rows", "tasks_result"]

FORMATS = ("graphml", "gexf", "jsonld", "nt", "csv", "xlsx")

TASKS_CSV = PREFIXES + """
SELECT ?decision ?file ?line ?part ?section ?text
       (GROUP_CONCAT(DISTINCT ?leadName; SEPARATOR="; ") AS ?leads)
       (GROUP_CONCAT(DISTINCT ?coordName; SEPARATOR="; ") AS ?coordinators)
       ?deadlineText ?deadline ?deadlineKind ?output ?task ?plan WHERE {
  #@values
  ?task a pg:Task ; pg:plan ?plan ; rdfs:label ?text ; pg:sourceFile ?file ; pg:sourceLine ?line ;
        pg:deadlineKind ?kind ; pg:leadAgency/skos:prefLabel ?leadName .
  FILTER(lang(?leadName) = "vi")
  ?plan pg:issuedBy/eli:id_local ?decision .
  BIND(IF(EXISTS { ?task a pg:AppendixTask }, "appendix", "body") AS ?part)
  BIND(STRAFTER(STR(?kind), "#") AS ?deadlineKind)
  OPTIONAL { ?task pg:section/pg:sectionNumber ?section }
  OPTIONAL { ?task pg:coordinatingAgency/skos:prefLabel ?coordName FILTER(lang(?coordName) = "vi") }
  OPTIONAL { ?task pg:deadlineText ?deadlineText }
  OPTIONAL { ?task pg:deadline ?deadline }
  OPTIONAL { ?task pg:output ?output }
}
GROUP BY ?decision ?file ?line ?part ?section ?text ?deadlineText ?deadline ?deadlineKind ?output ?task ?plan
ORDER BY ?file ?line"""

# each plan's top resolutions, in the order of their numbers
TOP_RESOLUTIONS = PREFIXES + """
SELECT ?plan (GROUP_CONCAT(DISTINCT ?topId; SEPARATOR=", ") AS ?resolutions) WHERE {
  { SELECT ?plan ?topId WHERE {
      ?plan a pg:Plan ; pg:implements+ ?top . ?top eli:id_local ?topId .
      FILTER NOT EXISTS { ?top pg:implements ?higher }
    } ORDER BY ?plan ?topId }
} GROUP BY ?plan"""

# The one layout of a task in CSV and xlsx: `export -f csv` (every task) and `tasks -f csv`
# (the agency's, after its name and role) share it, under the same headers.
TASK_COLUMNS = ["decision", "source", "part", "section", "text", "leads", "coordinators", "deadline",
                "deadlineText", "deadlineKind", "output", "resolutions", "task"]


def task_rows(store, tasks: list[str] | None = None) -> dict[str, dict]:
    """Task IRI -> the task's row in :data:`TASK_COLUMNS` (terms), for ``tasks`` (every
    task when None)."""
    from ..query import iri_term
    from ..store import Term

    values = "VALUES ?task { " + " ".join(iri_term(t) for t in tasks) + " }" if tasks is not None else ""
    if tasks is not None and not tasks:
        return {}
    tops = {row["plan"].value: row["resolutions"] for row in store.query(TOP_RESOLUTIONS) if "resolutions" in row}
    found = {}
    for row in store.query(TASKS_CSV.replace("#@values", values)):
        row = dict(row)
        row["source"] = Term("literal", f"{row['file'].value}:{row['line'].value}")
        if row["plan"].value in tops:
            row["resolutions"] = tops[row["plan"].value]
        found[row["task"].value] = row
    return found


def tasks_result(store):
    """Every task, one row each, in :data:`TASK_COLUMNS` (``export -f csv|xlsx``)."""
    from ..store import Result

    return Result(list(TASK_COLUMNS), list(task_rows(store).values()))


def full_graph(store):
    """Every plan's view composed: tasks, sections, agencies, plans, programmes, resolutions."""
    import networkx as nx

    plans = [row["plan"].value for row in store.query(
        PREFIXES + "SELECT ?plan WHERE { ?plan a pg:Plan } ORDER BY ?plan")]
    graph = nx.MultiDiGraph()
    for plan in plans:
        graph = nx.compose(graph, plan_view(store, plan))
    graph.graph["title"] = "plangraph"
    return graph


def _plain(graph):
    """A copy with string attributes only (GraphML and GEXF need typed, non-empty values)."""
    import networkx as nx

    plain = nx.MultiDiGraph()
    for node, data in sorted(graph.nodes(data=True)):
        plain.add_node(node, kind=data["kind"], label=data["label"], title=data.get("title", data["label"]))
    for a, b, key, data in sorted(graph.edges(keys=True, data=True)):
        plain.add_edge(a, b, key=key, relation=data["relation"], weight=int(data.get("weight", 1)))
    return plain


def export(store, fmt: str, graph_file: Path | None = None) -> bytes:
    """The whole graph in ``fmt``."""
    import networkx as nx

    if fmt in ("graphml", "gexf"):
        buffer = io.BytesIO()
        graph = _plain(full_graph(store))
        if fmt == "graphml":
            nx.write_graphml(graph, buffer)
        else:
            nx.write_gexf(graph, buffer)
        return buffer.getvalue()
    if fmt in ("csv", "xlsx"):  # for Excel: the task layout `tasks -f csv` has too
        from ..cli.output import write_result

        if fmt == "xlsx":
            from ..cli.xlsx import workbook_bytes

            return workbook_bytes(tasks_result(store), "tasks-export", all_rows=True)[0]
        text = io.StringIO()
        write_result(tasks_result(store), "csv", out=text, name="tasks-export", all_rows=True)
        return text.getvalue().encode("utf-8")
    if fmt in ("nt", "jsonld"):
        from ..paths import DEFAULT_OUTPUT

        source = graph_file or DEFAULT_OUTPUT
        if fmt == "nt":
            import pyoxigraph as ox

            triples = sorted(str(t) + " .\n" for t in ox.parse(path=str(source), format=ox.RdfFormat.TURTLE))
            return "".join(triples).encode("utf-8")
        import rdflib

        graph = rdflib.Graph().parse(source, format="turtle")
        context = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix}
        return graph.serialize(format="json-ld", context=context, indent=1, auto_compact=True).encode("utf-8")
    raise ValueError(fmt)
