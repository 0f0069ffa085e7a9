"""RDF terms as N-Triples strings, and a deterministic Turtle writer.

The build writes Turtle itself instead of going through rdflib: it is fast, has no
import cost, and the output is stable byte for byte (subjects and predicates sorted,
``@base`` for the data IRIs, no blank nodes).

Example:
    >>> lit("Sở Y tế", lang="vi")
    '"Sở Y tế"@vi'
    >>> lit("2021", datatype=XSD + "gYear")
    '"2021"^^<http://www.w3.org/2001/XMLSchema#gYear>'
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Iterable

BASE = "https://w3id.org/plangraph/id/"
PG = "https://w3id.org/plangraph/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ELI = "http://data.europa.eu/eli/ontology#"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
TIME = "http://www.w3.org/2006/time#"
DCTERMS = "http://purl.org/dc/terms/"

PREFIXES = {
    "dcterms": DCTERMS,
    "eli": ELI,
    "org": ORG,
    "pg": PG,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "time": TIME,
    "xsd": XSD,
}
RDF_TYPE = f"<{RDF}type>"

Triple = tuple[str, str, str]


def iri(value: str) -> str:
    """An IRI term; relative values are resolved against :data:`BASE`."""
    if "://" not in value:
        value = BASE + value
    return f"<{value}>"


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )


def lit(value: object, *, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal term."""
    text = _escape(str(value))
    if lang:
        return f'"{text}"@{lang}'
    if datatype and datatype != XSD + "string":
        return f'"{text}"^^<{datatype}>'
    return f'"{text}"'


@lru_cache(maxsize=8)
def _ordered(items: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(items, key=lambda p: -len(p[1])))


def _compact(term: str, prefixes: dict[str, str] = PREFIXES) -> str:
    if not term.startswith("<"):
        if "^^<" in term:
            head, _, dt = term.rpartition("^^")
            return f"{head}^^{_compact(dt, prefixes)}"
        return term
    value = term[1:-1]
    for prefix, namespace in _ordered(tuple(prefixes.items())):
        if value.startswith(namespace):
            local = value[len(namespace):]
            if local and all(c.isalnum() or c in "_-" for c in local) and local[0].isalpha():
                return f"{prefix}:{local}"
    if value.startswith(BASE):
        return f"<{value[len(BASE):]}>"
    return term


def to_turtle(triples: Iterable[Triple], header: str = "", prefixes: dict[str, str] | None = None) -> str:
    """Serialise ``triples`` as sorted Turtle.

    Example:
        >>> to_turtle([(iri("a"), RDF_TYPE, iri(PG + "Task"))]).splitlines()[-3:]
        ['', '<a>', '    a pg:Task .']
    """
    by_subject: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for s, p, o in triples:
        by_subject[s][p].add(o)
    out = [header] if header else []
    out.append(f"@base <{BASE}> .")
    known = {**PREFIXES, **(prefixes or {})}
    for prefix, namespace in sorted(known.items()):
        out.append(f"@prefix {prefix}: <{namespace}> .")
    out.append("")
    cache: dict[str, str] = {}  # the same terms recur on every subject: compact each once

    def compact(term: str) -> str:
        found = cache.get(term)
        if found is None:
            found = cache[term] = _compact(term, known)
        return found

    for subject in sorted(by_subject, key=compact):
        predicates = by_subject[subject]
        ordered = sorted(predicates, key=lambda p: (p != RDF_TYPE, compact(p)))
        lines = []
        for predicate in ordered:
            name = "a" if predicate == RDF_TYPE else compact(predicate)
            objects = sorted(compact(o) for o in predicates[predicate])
            joined = " ,\n        ".join(objects)
            lines.append(f"    {name} {joined}")
        out.append(f"{compact(subject)}\n" + " ;\n".join(lines) + " .\n")
    return "\n".join(out)
