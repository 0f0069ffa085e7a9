"""The subgraph each view shows, read from the store with SPARQL into a networkx graph.

Nodes carry ``kind`` (agency, collective, task, plan, section, resolution, programme,
document), ``label`` (short), ``title`` (the full text for the tooltip: task text,
deadline, output, source file and line). Edges carry ``relation`` (lead, coordinating,
in-plan, in-section, implements, serves, works-on) and a ``weight``.
"""

from __future__ import annotations

from ..catalogue import t
from ..query import QueryError, iri_term, resolve_agency, resolve_document

__all__ = ["agency_view", "resolution_view", "plan_view", "overview", "resolve_plan"]

PREFIXES = """
PREFIX pg: <https://w3id.org/plangraph/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

_KIND = """
  OPTIONAL { ?n a ?cls . VALUES ?cls { pg:Agency pg:Collective pg:Task pg:Plan pg:Section pg:Resolution
                                       pg:Programme pg:Decision pg:Document } }
"""

_TASK_INFO = """
  ?task rdfs:label ?text ; pg:sourceFile ?file ; pg:sourceLine ?line .
  OPTIONAL { ?task pg:deadlineText ?deadlineText }
  OPTIONAL { ?task pg:deadline ?deadline }
  OPTIONAL { ?task pg:output ?output }
"""


def _value(row, name, default=""):
    term = row.get(name)
    return term.value if term is not None else default


def _short(text: str, size: int = 34) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _graph():
    import networkx as nx

    return nx.MultiDiGraph()


def _add_task(graph, row) -> str:
    """A task node: its text, and what the side panel and the tooltip say about it."""
    from ..catalogue import t

    task = _value(row, "task")
    if task not in graph:
        text = _value(row, "text")
        source = f"{_value(row, 'file')}:{_value(row, 'line')}"
        lines = [text, ""]
        if _value(row, "deadlineText"):
            lines.append(f"{t('view.deadline')}: {_value(row, 'deadlineText')}"
                         + (f" ({_value(row, 'deadline')})" if _value(row, "deadline") else ""))
        if _value(row, "output"):
            lines.append(f"{t('view.output')}: {_value(row, 'output')}")
        lines.append(f"{t('view.source')}: {source}")
        graph.add_node(task, kind="task", label=_short(text, 32), title="\n".join(lines), text=text,
                       source=source, deadline=_value(row, "deadline"), deadlineText=_value(row, "deadlineText"))
    return task


def _add(graph, node: str, kind: str, label: str, title: str = "") -> str:
    if node not in graph:
        graph.add_node(node, kind=kind, label=_short(label), title=title or label)
    return node


def _doc_kind(cls: str) -> str:
    return {"Resolution": "resolution", "Programme": "programme", "Plan": "plan"}.get(cls.rsplit("#", 1)[-1],
                                                                                      "document")


def _add_edge(graph, a: str, b: str, relation: str, weight: int = 1) -> None:
    if not graph.has_edge(a, b, key=relation):
        graph.add_edge(a, b, key=relation, relation=relation, weight=weight)


def _tops(store, graph, plans: set[str]) -> None:
    """Add each plan's top resolutions and the programmes on the way."""
    if not plans:
        return
    values = " ".join(iri_term(p) for p in sorted(plans))
    query = PREFIXES + f"""
SELECT ?from ?to ?toId ?toCls ?toLabel WHERE {{
  VALUES ?plan {{ {values} }}
  ?plan pg:implements* ?from . ?from pg:implements ?to .
  ?to eli:id_local ?toId . OPTIONAL {{ ?to rdfs:label ?toLabel }}
  OPTIONAL {{ ?to a ?toCls . VALUES ?toCls {{ pg:Resolution pg:Programme pg:Decision }} }}
}}"""
    rows = list(store.query(query))
    for row in rows:
        _add(graph, _value(row, "to"), _doc_kind(_value(row, "toCls")), _value(row, "toId"), _value(row, "toLabel"))
    for row in rows:  # edges once every node of the chain is in
        if _value(row, "from") in graph:
            _add_edge(graph, _value(row, "from"), _value(row, "to"), "implements")


def _agency_rows_query(iri: str, as_of: str, as_printed: bool) -> str:
    """The view's rows: the agency's tasks as the plans print them (with where each went by
    ``as_of``) and, unless ``as_printed``, the tasks it held on that day after taking them over."""
    from ..catalogue import LANGUAGES, current
    from ..query import Param, term_for

    # (?lang: the handovers' notes are in the graph in Vietnamese and English; the view's language)
    values = (f"VALUES (?agency ?asOf ?asPrinted ?lang) {{ ({iri_term(iri)} {term_for(Param('as-of', 'date', 'asOf'), as_of)} "
              f"{term_for(Param('as-printed', 'boolean', 'asPrinted'), str(as_printed))} "
              f"{term_for(Param('lang', 'choice', 'lang', choices=LANGUAGES), current())}) }}")
    printed = """{{
    {values}
    ?task pg:{role}Agency ?agency BIND("{role}" AS ?role)
    OPTIONAL {{ ?gone pg:printedAgency ?agency ; pg:fromAgency ?agency ; pg:task ?task ; pg:role "{role}" ;
                      pg:validFrom ?left ; pg:passedNote ?passed FILTER(lang(?passed) = ?lang) }}
    BIND(IF(!?asPrinted && BOUND(?left) && ?left <= ?asOf, ?passed, "") AS ?note)
  }}"""
    return PREFIXES + f"""
SELECT ?role ?heldRole ?task ?text ?file ?line ?deadlineText ?deadline ?output ?plan ?planLabel ?decision ?note
       ?other ?otherName ?otherRole ?otherCls WHERE {{
  # the agency's tasks first, as a subquery: joined in place, oxigraph read every task's
  # text and plan before the union (0.7 s in memory and 2.8 s on disk for Sở Tài chính's
  # 137 tasks; 19 ms this way, the same rows)
  {{ SELECT * WHERE {{
  {printed.format(values=values, role="lead")} UNION {printed.format(values=values, role="coordinating")} UNION {{
    {values}
    FILTER(!?asPrinted)
    ?held pg:heldBy ?agency ; pg:task ?task ; pg:role ?heldRole ; pg:validFrom ?since ; pg:inheritedNote ?note .
    FILTER(?since <= ?asOf && lang(?note) = ?lang)
    MINUS {{ {values} ?held pg:validUntil ?until . FILTER(?until <= ?asOf) }}
    BIND("inherited" AS ?role)
  }}
  }} }}
  {_TASK_INFO}
  ?task pg:plan ?plan . ?plan rdfs:label ?planLabel FILTER(lang(?planLabel) = "vi")
  ?plan pg:issuedBy/eli:id_local ?decision .
  OPTIONAL {{
    {{ ?task pg:leadAgency ?other BIND("lead" AS ?otherRole) }} UNION {{ ?task pg:coordinatingAgency ?other BIND("coordinating" AS ?otherRole) }}
    FILTER(?other != ?agency)
    ?other skos:prefLabel ?otherName FILTER(lang(?otherName) = "vi")
    ?other a ?otherCls . VALUES ?otherCls {{ pg:Agency pg:Collective }}
  }}
}}"""


def agency_view(store, agency: str, as_of: str | None = None, as_printed: bool = False):
    """The agency, its tasks (lead and coordinating), their plans and top resolutions, and
    the agencies it shares tasks with; and, on ``as_of`` (default today), the tasks it took
    over in a change of organisation ("inherited" edges) and the bodies it took over from or
    handed its work to ("succession" edges). ``as_printed``: the agencies as the plans name them."""
    from datetime import date

    from ..query import bind, load_query

    iri = resolve_agency(store, agency)
    graph = _graph()
    name = store.query(PREFIXES + f"SELECT ?n WHERE {{ {iri_term(iri)} skos:prefLabel ?n FILTER(lang(?n) = 'vi') }}")
    label = next((row["n"].value for row in name), iri)
    _add(graph, iri, "agency", label)
    graph.graph["focus"] = iri
    graph.graph["layout"] = "radial"
    graph.graph["title"] = t("view.title.agency", name=label)
    plans = set()
    for row in store.query(_agency_rows_query(iri, as_of or date.today().isoformat(), as_printed)):
        task = _add_task(graph, row)
        note = _value(row, "note") and f"{t('view.succession')}: {_value(row, 'note')}"
        if note and note not in graph.nodes[task]["title"].split("\n"):  # one row per partner: said once
            graph.nodes[task]["title"] += "\n" + note
        _add_edge(graph, iri, task, _value(row, "role"))
        if _value(row, "heldRole"):  # a task taken over: in which role (the side panel says it)
            held = graph.edges[iri, task, "inherited"].setdefault("roles", [])
            if _value(row, "heldRole") not in held:
                held.append(_value(row, "heldRole"))
        plan = _add(graph, _value(row, "plan"), "plan", _value(row, "decision"), _value(row, "planLabel"))
        plans.add(plan)
        _add_edge(graph, task, plan, "in-plan")
        if _value(row, "other"):
            kind = "collective" if _value(row, "otherCls").endswith("Collective") else "agency"
            other = _add(graph, _value(row, "other"), kind, _value(row, "otherName"))
            _add_edge(graph, other, task, _value(row, "otherRole"))
    if len(graph) == 1:
        raise QueryError(t("view.no_tasks", name=label))
    if not as_printed:
        # the bodies it took over and those that took over its work (query agency-changes)
        from ..catalogue import current

        for row in store.query(bind(load_query("agency-changes"), {"agency": iri, "lang": current()})):  # (resolved above)
            if not _value(row, "other"):
                continue
            other = _add(graph, _value(row, "other"), "agency", _value(row, "otherName"))
            after = _value(row, "relation") in ("ended; its work passed to", "gave part of its work to")
            source, target = (iri, other) if after else (other, iri)
            _add_edge(graph, source, target, "succession")
            work = f" ({_value(row, 'work')})" if _value(row, "work") else ""
            graph.edges[source, target, "succession"]["title"] = f"{_value(row, 'what')}{work}, {_value(row, 'date')}"
    _tops(store, graph, plans)
    return graph


def resolution_view(store, resolution: str):
    """The resolution, the programmes and plans that implement it, their sections and tasks,
    and the lead agencies."""
    iri = resolve_document(store, resolution)
    graph = _graph()
    head = store.query(PREFIXES + f"SELECT ?id ?label WHERE {{ {iri_term(iri)} eli:id_local ?id OPTIONAL {{ {iri_term(iri)} rdfs:label ?label }} }}")
    rows = list(head)
    ident = _value(rows[0], "id") if rows else iri
    _add(graph, iri, "resolution", ident, _value(rows[0], "label") if rows else ident)
    graph.graph["focus"] = iri
    graph.graph["title"] = t("view.title.resolution", name=ident)
    chain = PREFIXES + f"""
SELECT ?from ?fromId ?fromCls ?fromLabel ?to WHERE {{
  ?from pg:implements ?to . ?to pg:implements* {iri_term(iri)} .
  OPTIONAL {{ ?from eli:id_local ?fromId }}
  OPTIONAL {{ ?from pg:issuedBy/eli:id_local ?fromId }}
  OPTIONAL {{ ?from rdfs:label ?fromLabel FILTER(lang(?fromLabel) = "vi" || lang(?fromLabel) = "") }}
  OPTIONAL {{ ?from a ?fromCls . VALUES ?fromCls {{ pg:Plan pg:Programme pg:Resolution pg:Decision }} }}
}}"""
    plans = set()
    for row in store.query(chain):
        kind = _doc_kind(_value(row, "fromCls"))
        node = _add(graph, _value(row, "from"), kind, _value(row, "fromId") or _value(row, "fromLabel"),
                    _value(row, "fromLabel"))
        if kind == "plan":
            plans.add(node)
        _add(graph, _value(row, "to"), "programme", _value(row, "to").rsplit("/", 1)[-1])
        _add_edge(graph, node, _value(row, "to"), "implements")
    if not plans:
        raise QueryError(t("view.no_plan", name=ident))
    values = " ".join(iri_term(p) for p in sorted(plans))
    tasks = PREFIXES + f"""
SELECT ?plan ?section ?sectionLabel ?task ?text ?file ?line ?deadlineText ?deadline ?output ?lead ?leadName ?leadCls WHERE {{
  VALUES ?plan {{ {values} }}
  ?task pg:plan ?plan . {_TASK_INFO}
  OPTIONAL {{ ?task pg:section ?section . ?section rdfs:label ?sectionLabel }}
  ?task pg:leadAgency ?lead . ?lead skos:prefLabel ?leadName FILTER(lang(?leadName) = "vi")
  ?lead a ?leadCls . VALUES ?leadCls {{ pg:Agency pg:Collective }}
}}"""
    for row in store.query(tasks):
        _add_task_in_plan(graph, row, _value(row, "plan"), _value(row, "lead"), _value(row, "leadName"),
                          _value(row, "leadCls"), "lead")
    return graph


def _add_task_in_plan(graph, row, plan: str, agency: str, name: str, cls: str, role: str) -> None:
    """A task under its section (or plan), with one of its agencies."""
    task = _add_task(graph, row)
    if _value(row, "section"):
        section = _add(graph, _value(row, "section"), "section", _value(row, "sectionLabel"))
        _add_edge(graph, section, plan, "in-plan")
        _add_edge(graph, task, section, "in-section")
    else:
        _add_edge(graph, task, plan, "in-plan")
    kind = "collective" if cls.endswith("Collective") else "agency"
    _add_edge(graph, _add(graph, agency, kind, name), task, role)


def resolve_plan(store, text: str) -> str:
    """A plan by the number of its decision ("913/QĐ-UBND", "913"), its file or its IRI."""
    if text.startswith("http"):
        return text
    number = text.split("/")[0].strip()
    query = PREFIXES + """SELECT DISTINCT ?plan ?file ?id WHERE { ?plan a pg:Plan ; pg:sourceFile ?file ;
        pg:issuedBy/eli:id_local ?id }"""
    found = [(_value(r, "plan"), _value(r, "file"), _value(r, "id")) for r in store.query(query)]
    matches = [p for p, f, i in found if i == text or i.split("/")[0] == number or f.startswith(text)]
    if len(matches) != 1:
        known = ", ".join(sorted(f"{i} ({f})" for _, f, i in found))
        raise QueryError(t("plan.none" if not matches else "plan.several", given=text, plans=known))
    return matches[0]


def plan_view(store, plan: str):
    """One plan: its decision, what it implements, its sections, tasks and agencies."""
    iri = resolve_plan(store, plan)
    graph = _graph()
    head = list(store.query(PREFIXES + f"""SELECT ?label ?id WHERE {{ {iri_term(iri)} rdfs:label ?label ;
        pg:issuedBy/eli:id_local ?id FILTER(lang(?label) = "vi") }}"""))
    ident = _value(head[0], "id") if head else iri
    _add(graph, iri, "plan", ident, _value(head[0], "label") if head else ident)
    graph.graph["focus"] = iri
    graph.graph["title"] = f"{ident}: {_short(_value(head[0], 'label') if head else '', 90)}"
    graph.graph["name"] = ident
    query = PREFIXES + f"""
SELECT ?section ?sectionLabel ?task ?text ?file ?line ?deadlineText ?deadline ?output ?agency ?name ?role ?cls WHERE {{
  VALUES ?plan {{ {iri_term(iri)} }}
  ?task pg:plan ?plan . {_TASK_INFO}
  OPTIONAL {{ ?task pg:section ?section . ?section rdfs:label ?sectionLabel }}
  {{ ?task pg:leadAgency ?agency BIND("lead" AS ?role) }} UNION {{ ?task pg:coordinatingAgency ?agency BIND("coordinating" AS ?role) }}
  ?agency skos:prefLabel ?name FILTER(lang(?name) = "vi")
  ?agency a ?cls . VALUES ?cls {{ pg:Agency pg:Collective }}
}}"""
    for row in store.query(query):
        _add_task_in_plan(graph, row, iri, _value(row, "agency"), _value(row, "name"), _value(row, "cls"),
                          _value(row, "role"))
    _tops(store, graph, {iri})
    return graph


def overview(store):
    """Resolutions, programmes, plans and agencies; agency-plan edges weighted by tasks."""
    graph = _graph()
    graph.graph["title"] = t("view.title.overview")
    graph.graph["layout"] = "rings"
    plans = set()
    query = PREFIXES + """
SELECT ?plan ?planLabel ?decision ?agency ?name (COUNT(DISTINCT ?task) AS ?tasks) WHERE {
  ?plan a pg:Plan ; rdfs:label ?planLabel ; pg:issuedBy/eli:id_local ?decision . FILTER(lang(?planLabel) = "vi")
  ?task pg:plan ?plan .
  { ?task pg:leadAgency ?agency } UNION { ?task pg:coordinatingAgency ?agency }
  ?agency a pg:Agency ; skos:prefLabel ?name . FILTER(lang(?name) = "vi")
} GROUP BY ?plan ?planLabel ?decision ?agency ?name"""
    for row in store.query(query):
        plan = _add(graph, _value(row, "plan"), "plan", _value(row, "decision"), _value(row, "planLabel"))
        plans.add(plan)
        agency = _add(graph, _value(row, "agency"), "agency", _value(row, "name"))
        count = int(_value(row, "tasks", "1"))
        graph.add_edge(agency, plan, key="works-on", relation="works-on", weight=count)
        graph.nodes[agency]["tasks"] = graph.nodes[agency].get("tasks", 0) + count
    for agency, data in graph.nodes(data=True):
        if data["kind"] == "agency":
            data["title"] = f"{data['title']}\n{t('view.task_links', count=data.get('tasks', 0))}"
    _tops(store, graph, plans)
    return graph
